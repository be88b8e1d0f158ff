import type { LayoutTemplate } from '../src/domain/workspace-template';

/** Live formulas over the other sheets, so a leader without the add-on sees current figures. */
export const dashboard: LayoutTemplate = {
  kind: 'layout',
  key: 'dashboard',
  name: 'Dashboard',
  purpose: 'The leader view: where the plan stands, at a glance, without the add-on.',
  tabColor: '#d93025',
  since: 1,
  columnWidths: [260, 320],
  rows: [
    ['AI implementation plan', ''],
    ['One workflow, governed, piloted with staff review, measured, then decided.', ''],
    ['', ''],
    ['Candidate workflows', '=COUNTA([Workflows.id])'],
    ['Scores entered', '=COUNTA([Scores.id])'],
    ['Selected workflow', '=IFERROR(INDEX([Workflows.name],MATCH(TRUE,[Workflows.selected],0)),"None yet")'],
    [
      'Required checklist items done',
      '=COUNTIFS([Governance.applies],"Yes",[Governance.requirement],"<>Recommended",[Governance.status],"Done")+COUNTIFS([Governance.applies],"Yes",[Governance.requirement],"<>Recommended",[Governance.status],"N/A",[Governance.naReason],"<>")&" of "&COUNTIFS([Governance.applies],"Yes",[Governance.requirement],"<>Recommended")',
    ],
    // The plan version's hash is for the Log and Approvals; people read "Plan version 2" below.
    ['Measurements recorded', '=COUNTA([Metrics.id])'],
    ['Approvals received', '=COUNTIF([Approvals.status],"Approved")&" of "&COUNTA([Approvals.id])'],
    ['Pilot state', '=IFERROR(INDEX([Pilot.state],MATCH("*",[Pilot.state],0)),"Not started")'],
  ],
};
