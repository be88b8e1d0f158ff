/**
 * Printed by npm test after jest: how many contract cases ran against the fakes, and which rules are
 * still waiting for a run in real Apps Script (README: Platform contract).
 */
import { clientCases } from './client-cases';
import { contractCases, runAgainstFakes } from './fake-run';

const results = contractCases.map((c) => runAgainstFakes(c));
const passed = results.filter((r) => r.passed).length;
const unconfirmed = [...contractCases, ...clientCases].filter((c) => c.unconfirmed).map((c) => c.id);
console.log(
  `Platform contract: ${contractCases.length} server cases (${passed} passed against the fakes) and ${clientCases.length} google.script.run cases; ` +
    `${unconfirmed.length} rules still unconfirmed in real Apps Script: ${unconfirmed.join(', ')}.`,
);
if (passed !== contractCases.length) process.exitCode = 1;
