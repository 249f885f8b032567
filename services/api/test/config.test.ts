import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { ConfigError, loadConfig, parseConfig } from '../src/config.js';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'cg-config-'));

t.test('when nothing is set, then the defaults apply', async (t) => {
  const config = parseConfig({});
  t.equal(config.HOST, '127.0.0.1');
  t.equal(config.PORT, 3000);
  t.equal(config.DATA_DIR, './.data');
  t.equal(config.DATABASE_URL, undefined);
});

t.test('when a value is bad, then the error names the variable', async (t) => {
  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['MASTER_KEY', 'too-short'],
    ['JWT_SECRET', 'short'],
  ] as const) {
    t.throws(
      () => parseConfig({ [name]: value }),
      { name: 'ConfigError', message: new RegExp(`${name}:`) },
      `${name}=${value}`,
    );
  }
});

t.test('when DATABASE_URL is set without the secrets, then the start refuses naming both', async (t) => {
  const error = t.throws(() =>
    loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', DATA_DIR: tempDir() }),
  );
  t.ok(error instanceof ConfigError);
  t.match((error as Error).message, /JWT_SECRET and MASTER_KEY: required with DATABASE_URL/);
});

t.test(
  'when the embedded database is used without secrets, then they are generated once and kept',
  async (t) => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir });
    t.equal(Buffer.from(first.MASTER_KEY, 'base64').length, 32);
    t.ok(first.JWT_SECRET.length >= 32);
    const file = path.join(dir, 'secrets.json');
    t.equal(statSync(file).mode & 0o777, 0o600, 'only the owner may read the secrets');
    const second = loadConfig({ DATA_DIR: dir });
    t.equal(second.MASTER_KEY, first.MASTER_KEY);
    t.equal(second.JWT_SECRET, first.JWT_SECRET);
    t.same(JSON.parse(readFileSync(file, 'utf8')), {
      JWT_SECRET: first.JWT_SECRET,
      MASTER_KEY: first.MASTER_KEY,
    });
  },
);

t.test('when a secret is given, then it wins and is not written to disk', async (t) => {
  const dir = tempDir();
  const key = Buffer.alloc(32, 7).toString('base64');
  const config = loadConfig({ DATA_DIR: dir, MASTER_KEY: key });
  t.equal(config.MASTER_KEY, key);
  t.notMatch(readFileSync(path.join(dir, 'secrets.json'), 'utf8'), key);
});
