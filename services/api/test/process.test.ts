import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { startServer } from './helpers/process.js';

const SHUTDOWN_DEADLINE_MS = 8000;

t.test(
  'when the server starts on the embedded database, then it prints one line with address and database',
  async (t) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-process-'));
    const server = await startServer({ DATA_DIR: dataDir });
    t.teardown(() => server.child.kill('SIGKILL'));
    t.match(server.database, /embedded PGlite in .*cg-process-/);
    const listening = server
      .output()
      .split('\n')
      .filter((line) => line.includes('listening'));
    t.equal(listening.length, 1, 'one start-up line');
    t.notMatch(server.output(), /JWT_SECRET|MASTER_KEY/, 'secrets are not printed');

    // The bundle finds what it serves from files: the portal, the API reference and its assets.
    for (const [pathname, type] of [
      ['/', /^text\/html/],
      ['/supplier/deals', /^text\/html/],
      ['/openapi.json', /^application\/json/],
      ['/docs/static/index.html', /^text\/html/],
    ] as const) {
      const response = await fetch(`${server.address}${pathname}`);
      t.equal(response.status, 200, `GET ${pathname}`);
      t.match(response.headers.get('content-type'), type, `GET ${pathname}: content type`);
    }

    t.test(
      'when a keep-alive client is connected and SIGTERM arrives, then it exits promptly and cleanly',
      async (t) => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        const status = await new Promise<number | undefined>((resolve, reject) => {
          http
            .get(`${server.address}/health/ready`, { agent }, (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode));
            })
            .on('error', reject);
        });
        t.equal(status, 200);
        t.equal(Object.values(agent.freeSockets).flat().length, 1, 'the keep-alive socket stays open');

        server.child.kill('SIGTERM');
        const deadline = new Promise<'deadline'>((resolve) =>
          setTimeout(() => resolve('deadline'), SHUTDOWN_DEADLINE_MS).unref(),
        );
        const outcome = await Promise.race([server.exited, deadline]);
        agent.destroy();
        t.not(outcome, 'deadline', 'the process exited before the deadline');
        t.match(outcome, { code: 0 });
      },
    );
  },
);

t.test(
  'when the configuration is bad, then the start fails with a message naming the variable',
  async (t) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-process-'));
    const error = await startServer({ DATA_DIR: dataDir, PORT: 'eighty' }, 20_000).catch((e: Error) => e);
    t.ok(error instanceof Error);
    t.match((error as Error).message, /PORT: /);
    t.notMatch((error as Error).message, /\n\s+at /, 'no stack trace');
  },
);
