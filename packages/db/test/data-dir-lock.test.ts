import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import type { DataDirLockKind } from '../src/data-dir-lock.js';
import { DataDirLockedError, lockDataDir, openPglite } from '../src/index.js';

const HOLDER = fileURLToPath(new URL('./fixtures/hold-data-dir-lock.ts', import.meta.url));

const made: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-lock-'));
  made.push(dir);
  return dir;
};
t.teardown(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Holder {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Another process that tries to take the lock on `dir`; resolves once it holds it or has exited. */
async function otherProcess(dir: string, kind?: DataDirLockKind): Promise<Holder> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir, ...(kind ? [kind] : [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 30_000;
  while (!output.includes('locked') && child.exitCode === null && child.signalCode === null) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the other process did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, output: () => output, exited };
}

t.test('when this process locks a folder it already holds, then it is refused, naming itself', async (t) => {
  const dir = newDir();
  const lock = await lockDataDir(dir);
  t.teardown(() => lock.release());
  const refusal = await lockDataDir(dir).catch((error: unknown) => error);
  t.type(refusal, DataDirLockedError);
  const error = refusal as DataDirLockedError;
  t.equal(error.dir, lock.dir, 'the folder, by its real path');
  t.equal(error.holder?.pid, process.pid, 'the holder is this process');
  t.match(error.message, lock.dir);
  t.match(error.message, `process ${process.pid} (this process)`);
});

t.test('when the same folder is reached through a symlink, then it is the same lock', async (t) => {
  const dir = newDir();
  const link = path.join(newDir(), 'link');
  symlinkSync(dir, link);
  const lock = await lockDataDir(dir);
  t.teardown(() => lock.release());
  await t.rejects(lockDataDir(link), DataDirLockedError);
});

t.test('when the lock is released, then the folder can be locked again', async (t) => {
  const dir = newDir();
  const first = await lockDataDir(dir);
  await first.release();
  await first.release(); // idempotent
  const second = await lockDataDir(dir);
  await second.release();
  t.pass('locked, released, locked again');
});

t.test('when another process holds the folder, then the lock is refused with its pid', async (t) => {
  const dir = newDir();
  const holder = await otherProcess(dir);
  t.teardown(() => holder.child.kill('SIGKILL'));
  t.match(holder.output(), 'locked', 'the other process holds the lock');
  const refusal = await lockDataDir(dir).catch((error: unknown) => error);
  t.type(refusal, DataDirLockedError);
  const error = refusal as DataDirLockedError;
  t.equal(error.holder?.pid, holder.child.pid, 'the holder named by its pid');
  t.match(error.message, `is in use by process ${holder.child.pid} (hold-data-dir-lock.ts, since `);
  t.match(error.message, 'give this one another DATA_DIR');

  t.test('when the holder is killed with SIGKILL, then the lock is free at once', async (t) => {
    holder.child.kill('SIGKILL');
    t.match(await holder.exited, { signal: 'SIGKILL' });
    const lock = await lockDataDir(dir);
    t.equal(lock.dir, error.dir);
    await lock.release();
  });
});

t.test('when this process holds the folder, then another process is refused, naming this one', async (t) => {
  const dir = newDir();
  const lock = await lockDataDir(dir);
  t.teardown(() => lock.release());
  const other = await otherProcess(dir);
  t.match(await other.exited, { code: 75 }, 'the other process gave up');
  t.match(other.output(), `${lock.dir} is in use by process ${process.pid}`);
  t.notMatch(other.output(), 'locked\n');
});

t.test('when the embedded database is opened twice on one folder, then the second is refused', async (t) => {
  const dir = newDir();
  const first = await openPglite({ dataDir: dir });
  const refusal = await openPglite({ dataDir: dir }).catch((error: unknown) => error);
  t.type(refusal, DataDirLockedError, 'refused before PGlite opens the folder');
  await first.close();
  const again = await openPglite({ dataDir: dir });
  t.teardown(() => again.close());
  t.pass('after close() the folder opens again');
});

t.test(
  'when the socket-file fallback (macOS, BSD) is used, then it refuses and recovers the same way',
  async (t) => {
    const dir = newDir();
    const lockFile = path.join(realpathSync(dir), '.lock.sock');
    const holder = await otherProcess(dir, 'file');
    t.teardown(() => holder.child.kill('SIGKILL'));
    t.ok(existsSync(lockFile), 'the lock is a socket file in the folder');
    const refusal = await lockDataDir(dir, 'file').catch((error: unknown) => error);
    t.type(refusal, DataDirLockedError);
    t.equal((refusal as DataDirLockedError).holder?.pid, holder.child.pid, 'the holder named by its pid');

    holder.child.kill('SIGKILL');
    await holder.exited;
    t.ok(existsSync(lockFile), 'a killed holder leaves its socket file behind');
    const lock = await lockDataDir(dir, 'file');
    t.pass('the stale file is recognised (nobody answers) and replaced');
    await t.rejects(lockDataDir(dir, 'file'), DataDirLockedError, 'and the new lock holds');
    await lock.release();
    t.notOk(existsSync(lockFile), 'release removes the socket file');
    const again = await lockDataDir(dir, 'file');
    await again.release();
  },
);
