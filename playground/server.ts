/**
 * npm start: serves the playground on http://localhost:8080 (PORT=… or --port … to change it). The
 * workspace is saved in .playground-state.json (PLAYGROUND_STATE=… to move it); "Start over" on the
 * page, or deleting the file, resets it.
 */
import path from 'node:path';
import { servePlayground } from './http-server';

const root = path.resolve(__dirname, '..');
const flag = process.argv.indexOf('--port');
const port = Number(flag >= 0 ? process.argv[flag + 1] : (process.env['PORT'] ?? 8080));
const stateFile = path.resolve(root, process.env['PLAYGROUND_STATE'] ?? '.playground-state.json');

servePlayground({ port, distDir: path.join(root, 'dist'), stateFile })
  .then(({ url }) => {
    console.log(`AI Plan Workspace playground: ${url}`);
    console.log(`Workspace saved in ${path.relative(process.cwd(), stateFile)}. Press Ctrl+C to stop.`);
  })
  .catch((error: unknown) => {
    const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    console.error(inUse ? `Port ${port} is in use; try npm start -- --port 8081` : error);
    process.exit(1);
  });
