// Runs a TypeScript entry file in Node (the playground, the benchmarks): esbuild bundles it into
// build/, keeping node_modules external, and the result is loaded in this process.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [arguments]');
  process.exit(2);
}
const source = path.resolve(root, entry);
const outfile = path.join(root, 'build', path.relative(root, source).replace(/\.ts$/, '.cjs'));
await esbuild.build({
  entryPoints: [source],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  outfile,
  logLevel: 'warning',
  // The bundle runs from build/, but its paths (page assets, dist/) are relative to the source file.
  define: { __dirname: JSON.stringify(path.dirname(source)) },
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
