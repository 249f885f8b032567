import t from 'tap';
import { build } from './helpers/build.js';

t.test('health', async (t) => {
  const { app, testDatabase } = await build(t);

  t.test('when the process is up, then live is 200', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/health/live' });
    t.equal(res.statusCode, 200);
    t.same(res.json(), { status: 'ok' });
  });

  t.test('when the database answers, then ready is 200', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    t.equal(res.statusCode, 200);
    t.same(res.json(), { status: 'ok' });
  });

  t.test('when the database is gone, then ready is 503 with Retry-After', async (t) => {
    await testDatabase.database.close();
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    t.equal(res.statusCode, 503);
    t.equal(res.headers['retry-after'], '5');
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.equal(res.json().type, '/problems/service-unavailable');
  });
});
