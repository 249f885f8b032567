import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const API_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The server as one JavaScript file: what `pnpm start` and the container run. */
export const SERVER_BUNDLE = path.join(API_ROOT, 'dist', 'server.js');

/**
 * Loaded from node_modules at run time rather than bundled: native code (Argon2), WebAssembly and
 * data files found beside their own modules (PGlite, Swagger UI's assets), and modules started in
 * worker threads by name (pino's transports). Each must be a dependency of this package, so that
 * it resolves from `dist/`.
 */
const EXTERNAL = [
  '@node-rs/argon2',
  '@electric-sql/pglite',
  '@fastify/swagger-ui',
  'pino',
  'pino-pretty',
  'pg-native',
];

/**
 * Compiles the server ahead of time instead of at every start (tsx): it starts faster and keeps
 * no compiler in memory — about 90 MiB less resident memory (bench/RESULTS.md). Writes to a
 * temporary file and renames it, so that concurrent builds (tests) never expose half a file.
 */
export async function buildServer(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(API_ROOT, 'src', 'server.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    write: false,
    // Bundled CommonJS modules call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    legalComments: 'none',
    // Whitespace and syntax only: names stay, so stack traces in the logs still say which function.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote nothing');
  mkdirSync(path.dirname(SERVER_BUNDLE), { recursive: true });
  const temporary = `${SERVER_BUNDLE}.${process.pid}.tmp`;
  writeFileSync(temporary, output.contents);
  renameSync(temporary, SERVER_BUNDLE);
  return SERVER_BUNDLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
