import { ContractFailure, type ContractCase } from '../contract';
import { CLOCK_HANDLER, CLOCK_HOME_KEY, CLOCK_RECORD_KEY } from '../clock-run';

/** A clock run recorded longer ago than this is from an older deployment: record a new one. */
const FRESH_MS = 3 * 60 * 60 * 1000;

export const clockRunCases: ContractCase[] = [
  {
    id: 'clock/what-a-clock-run-sees',
    rule:
      'A time-driven run of the add-on has no active spreadsheet, no Document properties, no document ' +
      'lock and no Ui; it reaches a spreadsheet only by SpreadsheetApp.openById, which needs the full ' +
      'spreadsheets scope. Two contract runs an hour apart: the first installs a clock trigger that ' +
      'records what it sees, the second reads the record.',
    source:
      'issue 12; FAKES.md §1.13; mogsdad/SheetConverter#2; vtst/google-apps-scripts README ("Limitations"); ' +
      'PropertiesService reference (getDocumentProperties: "the open document"); peterherrmann/BetterLog#29',
    unconfirmed: true,
    run(t) {
      const user = t.gas.PropertiesService.getUserProperties();
      const home = t.gas.SpreadsheetApp.getActiveSpreadsheet() ?? t.spreadsheet;
      user.setProperty(CLOCK_HOME_KEY, home.getId());
      const record = JSON.parse(user.getProperty(CLOCK_RECORD_KEY) ?? 'null') as Record<
        string,
        unknown
      > | null;
      const triggers = t.gas.ScriptApp.getProjectTriggers().filter(
        (x) => x.getHandlerFunction() === CLOCK_HANDLER,
      );
      if (!record || Date.now() - Number(record['at']) > FRESH_MS) {
        if (triggers.length === 0)
          t.gas.ScriptApp.newTrigger(CLOCK_HANDLER).timeBased().everyHours(1).create();
        throw new ContractFailure(
          'no clock run recorded yet: a trigger that records one is installed; run the contract again in an hour',
        );
      }
      for (const trigger of triggers) t.gas.ScriptApp.deleteTrigger(trigger);
      t.observe('recorded at', new Date(Number(record['at'])).toISOString());
      t.equal(record['activeSpreadsheet'], false, 'getActiveSpreadsheet() is null');
      t.equal(record['documentProperties'], false, 'getDocumentProperties() is null');
      t.equal(record['documentLock'], false, 'getDocumentLock() is null');
      t.ok(String(record['ui']).startsWith('throws'), 'getUi() throws');
      // ok under the spreadsheets scope; "throws: You do not have permission…" under currentonly.
      t.observe('openById(the spreadsheet the contract ran from)', record['openById']);
      t.ok(/^(ok|throws: .*permission)/i.test(String(record['openById'])), 'openById works or needs a scope');
    },
  },
];
