import { emailLanguageChoices } from '../src/domain/email-language';
import { conditions } from '../src/domain/workflow-profile';
import type { DefaultRow, TableTemplate } from '../src/domain/workspace-template';

export const settingGroups = ['Role', 'Scoring weight', 'Approval step', 'Timing', 'Email'] as const;

export const stepConditions = ['Always', ...conditions] as const;

const role = (id: string, name: string, note: string, since = 1): DefaultRow => ({
  since,
  values: { id: `role.${id}`, group: 'Role', setting: name, note },
});

const weight = (id: string, name: string): DefaultRow => ({
  since: 1,
  values: {
    id: `weight.${id}`,
    group: 'Scoring weight',
    setting: name,
    value: '1',
    note: 'Weights are relative; equal weights are the default.',
  },
});

const step = (n: number, name: string, roles: string, condition: string, note: string): DefaultRow => ({
  since: 1,
  values: { id: `step.${n}`, group: 'Approval step', setting: name, value: roles, condition, note },
});

export const settings: TableTemplate = {
  kind: 'table',
  key: 'settings',
  name: 'Settings',
  purpose: 'Who holds each role, scoring weights, the approval chain, reminder timing and email language.',
  idPrefix: 'ST',
  protection: 'none',
  tabColor: '#5f6368',
  columns: [
    {
      key: 'id',
      header: 'ID',
      type: { kind: 'id' },
      width: 150,
      since: 1,
      help: 'The setting’s key; the add-on finds settings by it.',
    },
    {
      key: 'group',
      header: 'Group',
      type: { kind: 'choice', choices: settingGroups },
      width: 120,
      since: 1,
      help: 'What kind of setting this is.',
    },
    {
      key: 'setting',
      header: 'Setting',
      type: { kind: 'text' },
      width: 220,
      since: 1,
      help: 'The role, criterion, step or option.',
    },
    {
      key: 'value',
      header: 'Value',
      type: { kind: 'text' },
      width: 240,
      since: 1,
      help: 'Roles: the person’s name. Weights and timing: a number. Steps: the approving roles, separated by commas (they approve in parallel).',
    },
    {
      key: 'email',
      header: 'Email',
      type: { kind: 'email' },
      width: 220,
      since: 1,
      help: 'Roles: the person’s work email. Approval replies count only from this address or its aliases.',
    },
    {
      key: 'aliases',
      header: 'Other addresses',
      type: { kind: 'text' },
      width: 200,
      since: 1,
      help: 'Roles: other addresses the same person replies from, separated by commas.',
    },
    {
      key: 'language',
      header: 'Email language',
      type: { kind: 'choice', choices: emailLanguageChoices },
      width: 150,
      since: 2,
      help: 'Roles: the language of this person’s emails (English, Spanish, or English and Spanish). Blank: the workspace’s Email language.',
    },
    {
      key: 'condition',
      header: 'Applies when',
      type: { kind: 'choice', choices: stepConditions },
      width: 150,
      since: 1,
      help: 'Approval steps: when the step is needed.',
    },
    {
      key: 'note',
      header: 'Note',
      type: { kind: 'text', long: true },
      width: 280,
      since: 1,
      help: 'What the setting means.',
    },
  ],
  defaultRows: [
    role(
      'sponsor',
      'Executive sponsor',
      'Superintendent or cabinet member who makes the final go/no-go call.',
    ),
    role(
      'owner',
      'Workflow owner',
      'Department lead accountable for the pilot; usually the person sending requests.',
    ),
    role(
      'technology',
      'Technology director',
      'Reviews the tool, accounts, security and the approved-tools registry.',
    ),
    role(
      'privacy',
      'Privacy officer',
      'Reviews data classification, student-privacy law and the data agreement.',
    ),
    role('legal', 'Legal counsel', 'Reviews new vendor contracts, public disclosures and records questions.'),
    role(
      'communications',
      'Communications director',
      'Owns approved sources, boundaries and the communication plan.',
    ),
    role('accessibility', 'Accessibility and equity lead', 'Reviews accessibility and translated output.'),
    role('hr', 'HR and labor relations', 'Consulted when job duties change.'),
    role('security', 'Security lead', 'Owns the incident path for AI errors and data exposure.'),
    role(
      'training',
      'Professional development lead',
      'Trains pilot staff on policy, data rules and review duties.',
    ),
    role(
      'procurement',
      'Procurement lead',
      'Buys the tool under district purchasing rules; tracks its total cost.',
      3,
    ),
    role(
      'curriculum',
      'Curriculum lead',
      'Reviews any use by students: instruction, age limits and parent notice.',
      3,
    ),
    weight('common', 'Common'),
    weight('measurable', 'Measurable'),
    weight('risk', 'Low enough risk'),
    weight('pain', 'Painful enough'),
    step(
      1,
      'Technology review',
      'Technology director',
      'Always',
      'The tool, accounts, security and registry.',
    ),
    step(
      2,
      'Privacy review',
      'Privacy officer',
      'Amber or Red data',
      'Needed when the workflow uses personal data (the Amber or Red tier).',
    ),
    step(
      3,
      'Legal and procurement review',
      'Legal counsel, Procurement lead',
      'New vendor',
      'Needed when a new vendor or contract is involved: the contract, the data-privacy agreement and the purchase.',
    ),
    step(
      4,
      'Accessibility and language review',
      'Accessibility and equity lead',
      'Non-English output',
      'Needed when output is translated.',
    ),
    step(
      5,
      'Communications review',
      'Communications director',
      'Family-facing',
      'Needed when families read the output: the family notice and the AI-disclosure decision.',
    ),
    step(
      6,
      'Curriculum review',
      'Curriculum lead',
      'Student-facing',
      'Needed when students use the tool or see its output (not in a first pilot).',
    ),
    step(
      7,
      'Labor relations',
      'HR and labor relations',
      'Job duties change',
      'Needed when staff duties change.',
    ),
    step(8, 'Final approval', 'Executive sponsor', 'Always', 'Go or no-go to start the pilot.'),
    {
      since: 1,
      values: {
        id: 'timing.reminderDays',
        group: 'Timing',
        setting: 'Reminder after (days)',
        value: '3',
        note: 'A reminder goes in the same email thread after this many days without a reply.',
      },
    },
    {
      since: 1,
      values: {
        id: 'timing.escalationDays',
        group: 'Timing',
        setting: 'Escalate after (days)',
        value: '5',
        note: 'After this many days the executive sponsor is told the request is waiting.',
      },
    },
    {
      since: 3,
      values: {
        id: 'timing.incidentNoticeHours',
        group: 'Timing',
        setting: 'Incident notice within (hours)',
        value: '72',
        note: 'How soon after an incident is found the district must be told under the data-privacy agreement (the SDPC national agreement allows at most 72 hours). Check your own agreement and state breach law.',
      },
    },
    {
      since: 1,
      values: {
        id: 'email.language',
        group: 'Email',
        setting: 'Email language',
        value: 'English and Spanish',
        note: 'The language of approvers’ emails (English, Spanish, or English and Spanish) unless a Role row sets its own. Replies are read in either.',
      },
    },
  ],
  conditionalFormats: [],
};
