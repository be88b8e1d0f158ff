// npm run deploy (after npm test has built dist/): pushes dist/ to the Apps Script project named in
// .clasp.json with clasp, pinned here rather than installed, since only deployers need it.
// npm run deploy:contract pushes the developer-only contract build (build/contract/) to the project
// named in .clasp-contract.json instead: use a separate test project, never the published add-on's.
// npm run deploy:gmail pushes the Gmail card (dist-gmail/), its own project, named in .clasp-gmail.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const contract = process.argv.includes('--contract');
const gmail = process.argv.includes('--gmail');
const projectFile = contract ? '.clasp-contract.json' : gmail ? '.clasp-gmail.json' : '.clasp.json';
const { scriptId, rootDir } = JSON.parse(readFileSync(projectFile, 'utf8'));
if (!scriptId || scriptId.startsWith('PASTE-')) {
  console.error(
    `Put your Apps Script project ID in ${projectFile} first (README: Deploy to a Google account).`,
  );
  process.exit(1);
}
for (const file of ['Code.js', 'appsscript.json']) {
  if (!existsSync(`${rootDir}/${file}`)) {
    console.error(`${rootDir}/${file} is missing; build first.`);
    process.exit(1);
  }
}
execFileSync('npx', ['--yes', '@google/clasp@3.4.1', 'push', '--force'], {
  stdio: 'inherit',
  // clasp reads another project file from this variable (its name must start with a dot).
  env: { ...process.env, clasp_config_project: projectFile },
});
