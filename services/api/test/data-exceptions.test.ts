import { sql } from 'kysely';
import t from 'tap';
import { INVALID_VALUE_CODES } from '../src/plugins/errors.js';
import { build } from './helpers/build.js';

/*
 * PostgreSQL refuses some values the contract let through (SQLSTATE class 22, data exceptions).
 * Those only bad input can cause are the caller's mistake, a 400; the rest of the class points
 * at the server's own SQL and stays a 500.
 */

const SECRET_DETAIL = 'invalid input syntax for type uuid: "caller-value-7f3a"';

t.test('database data exceptions', async (t) => {
  const { app } = await build(t, {
    beforeReady: (app) => {
      app.get<{ Params: { code: string } }>('/test/sqlstate/:code', async (request) => {
        throw Object.assign(new Error(SECRET_DETAIL), { code: request.params.code, severity: 'ERROR' });
      });
      app.get<{ Querystring: { value: string } }>('/test/cast', async (request) =>
        app.database.asSystem((trx) => sql`select ${request.query.value}::uuid as id`.execute(trx)),
      );
      app.get<{ Querystring: { value: string } }>('/test/integer', async (request) =>
        app.database.asSystem((trx) => sql`select ${request.query.value}::int as v`.execute(trx)),
      );
      app.get('/test/divide', async () =>
        app.database.asSystem((trx) => sql`select 1 / ${0}::int as v`.execute(trx)),
      );
    },
  });

  t.test('when the database refuses a value (22P02 and its kin), then 400 validation-failed', async (t) => {
    for (const code of ['22P02', '22P03', '22001', '22003', '22007', '22008', '22018', '22021', '22P05']) {
      t.ok(INVALID_VALUE_CODES[code], `${code} is mapped`);
      const res = await app.inject({ method: 'GET', url: `/test/sqlstate/${code}` });
      t.equal(res.statusCode, 400, code);
      t.match(res.headers['content-type'], /^application\/problem\+json/);
      t.match(res.json(), {
        type: '/problems/validation-failed',
        status: 400,
        detail: INVALID_VALUE_CODES[code],
        requestId: res.headers['x-request-id'],
      });
      t.notMatch(
        res.body,
        /caller-value|invalid input syntax/,
        `${code}: the database's message is not echoed`,
      );
    }
  });

  t.test('when every mapped code is class 22, then nothing else is turned into a 400', async (t) => {
    for (const code of Object.keys(INVALID_VALUE_CODES)) t.match(code, /^22[0-9A-Z]{3}$/, code);
  });

  t.test('when a class 22 error is the server’s own (division by zero), then it stays a 500', async (t) => {
    for (const code of ['22012', '22000', '22023', '2200H']) {
      const res = await app.inject({ method: 'GET', url: `/test/sqlstate/${code}` });
      t.equal(res.statusCode, 500, code);
      t.equal(res.json().type, '/problems/internal');
    }
    const res = await app.inject({ method: 'GET', url: '/test/divide' });
    t.equal(res.statusCode, 500, 'a real division by zero');
  });

  t.test('when this database refuses a real value, then 400 without its message', async (t) => {
    const cast = await app.inject({ method: 'GET', url: '/test/cast?value=caller-value-7f3a' });
    t.equal(cast.statusCode, 400, 'not a uuid (22P02)');
    t.equal(cast.json().detail, INVALID_VALUE_CODES['22P02']);
    t.notMatch(cast.body, /caller-value|syntax/);
    const big = await app.inject({ method: 'GET', url: '/test/integer?value=99999999999' });
    t.equal(big.statusCode, 400, 'out of range for an integer (22003)');
    t.equal(big.json().detail, INVALID_VALUE_CODES['22003']);
    t.notMatch(big.body, /99999999999/);
    const fine = await app.inject({
      method: 'GET',
      url: '/test/cast?value=00000000-0000-4000-8000-000000000000',
    });
    t.equal(fine.statusCode, 200, 'a valid value passes');
  });
});
