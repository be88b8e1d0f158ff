import { markedName } from '../domain/given-name';
import type { AppsScript } from './apps-script';

const NAME_KEY = 'aiplan.myName';

export interface Identity {
  /** The user's email; "" where Google does not share it (some consumer accounts, some policies). */
  email: string;
  /** The name the user gave the planner, used only when the email is not shared. */
  name: string | null;
}

export function whoAmI(gas: AppsScript): Identity {
  const email = gas.Session.getActiveUser().getEmail();
  if (email !== '') return { email, name: null };
  return { email, name: gas.PropertiesService.getUserProperties().getProperty(NAME_KEY) };
}

export function rememberMyName(gas: AppsScript, name: string): void {
  gas.PropertiesService.getUserProperties().setProperty(NAME_KEY, name);
}

/**
 * How a person is written in the sheets and the Log: their email, else the name they gave marked as
 * not verified, else "unknown".
 */
export function displayName(identity: Identity): string {
  if (identity.email) return identity.email;
  return identity.name ? markedName(identity.name) : 'unknown';
}
