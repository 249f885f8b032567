import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const API_ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPO_ROOT = path.resolve(API_ROOT, '..', '..');

/** The server as one JavaScript file: what `pnpm start` and the container run. */
export const SERVER_BUNDLE = path.join(API_ROOT, 'dist', 'server.js');

/**
 * What the bundle was built from — every input file's size and modification time, and the
 * template key it carries — so that `scripts/start.mjs` rebuilds only when one of them changed.
 * Read by start.mjs: keep the format in step with it.
 */
export const BUILD_STAMP = `${SERVER_BUNDLE}.stamp.json`;

/** The migrated embedded database that new data folders are copied from (`@cg/db`'s pglite-template.ts). */
export const PGLITE_TEMPLATE_DIR = path.join(API_ROOT, 'dist', 'pglite-template');

const MIGRATIONS_DIR = path.join(REPO_ROOT, 'packages', 'db', 'src', 'migrations');

/**
 * Names the template a bundle may use: the migrations' sources and PGlite's version. The bundle
 * carries it (`__PGLITE_TEMPLATE_KEY__`), the template stores it; a new folder is only seeded from
 * a template with the running bundle's key.
 */
export function pgliteTemplateKey(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(`${file}\n`).update(readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  const pglite = JSON.parse(
    readFileSync(path.join(API_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
  ) as { version: string };
  hash.update(`pglite ${pglite.version}`);
  return hash.digest('hex').slice(0, 16);
}

/** Files whose change outdates the bundle although esbuild did not read them. */
const BUILD_CONFIGURATION = [fileURLToPath(import.meta.url), path.join(REPO_ROOT, 'pnpm-lock.yaml')];

/**
 * Loaded from node_modules at run time rather than bundled: native code (Argon2), WebAssembly and
 * data files found beside their own modules (PGlite, Swagger UI's assets), modules started in
 * worker threads by name (pino's transports), and the password lists, loaded on the first password
 * check rather than parsed at every start. Each must be a dependency of this package, so that it
 * resolves from `dist/`.
 */
const EXTERNAL = [
  '@node-rs/argon2',
  '@electric-sql/pglite',
  '@fastify/swagger-ui',
  'pino',
  'pg-native',
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
];

/**
 * Compiles the server ahead of time instead of at every start (tsx): it starts faster and keeps
 * no compiler in memory — about 90 MiB less resident memory (bench/RESULTS.md). Writes to a
 * temporary file and renames it, so that concurrent builds (tests) never expose half a file.
 */
export async function buildServer(): Promise<string> {
  const templateKey = pgliteTemplateKey();
  const result = await build({
    entryPoints: [path.join(API_ROOT, 'src', 'server.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    write: false,
    metafile: true,
    define: { __PGLITE_TEMPLATE_KEY__: JSON.stringify(templateKey) },
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
  const inputs = [
    ...Object.keys(result.metafile.inputs).map((input) => path.resolve(input)),
    ...BUILD_CONFIGURATION,
  ].flatMap((file) => {
    try {
      const stat = statSync(file);
      return [[file, stat.size, stat.mtimeMs]];
    } catch {
      return []; // not a file (esbuild's virtual modules)
    }
  });
  writeFileSync(temporary, JSON.stringify({ templateKey, inputs }));
  renameSync(temporary, BUILD_STAMP);
  return SERVER_BUNDLE;
}

/**
 * `node --import tsx scripts/build.ts`: the bundle and the embedded database's template (about 6 s
 * the first time, then only when a migration changes). Run at install (the root's postinstall),
 * by the container's build, and by `pnpm start` when a source changed.
 */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
  // Imported here only: the bundle step (also run by tests) needs no database code.
  const { createPgliteTemplate } = await import('@cg/db');
  await createPgliteTemplate({ dir: PGLITE_TEMPLATE_DIR, key: pgliteTemplateKey() });
}
