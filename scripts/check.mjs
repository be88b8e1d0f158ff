// npm run check: formatting (prettier), types (every project of package.json's "typecheck") and lint
// (eslint), two at a time, as the machine has two cores; each one's output is printed when it ends, and
// the check fails if any of them does. Caches in build/cache/ (keyed by file content) let a second run
// skip the files that did not change; a fresh checkout runs everything.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cache = (name) => path.join('build', 'cache', name);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const typecheck = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.typecheck;
const projects = [...typecheck.matchAll(/tsc -p (\S+)/g)].map((m) => m[1]);
if (projects.length === 0) throw new Error('package.json "typecheck" names no tsc project');

// Longest first, so the two lanes end together.
const jobs = [
  ...projects.filter((p) => p === '.').map((p) => tsc(p)),
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
  ...projects.filter((p) => p !== '.').map((p) => tsc(p)),
];

function tsc(project) {
  const name = project === '.' ? 'root' : project.replaceAll('/', '-');
  return [
    `tsc -p ${project}`,
    bin('tsc'),
    ['-p', project, '--incremental', '--tsBuildInfoFile', cache(`tsc-${name}.tsbuildinfo`)],
  ];
}

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
