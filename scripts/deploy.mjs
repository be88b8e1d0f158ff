// npm run deploy: checks the project file first (--preflight, before the tests run), then, once
// npm test has built dist/, pushes it to the Apps Script project named in .clasp.json with the clasp
// pinned in devDependencies (node_modules/.bin/clasp, never downloaded at deploy time).
// npm run deploy:contract pushes the developer-only contract build (build/contract/) to the project
// named in .clasp-contract.json instead: use a separate test project, never the published add-on's.
// npm run deploy:gmail pushes the Gmail card (dist-gmail/), its own project, named in .clasp-gmail.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const contract = process.argv.includes('--contract');
const gmail = process.argv.includes('--gmail');
const preflight = process.argv.includes('--preflight');
const projectFile = contract ? '.clasp-contract.json' : gmail ? '.clasp-gmail.json' : '.clasp.json';
const script = contract ? 'deploy:contract' : gmail ? 'deploy:gmail' : 'deploy';

function refuse(message) {
  console.error(`npm run ${script}: ${message}`);
  process.exit(1);
}

let project;
try {
  project = JSON.parse(readFileSync(projectFile, 'utf8'));
} catch (error) {
  refuse(
    `${projectFile} is missing or not JSON (${error.message}). It names the Apps Script project to push to; see README: Deploy to a Google account.`,
  );
}
const { scriptId, rootDir } = project;
if (typeof scriptId !== 'string' || !/^[\w-]{20,}$/.test(scriptId) || scriptId.startsWith('PASTE-')) {
  refuse(
    `no Apps Script project ID in ${projectFile} (it says ${JSON.stringify(scriptId ?? null)}). ` +
      'Create the project (README: Deploy to a Google account, step 2) and put its script ID there. Nothing was pushed.',
  );
}
const clasp = path.resolve('node_modules', '.bin', process.platform === 'win32' ? 'clasp.cmd' : 'clasp');
if (!existsSync(clasp)) refuse('clasp is not installed: run npm ci first (it is pinned in devDependencies).');
if (preflight) process.exit(0);

for (const file of ['Code.js', 'appsscript.json']) {
  if (!existsSync(`${rootDir}/${file}`)) refuse(`${rootDir}/${file} is missing; build first.`);
}
execFileSync(clasp, ['push', '--force'], {
  stdio: 'inherit',
  // clasp reads another project file from this variable (its name must start with a dot).
  env: { ...process.env, clasp_config_project: projectFile },
});
