// npm run check: formatting (prettier), types (`tsc -b`: tsconfig.json and the projects it references,
// each file checked once, in its own project's settings) and lint (eslint), two at a time, as the machine
// has two cores; each one's output is printed when it ends, and the check fails if any of them does.
// Caches in build/cache/ (keyed by file content; tsc keeps its build info and declarations there) let a
// second run skip the files that did not change; a fresh checkout runs everything.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cache = (name) => path.join('build', 'cache', name);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// tsc -b in one lane, prettier then eslint in the other: about the same time each.
const jobs = [
  ['tsc -b', bin('tsc'), ['-b']],
  [
    'prettier',
    bin('prettier'),
    ['--check', '.', '--cache', '--cache-strategy', 'content', '--cache-location', cache('prettier')],
  ],
  [
    'eslint',
    bin('eslint'),
    ['.', '--cache', '--cache-strategy', 'content', '--cache-location', cache('eslint')],
  ],
];

function run([name, command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, ok: false, output: String(error) }));
    child.on('close', (code) => resolve({ name, ok: code === 0, output }));
  });
}

const queue = [...jobs];
const failed = [];
async function lane() {
  for (let job = queue.shift(); job; job = queue.shift()) {
    const result = await run(job);
    process.stdout.write(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name}\n`);
    if (!result.ok) {
      failed.push(result.name);
      process.stdout.write(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
    }
  }
}
await Promise.all([lane(), lane()]);
if (failed.length > 0) {
  console.error(`Failed: ${failed.join(', ')}`);
  process.exit(1);
}
