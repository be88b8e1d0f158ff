import { DEFAULT_READERSHIP, emailLanguageChoices, readershipOf } from './email-language';
import type { Readership } from './messages/catalogue';
import { isEmailAddress } from './roles';
import { text, type TableData } from './table';
import type { WorkflowRecord } from './workflow-records';
import { conditionHolds, conditionNamed, conditions, type WorkflowProfile } from './workflow-profile';

/**
 * The approval chain, read from the Settings sheet: ordered steps ("Approval step" rows, by their
 * number), each naming the roles that approve in parallel, each with a condition that decides whether
 * the selected workflow needs it. Roles are resolved to people through the "Role" rows. Every problem
 * is reported in words with its row, and a chain with problems sends nothing.
 */
export interface Approver {
  role: string;
  name: string;
  email: string;
  /** Other addresses the same person may reply from (lower case). */
  aliases: string[];
  /** The languages their emails are written in: their own in Settings, else the workspace's. */
  language: Readership;
}

export interface ApprovalStep {
  number: number;
  name: string;
  condition: string;
  /** False when the step's condition does not hold for the workflow: it is skipped. */
  applies: boolean;
  approvers: Approver[];
}

export interface ApprovalChain {
  /** Every step in order, including those that do not apply (shown, skipped). */
  steps: ApprovalStep[];
  problems: string[];
}

export function stepApplies(condition: string, workflow: WorkflowProfile): boolean {
  if (condition === '' || condition.toLowerCase() === 'always') return true;
  const known = conditionNamed(condition);
  return known !== null && conditionHolds(known, workflow);
}

const languageProblem = (row: number, whose: string, value: string) =>
  `Settings row ${row}: the email language ${whose}(“${value}”) is not one of ${emailLanguageChoices.join(', ')}.`;

/** The workspace's "Email language" row, read with what was wrong with it. */
export function workspaceReadership(settings: TableData): { readership: Readership; problems: string[] } {
  const found = settings.rows.find((r) => text(r.cells['id']) === 'email.language');
  const value = text(found?.cells['value']);
  const readership = readershipOf(value);
  if (readership === null)
    return { readership: DEFAULT_READERSHIP, problems: [languageProblem(found?.row ?? 0, '', value)] };
  return { readership: readership || DEFAULT_READERSHIP, problems: [] };
}

export function readApprovalChain(settings: TableData, workflow: WorkflowRecord): ApprovalChain {
  const workspace = workspaceReadership(settings);
  const problems: string[] = [...workspace.problems];
  const people = new Map<
    string,
    { name: string; email: string; aliases: string[]; row: number; language: Readership }
  >();
  const steps: (ApprovalStep & { row: number })[] = [];
  for (const { row, cells } of settings.rows) {
    const group = text(cells['group']).toLowerCase();
    const id = text(cells['id']);
    if (group === 'role') {
      const role = text(cells['setting']);
      if (role === '') continue;
      const aliases = text(cells['aliases'])
        .split(/[,;]/)
        .map((a) => a.trim().toLowerCase())
        .filter((a) => a !== '');
      const language = readershipOf(text(cells['language']));
      if (language === null) problems.push(languageProblem(row, `for ${role} `, text(cells['language'])));
      people.set(role.toLowerCase(), {
        name: text(cells['value']),
        email: text(cells['email']),
        aliases,
        row,
        language: language || workspace.readership,
      });
      for (const alias of aliases) {
        if (!isEmailAddress(alias))
          problems.push(
            `Settings row ${row}: “${alias}” (another address for ${role}) is not an email address.`,
          );
      }
    } else if (group === 'approval step') {
      const number = Number(/^step\.(\d+)$/.exec(id)?.[1] ?? NaN);
      const name = text(cells['setting']);
      const condition = text(cells['condition']) || 'Always';
      if (!Number.isInteger(number)) {
        problems.push(
          `Settings row ${row}: an approval step needs an ID like step.1, step.2 … (found “${id}”).`,
        );
        continue;
      }
      if (condition !== 'Always' && conditionNamed(condition) === null) {
        problems.push(
          `Settings row ${row}: step ${number} applies when “${condition}”, which is not one of Always, ${conditions.join(', ')}.`,
        );
        continue;
      }
      const roles = text(cells['value'])
        .split(/[,;]/)
        .map((r) => r.trim())
        .filter((r) => r !== '');
      if (roles.length === 0)
        problems.push(`Settings row ${row}: step ${number} (${name || 'unnamed'}) names no approving role.`);
      steps.push({
        row,
        number,
        name: name || `Step ${number}`,
        condition,
        applies: stepApplies(condition, workflow),
        approvers: roles.map((role) => ({
          role,
          name: '',
          email: '',
          aliases: [],
          language: workspace.readership,
        })),
      });
    }
  }
  steps.sort((a, b) => a.number - b.number);
  for (const [i, step] of steps.entries()) {
    if (steps[i - 1]?.number === step.number)
      problems.push(`Settings row ${step.row}: there are two approval steps numbered ${step.number}.`);
    for (const approver of step.approvers) {
      const person = people.get(approver.role.toLowerCase());
      if (!person) {
        problems.push(
          `Settings row ${step.row}: step ${step.number} names the role “${approver.role}”, which is not a Role in Settings.`,
        );
        continue;
      }
      Object.assign(approver, {
        name: person.name,
        email: person.email.toLowerCase(),
        aliases: person.aliases,
        language: person.language,
      });
      if (step.applies && !isEmailAddress(person.email)) {
        problems.push(
          person.email === ''
            ? `Settings row ${person.row}: ${approver.role} has no email address; step ${step.number} (${step.name}) needs one.`
            : `Settings row ${person.row}: the email for ${approver.role} (“${person.email}”) is not an email address.`,
        );
      }
    }
  }
  if (!steps.some((s) => s.applies && s.approvers.length > 0))
    problems.push('The approval chain in Settings has no step that applies to this workflow.');
  return {
    steps: steps.map((step) => ({
      number: step.number,
      name: step.name,
      condition: step.condition,
      applies: step.applies,
      approvers: step.approvers,
    })),
    problems: [...new Set(problems)],
  };
}

/** The languages of the person whose Role row has this address: theirs, else the workspace's. */
export function readershipOfPerson(settings: TableData, email: string): Readership {
  const workspace = workspaceReadership(settings).readership;
  const address = email.trim().toLowerCase();
  const row = settings.rows.find(
    (r) =>
      text(r.cells['group']).toLowerCase() === 'role' && text(r.cells['email']).toLowerCase() === address,
  );
  return (row && readershipOf(text(row.cells['language']))) || workspace;
}
