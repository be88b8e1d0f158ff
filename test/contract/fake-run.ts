import { FakeEnvironment } from '../fakes/environment';
import { contractCases } from './all-cases';
import { runCase, type CaseResult, type ContractCase } from './contract';

/** Runs one contract case against a fresh fake environment, in one execution, as a real run would. */
export function runAgainstFakes(contractCase: ContractCase): CaseResult {
  const env = new FakeEnvironment();
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
