import { FakeEnvironment } from '../fakes/environment';
import { contractCases } from './all-cases';
import { INBOUND_SUBJECT } from './cases/gmail';
import { CLOCK_HOME_KEY, recordClockRun } from './clock-run';
import { runCase, type CaseResult, type ContractCase } from './contract';

/**
 * What a real contract run needs before it starts, done in a fake world: a message received from
 * another account (the Gmail cases that need one say so), and the record of a clock run.
 */
export function prepareFakeWorld(env: FakeEnvironment): void {
  env.mail.deliver({
    to: env.owner,
    from: 'Colleague <colleague@other.example.org>',
    subject: INBOUND_SUBJECT,
    body: 'Sent from another account for the platform contract.',
  });
  env.run((gas) =>
    gas.PropertiesService.getUserProperties().setProperty(CLOCK_HOME_KEY, env.state.spreadsheet.id),
  );
  env.run((gas) => recordClockRun(gas), { kind: 'trigger' });
}

/** Runs one contract case against a fresh fake environment, in one execution, as a real run would. */
export function runAgainstFakes(contractCase: ContractCase): CaseResult {
  const env = new FakeEnvironment();
  prepareFakeWorld(env);
  return env.run((gas) => {
    const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
    if (!spreadsheet) throw new Error('the fake environment has no spreadsheet');
    let sheets = 0;
    return runCase(contractCase, {
      gas,
      spreadsheet,
      newSheet: () => {
        sheets += 1;
        return spreadsheet.insertSheet(`Contract ${sheets}`);
      },
    });
  });
}

export { contractCases };
