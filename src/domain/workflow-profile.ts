import { dataTierMessages } from './messages/data-tier-messages';
/**
 * The one declaration of what a candidate workflow is: its text fields, its data tier and its profile
 * flags, and the condition vocabulary that the checklist and the approval chain use. The Workflows
 * template, the sidebar form, the input check, the records, the checklist triggers and the approval
 * steps all derive from these lists; nothing else spells them out.
 */

/** The workflow's text fields, with the limits the input check enforces and the words people see. */
export const workflowTextFields = [
  {
    key: 'name',
    header: 'Workflow',
    label: 'The workflow name',
    help: 'A short name for the workflow, e.g. "FAQ drafting from approved materials".',
  },
  {
    key: 'description',
    header: 'Description',
    label: 'The description',
    help: 'What the work is today and what AI would help with.',
  },
  {
    key: 'team',
    header: 'Team',
    label: 'The team',
    help: 'The team or department that does this work.',
  },
  {
    key: 'timeLost',
    header: 'Where is staff time lost?',
    label: 'The answer about lost time',
    help: 'Selection question 1: where does staff time go, again and again?',
  },
  {
    key: 'fragmented',
    header: 'Where is communication fragmented?',
    label: 'The answer about fragmented communication',
    help: 'Selection question 2: where do messages, answers or sources get scattered?',
  },
  {
    key: 'frequentSafe',
    header: 'Frequent and safe enough?',
    label: 'The answer about frequency and safety',
    help: 'Selection question 3: does it happen often enough to matter, and is it safe enough to pilot with review?',
  },
] as const;
export type WorkflowTextKey = (typeof workflowTextFields)[number]['key'];

/**
 * The four data tiers, least to most sensitive. Each carries the rule staff follow, which the approval
 * email quotes as it stands, and the law it rests on. The names stay colours so a workspace set up
 * before the fourth tier keeps its values; "Amber" now means personal data, which only adds checks.
 */
export const dataTierDefinitions = [
  {
    name: 'Green',
    label: 'Public',
    rule: dataTierMessages['rule.Green'],
    basis:
      'District records policy; FERPA 34 CFR §99.37 (directory information is released only under the annual notice)',
  },
  {
    name: 'Yellow',
    label: 'Internal',
    rule: dataTierMessages['rule.Yellow'],
    basis: 'District acceptable-use and records policies; NIST AI RMF MAP 2',
  },
  {
    name: 'Amber',
    label: 'Personal data about staff or families',
    rule: dataTierMessages['rule.Amber'],
    basis:
      'State student- and consumer-privacy laws; SDPC National Data Privacy Agreement; FERPA 34 CFR §99.3 (a message about a named child kept by the district is an education record)',
  },
  {
    name: 'Red',
    label: 'Student education records',
    rule: dataTierMessages['rule.Red'],
    basis:
      'FERPA 34 CFR §99.3 and §99.31(a)(1)(i)(B) (a vendor sees student records only as a school official under direct control); §99.37 (directory information and opt-outs)',
  },
] as const;
export type DataTier = (typeof dataTierDefinitions)[number]['name'];
export const dataTiers: readonly DataTier[] = dataTierDefinitions.map((t) => t.name);

/** The tiers that hold personal data: they need the privacy review and a data-privacy agreement. */
export const personalDataTiers: readonly DataTier[] = ['Amber', 'Red'];

export function tierDefinition(tier: string): (typeof dataTierDefinitions)[number] | null {
  return dataTierDefinitions.find((t) => t.name === tier) ?? null;
}

/** How the Data tier column and the form describe the tiers: "Green: public. Yellow: …". */
export const dataTierHelp = dataTierDefinitions.map((t) => `${t.name}: ${t.label.toLowerCase()}.`).join(' ');

/**
 * The profile flags: each is a Workflows column, a checkbox in the form, and the condition of the same
 * name that turns checklist items and approval steps on. `since` is the schema version that added it.
 */
export const profileFlagDefinitions = [
  {
    key: 'familyFacing',
    condition: 'Family-facing',
    help: 'Tick if the output reaches families or the public (FAQ answers, newsletters, web pages).',
    width: 100,
    since: 1,
  },
  {
    key: 'studentFacing',
    condition: 'Student-facing',
    help: 'Tick if students use the tool or see its output. Not allowed for a first pilot.',
    width: 100,
    since: 1,
  },
  {
    key: 'collectsFromStudents',
    condition: 'Collects information from students',
    help: 'Tick if the workflow uses surveys, forms or comments written by students (even when only staff read the result).',
    width: 130,
    since: 3,
  },
  {
    key: 'nonEnglish',
    condition: 'Non-English output',
    help: 'Tick if the workflow produces text in languages other than English.',
    width: 110,
    since: 1,
  },
  {
    key: 'newVendor',
    condition: 'New vendor',
    help: 'Tick if the pilot needs a tool or vendor the district has not approved yet.',
    width: 90,
    since: 1,
  },
  {
    key: 'dutiesChange',
    condition: 'Job duties change',
    help: 'Tick if the pilot changes what staff are asked to do.',
    width: 110,
    since: 1,
  },
] as const;
export type ProfileFlag = (typeof profileFlagDefinitions)[number]['key'];
export const profileFlags: readonly ProfileFlag[] = profileFlagDefinitions.map((f) => f.key);
export type ProfileFlags = Record<ProfileFlag, boolean>;

export const noFlags = (): ProfileFlags =>
  Object.fromEntries(profileFlags.map((f) => [f, false])) as ProfileFlags;

/** What a condition is judged on. */
export interface WorkflowProfile {
  dataTier: DataTier | '';
  flags: ProfileFlags;
}

export const personalDataCondition = 'Amber or Red data';

/** Every condition a checklist item or an approval step may name, in the order the sheets list them. */
export const conditions = [...profileFlagDefinitions.map((f) => f.condition), personalDataCondition] as const;
export type Condition = (typeof conditions)[number];

/** The condition named in the sheet, or null when it is not one we know (case and spacing forgiven). */
export function conditionNamed(name: string): Condition | null {
  const lower = name.trim().toLowerCase();
  return conditions.find((c) => c.toLowerCase() === lower) ?? null;
}

export function conditionHolds(condition: Condition, workflow: WorkflowProfile): boolean {
  if (condition === personalDataCondition)
    return workflow.dataTier !== '' && personalDataTiers.includes(workflow.dataTier);
  const flag = profileFlagDefinitions.find((f) => f.condition === condition);
  return flag ? workflow.flags[flag.key] : false;
}

/** The profile in words, for people: "family-facing, new vendor". */
export function profileWords(flags: ProfileFlags): string[] {
  return profileFlagDefinitions.filter((f) => flags[f.key]).map((f) => f.condition.toLowerCase());
}
