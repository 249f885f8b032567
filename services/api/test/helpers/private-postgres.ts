import { execFile } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

type Teardown = { teardown(fn: () => unknown): void };

const PREFIX = 'cg-faults-pg-';

/** The PostgreSQL binaries of this machine: the newest major version installed. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`no PostgreSQL binaries under ${root}`);
  return path.join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const asPostgres = (command: string, args: string[]) =>
  run('runuser', ['-u', 'postgres', '--', path.join(binDir(), command), ...args], { timeout: 90_000 });

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops and removes clusters left behind by test processes that died without their teardown
 * (killed by a timeout, say), so that they do not pile up on a machine that runs the suite often.
 */
async function sweepAbandoned() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const root = path.join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(path.join(root, 'owner.pid'), 'utf8'));
    } catch {
      // A cluster being created right now has no owner file yet; one that never got one is old.
      const modified = statSync(root, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - modified < 10 * 60_000) continue;
      owner = 0;
    }
    if (owner > 0 && isAlive(owner)) continue;
    await asPostgres('pg_ctl', ['-D', path.join(root, 'data'), '-m', 'immediate', '-w', 'stop']).catch(
      () => undefined,
    );
    rmSync(root, { recursive: true, force: true });
  }
}

export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: the superuser, trusted on local TCP. */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: sessions are terminated, open transactions roll back. */
  stop(): Promise<void>;
  /** `pg_ctl start`, waiting until the server accepts connections. */
  start(): Promise<void>;
  /** The server's own log, for failure messages. */
  log(): string;
}

/**
 * A PostgreSQL cluster of the test's own (initdb + pg_ctl, run as the `postgres` OS user) in a
 * temporary directory, listening on 127.0.0.1 on a free port with trust authentication: the test
 * may stop and start it without touching the machine's server. Stopped and removed when the test
 * ends.
 */
export async function startPrivatePostgres(t: Teardown): Promise<PrivatePostgres> {
  await sweepAbandoned();
  const root = mkdtempSync(path.join(tmpdir(), PREFIX));
  writeFileSync(path.join(root, 'owner.pid'), String(process.pid));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  const [uid, gid] = await Promise.all(
    (['-u', '-g'] as const).map(async (flag) => Number((await run('id', [flag, 'postgres'])).stdout.trim())),
  );
  chownSync(root, uid as number, gid as number);

  let running = false;
  t.teardown(async () => {
    if (running) {
      await asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    rmSync(root, { recursive: true, force: true });
  });

  await asPostgres('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
    '--no-instructions',
  ]);
  appendFileSync(
    path.join(dataDir, 'postgresql.conf'),
    [
      '',
      '# a private cluster of a fault-injection test',
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${root}'`,
      '',
    ].join('\n'),
  );

  let port = 0;
  const start = async () => {
    running = true;
    await asPostgres('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', `-p ${port}`, '-w', '-t', '60', 'start']);
  };
  // The port is free when picked but may be taken before the server binds it: then pick another.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await start();
      break;
    } catch (error) {
      running = false;
      const log = readFileSync(logFile, 'utf8');
      if (attempt >= 3 || !/could not bind|already in use/i.test(log)) {
        throw new Error(`the private PostgreSQL did not start:\n${log}`, { cause: error });
      }
    }
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    async stop() {
      await asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
      running = false;
    },
    log() {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
  };
}
