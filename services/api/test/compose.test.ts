import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { parse } from 'yaml';
import { ConfigSchema } from '../src/config.js';

const root = (file: string) => fileURLToPath(new URL(`../../../${file}`, import.meta.url));

t.test(
  'when docker-compose.yml is read, then the API service is wired to PostgreSQL with known settings',
  async (t) => {
    const compose = parse(readFileSync(root('docker-compose.yml'), 'utf8'));
    const api = compose.services.api;
    const db = compose.services.db;
    t.match(db.image, /^postgres:17/);
    t.ok(db.healthcheck, 'the database has a health check');
    t.ok(Object.keys(compose.volumes).length > 0, 'the data lives in a volume');
    t.equal(api.depends_on.db.condition, 'service_healthy');
    t.equal(api.environment.HOST, '0.0.0.0');
    t.match(api.environment.DATABASE_URL, /^postgres:\/\/.*@db:5432\//);
    const known = Object.keys(ConfigSchema.shape);
    for (const name of Object.keys(api.environment))
      t.ok(known.includes(name), `${name} is a setting of the service`);
    for (const secret of ['JWT_SECRET', 'MASTER_KEY']) t.ok(secret in api.environment, `${secret} is passed`);
    // Mail goes to the local catcher (Mailpit), whose web inbox is published.
    t.match(compose.services.mail.image, /^axllent\/mailpit:/);
    t.ok(compose.services.mail.ports.includes('8025:8025'), 'the inbox is reachable');
    t.equal(api.environment.SMTP_URL, 'smtp://mail:1025');
    t.ok(api.depends_on.mail, 'the API starts after the mail catcher');
  },
);

t.test('when the Dockerfile is read, then it is multi-stage and runs as a non-root user', async (t) => {
  const dockerfile = readFileSync(root('services/api/Dockerfile'), 'utf8');
  t.ok((dockerfile.match(/^FROM /gm) ?? []).length >= 2, 'multi-stage');
  t.match(dockerfile, /^USER (?!root)\w+/m);
  t.match(dockerfile, /pnpm@12\.4\.2/, 'the same pnpm as everywhere else');
});

t.test(
  'when the README is read, then every setting of the service is in its configuration table',
  async (t) => {
    const readme = readFileSync(root('README.md'), 'utf8');
    for (const name of Object.keys(ConfigSchema.shape))
      t.match(readme, new RegExp(`^\\| \`${name}\` +\\|`, 'm'), name);
  },
);
