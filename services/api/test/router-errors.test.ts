import { connect } from 'node:net';
import t, { type Test } from 'tap';
import { build } from './helpers/build.js';

/*
 * Requests the router or Node's HTTP parser refuses before any route or hook runs: an
 * undecodable URL, a path segment longer than the router takes, a method HTTP does not define.
 * Each is an RFC 9457 problem with a request id and the security headers, and none quotes the
 * path or a Fastify error code back.
 */

const LONG_ID = 'a'.repeat(500);

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

function isCleanProblem(t: Test, answer: Answer, status: number, what: string) {
  t.equal(answer.status, status, `${what}: ${status}`);
  t.match(String(answer.headers['content-type']), /^application\/problem\+json/, `${what}: problem+json`);
  const body = JSON.parse(answer.body);
  t.same(
    Object.keys(body).sort(),
    ['detail', 'requestId', 'status', 'title', 'type'],
    `${what}: type, title, status, detail, requestId`,
  );
  t.equal(body.status, status, `${what}: status in the body`);
  t.match(body.type, /^\/problems\//, `${what}: a problem type of this API`);
  t.equal(body.requestId, answer.headers['x-request-id'], `${what}: the request id in header and body`);
  t.notMatch(answer.body, /FST_|ERR_|HPE_/, `${what}: no framework or parser error code`);
  t.notMatch(answer.body, /%ZZ|aaaaaaaaaa|\/v1\/deals/, `${what}: the path is not echoed`);
  t.match(String(answer.headers['content-security-policy']), /frame-ancestors 'none'/, `${what}: CSP`);
  t.equal(answer.headers['x-frame-options'], 'DENY', `${what}: X-Frame-Options`);
  t.equal(answer.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
}

/** One raw HTTP/1.1 exchange on a fresh connection: what a client sends, byte for byte. */
function raw(port: number, requestLine: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`${requestLine}\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (chunk: string) => {
      data += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Answer['headers'] = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

t.test('router-level errors are problems', async (t) => {
  const { app } = await build(t);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  const port = address.port;

  const injected = async (method: 'GET' | 'PROPFIND', url: string): Promise<Answer> => {
    const res = await app.inject({ method, url });
    return { status: res.statusCode, headers: res.headers, body: res.body };
  };

  t.test('when a path cannot be percent-decoded, then 400 malformed-request', async (t) => {
    for (const url of ['/v1/deals/%ZZ', '/v1/deals/%E0%A4%A']) {
      const res = await injected('GET', url);
      isCleanProblem(t, res, 400, `inject ${url}`);
      t.equal(JSON.parse(res.body).type, '/problems/malformed-request');
    }
    isCleanProblem(t, await raw(port, 'GET /v1/deals/%ZZ HTTP/1.1'), 400, 'socket %ZZ');
  });

  t.test('when an id is longer than the router takes, then 404 not-found, not a 414', async (t) => {
    const res = await injected('GET', `/v1/deals/${LONG_ID}`);
    isCleanProblem(t, res, 404, 'inject long id');
    t.equal(JSON.parse(res.body).type, '/problems/not-found');
    isCleanProblem(t, await raw(port, `GET /v1/deals/${LONG_ID}/assessment HTTP/1.1`), 404, 'socket long id');
  });

  t.test('when the method is not one HTTP defines, then 400 malformed-request', async (t) => {
    const res = await raw(port, 'FOO /v1/deals HTTP/1.1');
    isCleanProblem(t, res, 400, 'socket FOO');
    t.equal(JSON.parse(res.body).type, '/problems/malformed-request');
    t.match(JSON.parse(res.body).detail, /method/);
  });

  t.test('when a known method has no route, then 404 not-found', async (t) => {
    isCleanProblem(t, await injected('PROPFIND', '/v1/deals'), 404, 'inject PROPFIND');
    isCleanProblem(t, await raw(port, 'PROPFIND /v1/deals HTTP/1.1'), 404, 'socket PROPFIND');
    isCleanProblem(t, await raw(port, 'PATCH /v1/deals HTTP/1.1'), 404, 'socket PATCH');
  });

  t.test('when the request line is garbage, then 400 malformed-request', async (t) => {
    isCleanProblem(t, await raw(port, 'GET /v1/deals HTTP/9 junk'), 400, 'socket garbage');
  });

  t.test('when the server keeps serving, then an ordinary request still works', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/health/live' });
    t.equal(res.statusCode, 200);
  });
});
