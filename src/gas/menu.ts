import type { AppsScript } from './apps-script';
import type * as entryPoints from './main';

/** Menu items name entry points; typing them as the entry file's exports makes a typo a compile error. */
type EntryPoint = keyof typeof entryPoints;

const items: readonly { caption: string; functionName: EntryPoint }[] = [
  { caption: 'Open planner', functionName: 'openPlanner' },
  { caption: 'Check approval replies now', functionName: 'checkApprovalReplies' },
  { caption: 'Set up workspace', functionName: 'setUpWorkspace' },
];

/**
 * Builds the Extensions › AI Plan Workspace menu. It only builds the menu, because in a document where
 * the add-on is not yet enabled `onOpen` runs without authorisation and nothing else is allowed.
 */
export function buildMenu(gas: Pick<AppsScript, 'SpreadsheetApp'>): void {
  const menu = gas.SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

export const menuFunctionNames: readonly string[] = items.map((i) => i.functionName);
