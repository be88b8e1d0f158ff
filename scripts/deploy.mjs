// npm run deploy (after npm test has built dist/): pushes dist/ to the Apps Script project named in
// .clasp.json with clasp, pinned here rather than installed, since only deployers need it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const { scriptId } = JSON.parse(readFileSync('.clasp.json', 'utf8'));
if (!scriptId || scriptId.startsWith('PASTE-')) {
  console.error('Put your Apps Script project ID in .clasp.json first (README: Deploy to a Google account).');
  process.exit(1);
}
for (const file of ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json']) {
  if (!existsSync(file)) {
    console.error(`${file} is missing; run npm run build.`);
    process.exit(1);
  }
}
execFileSync('npx', ['--yes', '@google/clasp@3.4.1', 'push', '--force'], { stdio: 'inherit' });
