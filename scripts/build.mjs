// npm run build: dist/Code.js (webpack + gas-webpack-plugin + esbuild-loader), dist/Sidebar.html (esbuild,
// with its script and styles inlined, as Apps Script serves only inline assets) and dist/appsscript.json;
// and the Gmail card, a second Apps Script project (README: The Gmail card): dist-gmail/Code.js and
// dist-gmail/appsscript.json.
// `npm run build -- --contract` builds the developer-only platform-contract bundle into build/contract/
// instead: never the published add-on (README: Platform contract).
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import GasPlugin from 'gas-webpack-plugin';
import webpack from 'webpack';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const contract = process.argv.includes('--contract');
const out = path.join(root, contract ? 'build/contract' : 'dist');
const entry = contract ? 'test/contract/apps-script-entry.ts' : 'src/gas/main.ts';
const manifest = contract ? 'test/contract/appsscript.json' : 'appsscript.json';

async function buildServer(entry, out) {
  const config = {
    mode: 'production',
    context: root,
    entry: `./${entry}`,
    target: ['web', 'es2020'],
    devtool: false,
    output: { path: out, filename: 'Code.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2020' } }] },
    // Production's usedExports would tree-shake the entry's exports and leave a broken bundle
    // (PLATFORM.md §5.1); unminified code also stays readable in the Apps Script editor.
    optimization: { usedExports: false, minimize: false },
    performance: { hints: false },
    plugins: [new GasPlugin({ autoGlobalExportsFiles: [entry] })],
  };
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (error, result) => (error ? reject(error) : resolve(result))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

async function bundle(file) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, file)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** One HTML file with its script (and styles, if any) inlined at the template's markers. */
async function buildHtml({ template, script, styles, output }) {
  const js = (await bundle(script)).replace(/<\/script/gi, '<\\/script');
  const css = styles ? (await bundle(styles)).replace(/<\/style/gi, '<\\/style') : '';
  const html = await readFile(path.join(root, template), 'utf8');
  if (!html.includes('<!-- script -->') || (styles && !html.includes('<!-- styles -->'))) {
    throw new Error(`${template} must contain <!-- script -->${styles ? ' and <!-- styles -->' : ''}`);
  }
  const inlined = html
    .replace('<!-- styles -->', () => `<style>${css}</style>`)
    .replace('<!-- script -->', () => `<script>${js}</script>`);
  await writeFile(path.join(out, output), inlined);
}

const gmailOut = path.join(root, 'dist-gmail');
const gmailEntry = 'src/gmail-card/main.ts';

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
if (!contract) {
  await rm(gmailOut, { recursive: true, force: true });
  await mkdir(gmailOut, { recursive: true });
}
await Promise.all([
  buildServer(entry, out),
  ...(contract
    ? []
    : [
        buildServer(gmailEntry, gmailOut),
        copyFile(path.join(root, 'src/gmail-card/appsscript.json'), path.join(gmailOut, 'appsscript.json')),
      ]),
  contract
    ? buildHtml({
        template: 'test/contract/client.html',
        script: 'test/contract/client-entry.ts',
        output: 'ContractClient.html',
      })
    : buildHtml({
        template: 'src/sidebar/index.html',
        script: 'src/sidebar/main.ts',
        styles: 'src/sidebar/sidebar.css',
        output: 'Sidebar.html',
      }),
  copyFile(path.join(root, manifest), path.join(out, 'appsscript.json')),
]);
