import { type ChildProcess, spawn } from 'node:child_process';
import { buildServer } from '../../scripts/build.js';

/** The server as `pnpm start` runs it: bundled once per test process. */
let bundle: Promise<string> | undefined;
const serverBundle = () => {
  bundle ??= buildServer();
  return bundle;
};
const LISTENING = /Common Ground listening on (http:\/\/[^\s"]+) using ([^"]+)/;

export interface ServerProcess {
  child: ChildProcess;
  address: string;
  database: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the real server (its production bundle) as a child process and waits for its listening line. */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [await serverBundle()], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
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
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const match = LISTENING.exec(output);
    if (match?.[1] && match[2]) {
      return { child, address: match[1], database: match[2], output: () => output, exited };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${output}`);
}
