import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { Playground } from './playground';

export interface PlaygroundServer {
  url: string;
  playground: Playground;
  close(): Promise<void>;
}

export interface ServeOptions {
  port: number;
  distDir: string;
  stateFile: string | null;
  log?: (message: string) => void;
}

const here = __dirname;
const MAX_BODY = 1024 * 1024;

function bundle(entry: string): string {
  const result = esbuild.buildSync({
    entryPoints: [path.join(here, entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('Request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : {});
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  response.end(body);
}

/** The Mail panel's Gmail card: open an email in Gmail, press a card button, go back, send the draft. */
function cardCall(
  playground: Playground,
  call: string,
  body: Partial<Record<string, unknown>>,
): { ok: boolean; message: string } {
  if (call === 'open' && typeof body['messageId'] === 'string')
    return playground.openInGmail(body['messageId']);
  if (call === 'press' && typeof body['index'] === 'number') {
    const raw = body['inputs'];
    const inputs: Record<string, string> = {};
    if (raw && typeof raw === 'object')
      for (const [key, value] of Object.entries(raw))
        if (typeof value === 'string') inputs[key] = value.slice(0, 20_000);
    return playground.pressCardButton(body['index'], inputs);
  }
  if (call === 'back') {
    playground.cardBack();
    return { ok: true, message: '' };
  }
  if (call === 'send') return playground.sendCardDraft();
  return { ok: false, message: `Unknown card call: ${call}` };
}

/** Serves the playground on localhost only: the page, the sidebar frame and the calls behind them. */
export async function servePlayground(options: ServeOptions): Promise<PlaygroundServer> {
  const playground = new Playground(options);
  const page = readFileSync(path.join(here, 'page/index.html'), 'utf8');
  const css = readFileSync(path.join(here, 'page/playground.css'), 'utf8');
  const pageScript = bundle('page/page.ts');
  const shim = bundle('gas-run-shim.ts').replace(/<\/script/gi, '<\\/script');

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      try {
        if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html', page);
        if (request.method === 'GET' && url.pathname === '/playground.js')
          return send(response, 200, 'text/javascript', pageScript);
        if (request.method === 'GET' && url.pathname === '/playground.css')
          return send(response, 200, 'text/css', css);
        if (request.method === 'GET' && url.pathname === '/favicon.ico') {
          response.writeHead(204);
          return response.end();
        }
        if (request.method === 'GET' && url.pathname === '/sidebar') {
          const html = playground.sidebarHtml();
          if (html === null)
            return send(
              response,
              404,
              'text/plain',
              'The sidebar is not open. Open it from the add-on menu.',
            );
          return send(
            response,
            200,
            'text/html',
            html.replace(/<head>/i, () => `<head><script>${shim}</script>`),
          );
        }
        if (request.method === 'GET' && url.pathname === '/api/view') {
          return send(response, 200, 'application/json', JSON.stringify(playground.view()));
        }
        if (request.method === 'POST' && url.pathname === '/api/run') {
          const body = (await readBody(request)) as { functionName?: unknown; args?: unknown };
          if (typeof body.functionName !== 'string' || !Array.isArray(body.args)) {
            return send(
              response,
              400,
              'application/json',
              JSON.stringify({ ok: false, message: 'Expected {functionName, args}.' }),
            );
          }
          return send(
            response,
            200,
            'application/json',
            JSON.stringify(playground.run(body.functionName, body.args)),
          );
        }
        if (request.method === 'POST' && url.pathname === '/api/example-people') {
          const outcome = playground.fillExamplePeople();
          return send(response, outcome.ok ? 200 : 400, 'application/json', JSON.stringify(outcome));
        }
        if (request.method === 'POST' && url.pathname === '/api/reply') {
          const body = (await readBody(request)) as Partial<Record<string, unknown>>;
          const valid =
            typeof body['messageId'] === 'string' &&
            typeof body['from'] === 'string' &&
            typeof body['body'] === 'string';
          const outcome = valid
            ? playground.reply({
                messageId: String(body['messageId']),
                from: String(body['from']),
                body: String(body['body']).slice(0, 20_000),
                failDmarc: body['failDmarc'] === true,
              })
            : { ok: false, message: 'Expected {messageId, from, body, failDmarc}.' };
          return send(response, outcome.ok ? 200 : 400, 'application/json', JSON.stringify(outcome));
        }
        if (request.method === 'POST' && url.pathname.startsWith('/api/card/')) {
          const body = (await readBody(request)) as Partial<Record<string, unknown>>;
          // A refusal ("not in this mailbox") is an answer for the page, not a bad request.
          const outcome = cardCall(playground, url.pathname.slice('/api/card/'.length), body);
          return send(response, 200, 'application/json', JSON.stringify(outcome));
        }
        if (request.method === 'POST' && url.pathname === '/api/acting-as') {
          const body = (await readBody(request)) as { user?: unknown };
          const ok = typeof body.user === 'string' && playground.actAs(body.user);
          return send(response, ok ? 200 : 400, 'application/json', JSON.stringify({ ok }));
        }
        if (request.method === 'POST' && url.pathname === '/api/reset') {
          playground.reset();
          return send(response, 200, 'application/json', '{"ok":true}');
        }
        return send(response, 404, 'text/plain', 'Not found');
      } catch (error) {
        return send(response, 500, 'application/json', JSON.stringify({ ok: false, message: String(error) }));
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    playground,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
