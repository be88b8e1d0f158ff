/**
 * The developer-only contract build (`npm run build -- --contract`): runs the platform contract
 * inside real Apps Script, on a scratch spreadsheet it creates and then trashes, and writes a
 * pass/fail table with the observed values to the log and to a sheet of the spreadsheet it runs in.
 * Never part of the published add-on; the bundle check asserts that.
 */
import type { AppsScript, Spreadsheet } from '../../src/gas/apps-script';
import { appsScript } from '../../src/gas/services';
import { contractCases } from './all-cases';
import { clientCases } from './client-cases';
import { recordClockRun } from './clock-run';
import { runCase, type CaseResult } from './contract';
import { logLines, summarise, writeResultSheet, type ContractSummary } from './results';
import {
  contractDateResult as dateResult,
  contractEcho as echo,
  contractThrow as fail,
} from './server-functions';

interface ContractServices extends AppsScript {
  SpreadsheetApp: AppsScript['SpreadsheetApp'] & { create(name: string): Spreadsheet };
  DriveApp: { getFileById(id: string): { setTrashed(trashed: boolean): unknown } };
}

/** The contract build's services: the add-on's, plus creating and trashing the scratch spreadsheet. */
function contractServices(): ContractServices {
  return { ...appsScript(), SpreadsheetApp, DriveApp };
}

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Run the platform contract', 'runPlatformContract')
    .addItem('Run the google.script.run contract', 'openContractClient')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

/** Runs every server-side case; returns the summary (also logged and written to "Contract results"). */
export function runPlatformContract(): ContractSummary {
  const gas = contractServices();
  const home = gas.SpreadsheetApp.getActiveSpreadsheet();
  const scratch = gas.SpreadsheetApp.create(`AI Plan Workspace contract scratch ${new Date().toISOString()}`);
  let results: CaseResult[];
  try {
    let sheets = 0;
    results = contractCases.map((contractCase) =>
      runCase(contractCase, {
        gas,
        spreadsheet: scratch,
        newSheet: () => {
          sheets += 1;
          return scratch.insertSheet(`Case ${sheets}`);
        },
      }),
    );
  } finally {
    gas.DriveApp.getFileById(scratch.getId()).setTrashed(true);
  }
  for (const line of logLines(contractCases, results)) console.log(line);
  if (home) writeResultSheet(home, 'Contract results', contractCases, results);
  return summarise(contractCases, results);
}

/** Opens a dialog that runs the google.script.run cases from the browser side. */
export function openContractClient(): void {
  const output = HtmlService.createHtmlOutputFromFile('ContractClient').setWidth(640).setHeight(480);
  SpreadsheetApp.getUi().showModalDialog(output, 'google.script.run contract');
}

/** Called by the dialog with its results. */
export function recordClientContract(results: CaseResult[]): ContractSummary {
  for (const line of logLines(clientCases, results)) console.log(line);
  const home = SpreadsheetApp.getActiveSpreadsheet();
  writeResultSheet(home, 'Contract results (client)', clientCases, results);
  return summarise(clientCases, results);
}

export function contractEcho(value: unknown): unknown {
  return echo(value);
}

export function contractDateResult(): unknown {
  return dateResult();
}

export function contractThrow(): never {
  return fail();
}

/** The handler the trigger cases install (and delete again); it does nothing. */
export function contractTriggerHandler(): void {}

/** The clock trigger case clock/what-a-clock-run-sees installs: records what a clock run sees. */
export function contractClockRun(): void {
  recordClockRun(contractServices());
}
