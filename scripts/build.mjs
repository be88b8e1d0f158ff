// npm run build: dist/Code.js (webpack + gas-webpack-plugin + esbuild-loader), dist/Sidebar.html (esbuild,
// with its script and styles inlined, as Apps Script serves only inline assets) and dist/appsscript.json.
// `npm run build -- --contract` builds the developer-only contract bundle instead of the add-on's.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import GasPlugin from 'gas-webpack-plugin';
import webpack from 'webpack';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const contract = process.argv.includes('--contract');
const entry = contract ? './test/contract/apps-script-entry.ts' : './src/gas/main.ts';

async function buildServer() {
  const config = {
    mode: 'production',
    context: root,
    entry,
    target: ['web', 'es2020'],
    devtool: false,
    output: { path: dist, filename: 'Code.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2020' } }] },
    // Production's usedExports would tree-shake the entry's exports and leave a broken bundle
    // (PLATFORM.md §5.1); unminified code also stays readable in the Apps Script editor.
    optimization: { usedExports: false, minimize: false },
    performance: { hints: false },
    plugins: [new GasPlugin({ autoGlobalExportsFiles: [entry.replace('./', '')] })],
  };
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (error, result) => (error ? reject(error) : resolve(result))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

async function buildSidebar() {
  const script = await esbuild.build({
    entryPoints: [path.join(root, 'src/sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const styles = await esbuild.build({
    entryPoints: [path.join(root, 'src/sidebar/sidebar.css')],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = styles.outputFiles[0].text.replace(/<\/style/gi, '<\\/style');
  const template = await readFile(path.join(root, 'src/sidebar/index.html'), 'utf8');
  if (!template.includes('<!-- styles -->') || !template.includes('<!-- script -->')) {
    throw new Error('src/sidebar/index.html must contain <!-- styles --> and <!-- script -->');
  }
  const html = template
    .replace('<!-- styles -->', () => `<style>${css}</style>`)
    .replace('<!-- script -->', () => `<script>${js}</script>`);
  await writeFile(path.join(dist, 'Sidebar.html'), html);
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await Promise.all([
  buildServer(),
  buildSidebar(),
  copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json')),
]);
