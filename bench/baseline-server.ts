import Fastify from 'fastify';
import pg from 'pg';

/**
 * The yardstick every benchmark compares with: a bare Fastify route, and (with DATABASE_URL) a
 * bare primary-key read through a pg pool, measured in the same run on the same machine.
 */
const app = Fastify();
app.get('/bare', async () => ({ status: 'ok' }));
const url = process.env.DATABASE_URL;
if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('create table if not exists bench_baseline (id text primary key, body jsonb not null)');
  await pool.query(
    `insert into bench_baseline values ('row_1', '{"title":"baseline"}') on conflict do nothing`,
  );
  app.get(
    '/pk',
    async () => (await pool.query('select id, body from bench_baseline where id = $1', ['row_1'])).rows[0],
  );
  app.addHook('onClose', () => pool.end());
}
const address = await app.listen({
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
});
console.log(`baseline listening on ${address}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
