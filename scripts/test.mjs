// npm test: build both bundles (the bundle, contract and browser tests load them), then run the check
// (format, types, lint: scripts/check.mjs) alongside jest, then print the platform contract's report.
// Alongside, because jest leaves the two cores about a quarter idle while the browser tests wait on
// Chromium, and the check fills some of that time: a clean clone's npm test took 179 s this way
// against about 190 s with the check first.
// The check's output is held until jest ends, so the two never interleave; either failing fails.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const node = process.execPath;

function run(command, args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ ok: false, output: `${output}${String(error)}\n` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

const failed = [];
const step = async (name, promise) => {
  const result = await promise;
  if (!result.ok) failed.push(name);
  return result;
};

await step('build', run(node, ['scripts/build.mjs']));
await step('build --contract', run(node, ['scripts/build.mjs', '--contract']));
if (failed.length === 0) {
  const check = step('check', run(node, ['scripts/check.mjs'], { quiet: true }));
  await step('jest', run(node, [path.join('node_modules', 'jest', 'bin', 'jest.js')]));
  process.stdout.write((await check).output);
  await step('contract report', run(node, ['scripts/run-ts.mjs', 'test/contract/report.ts']));
}
if (failed.length > 0) {
  console.error(`npm test failed: ${failed.join(', ')}`);
  process.exit(1);
}
