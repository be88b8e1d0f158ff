import { clientCases, runClientCase } from './client-cases';

/** The contract build's dialog: runs the google.script.run cases and reports them back to the server. */
declare const google: { script: { run: unknown } };

async function main(): Promise<void> {
  const output = document.getElementById('results');
  if (!output) return;
  const results = [];
  for (const clientCase of clientCases) {
    const result = await runClientCase(google.script.run, clientCase);
    results.push(result);
    const row = document.createElement('tr');
    for (const text of [
      result.id,
      result.passed ? 'PASS' : 'FAIL',
      result.observations.map((o) => o.value).join('; '),
    ]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    output.append(row);
  }
  const status = document.getElementById('status');
  const runner = (
    google.script.run as Record<string, (...a: unknown[]) => Record<string, (...a: unknown[]) => unknown>>
  )['withSuccessHandler']?.(() => {
    if (status) status.textContent = 'Results written to the "Contract results (client)" sheet.';
  });
  (runner as Record<string, (...a: unknown[]) => void> | undefined)?.['recordClientContract']?.(results);
}

void main();
