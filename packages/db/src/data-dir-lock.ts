import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * One process per data folder. PGlite is PostgreSQL in one process with no locking of its own:
 * two processes on one folder each keep their own view and overwrite the other's writes, and
 * the data written through the one that stops first is lost. So whoever opens the embedded
 * database holds this lock for as long as it runs.
 *
 * The lock is a listening socket, because the kernel closes it when the process dies, however it
 * dies (SIGKILL, OOM, a crash): there is no pid file to go stale. Binding is atomic, so of two
 * processes starting together exactly one gets EADDRINUSE. The holder answers each connection
 * with who it is, so the refused process can name it.
 *
 * - Linux: a socket in the abstract namespace (`\0common-ground:<hash>`), nothing on disk. The
 *   hash is of the folder's device and inode, so a symlink or a second path to the same folder
 *   finds the same lock. Limit: the abstract namespace belongs to the network namespace, so two
 *   containers that share a DATA_DIR volume but not a network namespace do not see each other's
 *   lock; do not share a DATA_DIR between containers.
 * - Windows: a named pipe (`\\.\pipe\common-ground-<hash>`), also released by the kernel.
 * - Elsewhere (macOS, BSD): a socket file in the folder (`.lock.sock`). The file outlives a
 *   crashed holder, so a bind that finds it connects first: no answer (ECONNREFUSED) means the
 *   holder is gone, and the file is replaced. Limit: two processes that find the same stale file
 *   at the same instant can both replace it; the window is a few microseconds after a crash.
 */

export interface DataDirHolder {
  pid: number;
  /** When the holder took the lock (ISO 8601). */
  since: string;
  /** The holder's command: its entry script's name. */
  command: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: DataDirHolder | undefined,
  ) {
    const who = holder
      ? `process ${holder.pid}${holder.pid === process.pid ? ' (this process)' : ''} (${holder.command}, since ${holder.since})`
      : 'another process (it did not say which)';
    super(
      `the data folder ${dir} is in use by ${who}. One process at a time may open it: stop that process, or give this one another DATA_DIR.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  /** The folder, as its real path. */
  readonly dir: string;
  /** Lets the next process in; idempotent. */
  release(): Promise<void>;
}

const ANSWER_TIMEOUT_MS = 2000;

/** How the lock is held: by default the best the platform has; tests choose `file` to try the fallback. */
export type DataDirLockKind = 'abstract' | 'pipe' | 'file';

const platformKind = (): DataDirLockKind =>
  process.platform === 'linux' ? 'abstract' : process.platform === 'win32' ? 'pipe' : 'file';

function lockAddress(dir: string, kind: DataDirLockKind): { address: string; file?: string } {
  const { dev, ino } = statSync(dir, { bigint: true });
  const hash = createHash('sha256').update(`${dev}:${ino}`).digest('hex');
  if (kind === 'abstract') return { address: `\0common-ground:${hash}` };
  if (kind === 'pipe') return { address: `\\\\.\\pipe\\common-ground-${hash}` };
  // A socket path is limited to about 104 bytes: a deep folder uses the temporary folder instead.
  const inside = path.join(dir, '.lock.sock');
  const file =
    Buffer.byteLength(inside) < 100 ? inside : path.join(tmpdir(), `common-ground-${hash.slice(0, 32)}.sock`);
  return { address: file, file };
}

function listen(server: net.Server, address: string) {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(address);
  });
}

/** Asks the holder who it is: its answer, `undefined` if it said nothing, `'gone'` if nobody listens. */
function askHolder(address: string): Promise<DataDirHolder | undefined | 'gone'> {
  return new Promise((resolve) => {
    let text = '';
    const socket = net.connect(address);
    socket.setTimeout(ANSWER_TIMEOUT_MS, () => socket.destroy());
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? 'gone' : undefined);
    });
    socket.on('close', () => {
      try {
        const answer = JSON.parse(text) as DataDirHolder;
        resolve(typeof answer.pid === 'number' ? answer : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** Binds `server` to the lock's address, or throws DataDirLockedError naming the process that holds it. */
async function listenUnlessHeld(server: net.Server, dir: string, address: string, file: string | undefined) {
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(server, address);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      await clearGoneHolder(dir, address, file, attempt >= 2);
    }
  }
}

/**
 * After a bind found the address taken: throws DataDirLockedError unless the holder is gone (and
 * this was not the last attempt), so that the bind can be tried again.
 */
async function clearGoneHolder(dir: string, address: string, file: string | undefined, lastAttempt: boolean) {
  const answer = await askHolder(address);
  if (answer !== 'gone' || lastAttempt) {
    throw new DataDirLockedError(dir, answer === 'gone' ? undefined : answer);
  }
  // The holder died between our bind and our question (abstract namespace, named pipe), or
  // left its socket file behind (fallback): try again, after removing a stale file.
  if (file) {
    try {
      unlinkSync(file);
    } catch {
      // someone else removed it
    }
  }
}

/**
 * Takes the lock on `dir` (created if missing) for this process, or throws DataDirLockedError
 * naming the process that holds it. The lock does not keep the process alive; it is released by
 * `release()` or by the process's end, whatever the cause.
 */
export async function lockDataDir(dir: string, kind = platformKind()): Promise<DataDirLock> {
  mkdirSync(dir, { recursive: true });
  const real = realpathSync(dir);
  const { address, file } = lockAddress(real, kind);
  const holder: DataDirHolder = {
    pid: process.pid,
    since: new Date().toISOString(),
    command: path.basename(process.argv[1] ?? process.argv0),
  };
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end(`${JSON.stringify(holder)}\n`);
  });
  await listenUnlessHeld(server, real, address, file);
  server.unref();
  let released: Promise<void> | undefined;
  return {
    dir: real,
    release: () => {
      released ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return released;
    },
  };
}
