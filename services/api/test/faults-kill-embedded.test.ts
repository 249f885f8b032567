import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { SERVER_BUNDLE } from '../scripts/build.js';
import {
  assessmentVariant,
  call,
  type HttpParty,
  type HttpReply,
  inParallel,
  NoAnswerError,
  sharedDealOver,
  signUpOver,
  submitOver,
  waitFor,
} from './helpers/http-api.js';
import { PASSWORD, uniqueEmail } from './helpers/identity.js';
import { type ServerProcess, startServer } from './helpers/process.js';

/*
 * The embedded twin of faults-kill.test.ts. PGlite is PostgreSQL compiled to WebAssembly, in the
 * server's own process, writing its files through Node's fs: the process is killed (SIGKILL) in
 * the middle of concurrent writes, then started again on the same DATA_DIR. It must open cleanly
 * and every write it acknowledged (2xx) must be there. And one process per DATA_DIR: a second
 * one is refused, naming the first, and a SIGKILL of the holder frees the folder at once.
 *
 * No PostgreSQL involved: it runs in both suites (it is quick).
 */

const SUBMIT_DEALS = 6;
const ROUNDS = 5;

const ROTATE_MASTER_KEY = fileURLToPath(new URL('../scripts/rotate-master-key.ts', import.meta.url));

/** Runs a command (the bundled server, a script), expecting it to give up: its exit and what it said. */
function runUntilExit(args: string[], env: Record<string, string>, timeoutMs = 30_000) {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    }),
  );
}

t.test(
  'when the embedded server is killed mid-write and started again, then every acknowledged write is there',
  async (t) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-kill-embedded-'));
    const servers: ServerProcess[] = [];
    t.teardown(async () => {
      if (!t.passing()) {
        for (const server of servers) t.comment(`server output (end):\n${server.output().slice(-4000)}`);
      }
      for (const server of servers) server.child.kill('SIGKILL');
      await Promise.all(servers.map((server) => server.exited));
      rmSync(dataDir, { recursive: true, force: true });
    });
    // No DATABASE_URL: the embedded database in DATA_DIR, with the secrets it generates there.
    const env = { DATA_DIR: dataDir, RATE_LIMIT_ENABLED: 'false' };

    const first = await startServer(env);
    servers.push(first);
    t.match(first.database, /embedded PGlite in .*cg-kill-embedded-/);
    const sales = await signUpOver(first.address, 'sales');
    const procurement = await signUpOver(first.address, 'procurement');
    const submitDeals = await inParallel(
      Array.from({ length: SUBMIT_DEALS }, (_, i) => i),
      3,
      (i) => sharedDealOver(() => first.address, sales, procurement, `Embedded kill deal ${i}`),
    );

    /** Every write the killed process answered 2xx. */
    const acknowledged = {
      signups: [] as string[],
      deals: new Map<string, string>(),
      /** `<deal> <side>` -> the highest revision acknowledged as submitted. */
      submits: new Map<string, number>(),
      submitCount: 0,
    };
    const unexpected: string[] = [];
    let inFlight = 0;
    let inFlightAtKill = 0;
    let killed = false;

    /** One write: counted while in flight; after the kill a missing answer ends its writer. */
    const write = async (what: string, send: () => Promise<HttpReply>) => {
      inFlight++;
      try {
        const reply = await send();
        // Argon2's concurrency bound may shed a sign-up with 503: not acknowledged, not an error.
        if (reply.status >= 300 && reply.status !== 503)
          unexpected.push(`${what}: ${reply.status} ${reply.text}`);
        return reply;
      } catch (error) {
        if (killed && error instanceof NoAnswerError) return undefined;
        throw error;
      } finally {
        inFlight--;
      }
    };

    const signUpWriter = async () => {
      while (!killed) {
        const email = uniqueEmail('kill');
        const reply = await write('signup', () =>
          call(first.address, 'POST', '/v1/signup', {
            body: {
              organisation: { name: `Kill ${randomBytes(3).toString('hex')}`, side: 'sales' },
              user: { email, name: 'First Admin', password: PASSWORD },
            },
          }),
        );
        if (reply?.status === 201) acknowledged.signups.push(email);
      }
    };
    const dealWriter = async (writer: number) => {
      for (let n = 0; !killed; n++) {
        const title = `Deal ${writer}.${n} ${randomBytes(3).toString('hex')}`;
        const reply = await write('create deal', () =>
          call(first.address, 'POST', '/v1/deals', { auth: sales.auth, body: { title } }),
        );
        if (reply?.status === 201) acknowledged.deals.set(reply.json.id, title);
      }
    };
    /** Both sides revise and submit together, round after round, as in faults-kill.test.ts. */
    const submitWriter = async (dealId: string) => {
      const revise = async (party: HttpParty, round: number) => {
        const put = await write('put assessment', () =>
          call(first.address, 'PUT', `/v1/deals/${dealId}/assessment`, {
            auth: party.auth,
            body: assessmentVariant(round),
          }),
        );
        if (put?.status !== 200) return;
        const reply = await write('submit', () => submitOver(first.address, party, dealId));
        if (reply?.status === 200) {
          acknowledged.submitCount++;
          const key = `${dealId} ${party.side}`;
          acknowledged.submits.set(key, Math.max(acknowledged.submits.get(key) ?? 0, reply.json.revision));
        }
      };
      for (let round = 1; round <= ROUNDS && !killed; round++) {
        await Promise.all([revise(sales, round), revise(procurement, round)]);
      }
    };

    await t.test('when SIGKILL arrives during concurrent sign-ups, deals and submissions', async (t) => {
      const writers = [
        signUpWriter(),
        signUpWriter(),
        dealWriter(1),
        dealWriter(2),
        ...submitDeals.map(submitWriter),
      ];
      await waitFor(
        'acknowledged writes of each kind, and writes in flight',
        () =>
          acknowledged.signups.length >= 4 &&
          acknowledged.deals.size >= 10 &&
          acknowledged.submitCount >= 2 * SUBMIT_DEALS &&
          inFlight >= 3,
        30_000,
        5,
      );
      killed = true;
      inFlightAtKill = inFlight;
      first.child.kill('SIGKILL');
      t.match(await first.exited, { signal: 'SIGKILL' }, 'the process was killed');
      await Promise.all(writers);
      t.same(unexpected, [], 'every write answered before the kill succeeded');
      t.ok(inFlightAtKill >= 3, `${inFlightAtKill} writes were in flight at the kill`);
      t.comment(
        `acknowledged before the kill: ${acknowledged.signups.length} sign-ups, ${acknowledged.deals.size} deals, ${acknowledged.submitCount} submissions`,
      );
    });

    const second = await startServer(env);
    servers.push(second);
    const base = second.address;
    t.match(second.output(), /listening/, 'the restarted server opened the folder (PGlite recovered)');

    await t.test('then each acknowledged sign-up can sign in', async (t) => {
      const failed = await inParallel(acknowledged.signups, 2, async (email) => {
        const reply = await call(base, 'POST', '/v1/auth/token', {
          body: { grant_type: 'password', username: email, password: PASSWORD },
        });
        return reply.status === 200 ? undefined : `${email}: ${reply.status} ${reply.text}`;
      });
      t.same(failed.filter(Boolean), [], `all ${acknowledged.signups.length} acknowledged sign-ups`);
    });

    await t.test('then each acknowledged deal is readable, with its title', async (t) => {
      const failed = await inParallel([...acknowledged.deals], 4, async ([dealId, title]) => {
        const reply = await call(base, 'GET', `/v1/deals/${dealId}`, { auth: sales.auth });
        return reply.status === 200 && reply.json.title === title
          ? undefined
          : `${dealId}: ${reply.status} ${reply.text}`;
      });
      t.same(failed.filter(Boolean), [], `all ${acknowledged.deals.size} acknowledged deals`);
    });

    await t.test('then each acknowledged submission is in force', async (t) => {
      const failed = await inParallel([...acknowledged.submits], 4, async ([key, revision]) => {
        const [dealId, side] = key.split(' ');
        const party = side === 'sales' ? sales : procurement;
        const reply = await call(base, 'GET', `/v1/deals/${dealId}/assessment`, { auth: party.auth });
        if (reply.status !== 200) return `${key}: ${reply.status} ${reply.text}`;
        // A draft shows the revision it will have: the submitted one is the one before.
        const submitted = reply.json.status === 'submitted' ? reply.json.revision : reply.json.revision - 1;
        return submitted >= revision ? undefined : `${key}: revision ${submitted}, acknowledged ${revision}`;
      });
      t.same(failed.filter(Boolean), [], `all ${acknowledged.submits.size} deal sides`);
      const more = await submitOver(base, sales, submitDeals[0] ?? '');
      t.ok([200, 409, 429].includes(more.status), `the flow goes on after the restart (${more.status})`);
    });

    await t.test(
      'when a second server starts on the same DATA_DIR, then it refuses, naming the holder',
      async (t) => {
        const [refused, rotation] = await Promise.all([
          runUntilExit([SERVER_BUNDLE], env),
          runUntilExit(['--import', 'tsx', ROTATE_MASTER_KEY], env),
        ]);
        const inUse = `the data folder ${path.join(realpathSync(dataDir), 'pgdata')} is in use by process ${second.child.pid} (server.js, since `;
        t.equal(refused.code, 75, 'the server exits by itself with EX_TEMPFAIL');
        t.match(refused.output, inUse, 'naming the folder and the holder');
        t.notMatch(refused.output, /listening/);
        t.equal(rotation.code, 75, 'rotate-master-key refuses too');
        t.match(rotation.output, inUse);
        t.notMatch(rotation.output, /re-wrapping/);
        const health = await call(base, 'GET', '/health/ready');
        t.equal(health.status, 200, 'the holder carries on');
      },
    );

    await t.test('when the holder is killed with SIGKILL, then a new server starts at once', async (t) => {
      second.child.kill('SIGKILL');
      await second.exited;
      const third = await startServer(env);
      servers.push(third);
      const [dealId, title] = [...acknowledged.deals][0] ?? [];
      const reply = await call(third.address, 'GET', `/v1/deals/${dealId}`, { auth: sales.auth });
      t.equal(reply.json?.title, title, 'on the same data');
    });
  },
);
