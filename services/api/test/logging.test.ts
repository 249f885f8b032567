import t from 'tap';
import { createLogger, redactPrivate } from '../src/logger.js';
import { build } from './helpers/build.js';

t.test('when a request completes, then exactly one JSON line is logged with its request id', async (t) => {
  const { app, logs } = await build(t);
  const before = logs.length;
  const res = await app.inject({
    method: 'GET',
    url: '/health/live',
    headers: { authorization: 'Bearer abc.def.ghi' },
  });
  const lines = logs.slice(before).map((l) => JSON.parse(l));
  t.equal(lines.length, 1);
  t.match(lines[0], {
    reqId: res.headers['x-request-id'],
    method: 'GET',
    route: '/health/live',
    statusCode: 200,
  });
  t.notMatch(logs.join(''), /abc\.def\.ghi/);
});

t.test('when objects with credentials or private notes are logged, then they are redacted', async (t) => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
  logger.info(
    {
      req: { headers: { authorization: 'Bearer CANARY-1', cookie: 'sid=CANARY-2' } },
      user: { password: 'CANARY-3' },
      client: { clientSecret: 'CANARY-4' },
      grant: { refresh_token: 'CANARY-5', access_token: 'CANARY-6' },
      assessment: {
        objectives: [{ category: 'quality', note: 'CANARY-7' }],
        risks: { operational: { note: 'CANARY-8' } },
      },
      secret: 'CANARY-9',
    },
    'something happened',
  );
  t.equal(lines.length, 1);
  t.notMatch(lines[0], /CANARY/);
  t.match(lines[0], /\[redacted\]/);
});

t.test(
  'when secrets sit at any depth, in any case, in arrays or on errors, then they are redacted',
  async (t) => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (line: string) => lines.push(line) },
    });
    const error = Object.assign(new Error('the webhook failed'), {
      response: { headers: { Authorization: 'Bearer CANARY-10' } },
    });
    logger.error(
      {
        err: error,
        deep: { a: { b: { c: { d: { e: { Password: 'CANARY-11', kept: 'visible-1' } } } } } },
        list: [{ note: 'CANARY-12' }, { clientSecret: 'CANARY-13', kept: 'visible-2' }],
        headers: { 'Idempotency-Key': 'CANARY-14', 'set-cookie': ['sid=CANARY-15'] },
      },
      'something failed',
    );
    t.equal(lines.length, 1);
    t.notMatch(lines[0], /CANARY/);
    const line = JSON.parse(lines[0] ?? '{}');
    t.equal(line.err.message, 'the webhook failed', 'the error is still described');
    t.match(line.err.stack, /Error: the webhook failed/);
    t.equal(line.deep.a.b.c.d.e.kept, 'visible-1', 'what is not a secret stays');
    t.equal(line.list[1].kept, 'visible-2');

    const original = { user: { password: 'CANARY-16' } };
    redactPrivate(original);
    t.equal(original.user.password, 'CANARY-16', 'the logged object itself is left unchanged');
    const cyclic: Record<string, unknown> = { token: 'CANARY-17' };
    cyclic.self = cyclic;
    t.notMatch(
      JSON.stringify(redactPrivate(cyclic), (_, v) => v),
      /CANARY/,
      'a cycle ends at the depth limit',
    );
  },
);
