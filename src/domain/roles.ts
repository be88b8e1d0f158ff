import { text, type RowProblem, type TableData } from './table';

/**
 * Who holds each role, from the Settings sheet's "Role" rows (role name in Setting, the person's name
 * in Value, their address in Email). Checklist owners and, later, approvers are found through it.
 */
export interface RolePerson {
  role: string;
  name: string;
  email: string;
  /** Other addresses of the same person (Settings › Aliases), lower case. */
  aliases: string[];
  row: number;
}

/** The role whose person decides the pilot's outcome (Settings › Roles). */
export const SPONSOR_ROLE = 'Executive sponsor';

export interface RoleDirectory {
  people: RolePerson[];
  /** The person for a role, as written on a checklist row: their name, else their email, else "". */
  personFor: (role: string) => string;
}

const emailShape = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
export const isEmailAddress = (value: string): boolean => emailShape.test(value);

export function readRoles(settings: TableData): { directory: RoleDirectory; problems: RowProblem[] } {
  const people: RolePerson[] = [];
  const problems: RowProblem[] = [];
  for (const { row, cells } of settings.rows) {
    if (text(cells['group']).toLowerCase() !== 'role') continue;
    const role = text(cells['setting']);
    if (role === '') continue;
    const email = text(cells['email']);
    if (email !== '' && !isEmailAddress(email)) {
      problems.push({
        sheet: 'Settings',
        row,
        message: `Settings row ${row}: the email for ${role} (“${email}”) is not an email address.`,
      });
    }
    const aliases = text(cells['aliases'])
      .split(/[,;]/)
      .map((a) => a.trim().toLowerCase())
      .filter((a) => isEmailAddress(a));
    people.push({
      role,
      name: text(cells['value']),
      email: isEmailAddress(email) ? email : '',
      aliases,
      row,
    });
  }
  const byRole = new Map(people.map((p) => [p.role.toLowerCase(), p]));
  return {
    directory: {
      people,
      personFor: (role) => {
        const person = byRole.get(role.trim().toLowerCase());
        return person ? person.name || person.email : '';
      },
    },
    problems,
  };
}
