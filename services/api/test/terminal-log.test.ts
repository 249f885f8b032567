import t from 'tap';
import { startBanner, terminalLine } from '../src/logger.js';

t.test('when a request line is shown on a terminal, then it is one short line', async (t) => {
  const json = JSON.stringify({
    level: 30,
    time: Date.now(),
    pid: 1,
    hostname: 'h',
    reqId: 'abc',
    method: 'GET',
    route: '/v1/deals',
    url: '/v1/deals?limit=5',
    statusCode: 200,
    durationMs: 3.25,
    msg: 'request',
  });
  t.match(terminalLine(json), /^\d\d:\d\d:\d\d\.\d{3} GET \/v1\/deals\?limit=5 200 3\.25 ms\n$/);
});

t.test('when other lines are shown, then level, message and fields follow on one line', async (t) => {
  const warn = terminalLine(JSON.stringify({ level: 40, time: 0, msg: 'slow', table: 'deals' }));
  t.match(warn, /^\S+ WARN slow table="deals"\n$/);
  const error = terminalLine(
    JSON.stringify({ level: 50, msg: 'failed', err: { message: 'boom', stack: 'Error: boom\n    at x' } }),
  );
  t.match(error, /ERROR failed\nError: boom\n {4}at x\n$/, 'an error’s stack follows');
  t.equal(terminalLine('not json'), 'not json\n');
});

t.test(
  'when the server is ready on a terminal, then the banner names the portals and the docs',
  async (t) => {
    const banner = startBanner('http://127.0.0.1:3000', 'embedded PGlite in /d');
    t.match(banner, /Supplier portal +http:\/\/127\.0\.0\.1:3000\/supplier/);
    t.match(banner, /Buyer portal +http:\/\/127\.0\.0\.1:3000\/buyer/);
    t.match(banner, /API docs +http:\/\/127\.0\.0\.1:3000\/docs/);
  },
);
