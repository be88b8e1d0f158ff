import type { LayoutTemplate } from '../src/domain/workspace-template';

/**
 * One printed page for the board, in plain language, written by the add-on with every change (see
 * src/domain/board-summary.ts); no formulas, so it reads the same printed, emailed or on screen.
 */
export const boardSummary: LayoutTemplate = {
  kind: 'layout',
  key: 'boardSummary',
  name: 'Board summary',
  purpose: 'One printed page for the board: status, what improved, targets, safeguards and next steps.',
  tabColor: '#188038',
  since: 2,
  columnWidths: [150, 290, 290],
  rows: [['Board summary', 'Written by the add-on after the first change to the plan.']],
};
