import t from 'tap';
import { createLogger } from '../src/logger.js';
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
