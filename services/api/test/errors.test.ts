import t from 'tap';
import { z } from 'zod';
import { build } from './helpers/build.js';

const PROBLEM_JSON = /^application\/problem\+json/;

t.test('errors are RFC 9457 problems', async (t) => {
  const { app, logs } = await build(t, {
    beforeReady: (app) => {
      app.post(
        '/test/echo',
        {
          schema: {
            body: z.object({ user: z.object({ email: z.email(), age: z.number().int() }) }).strict(),
            response: { 200: z.object({ ok: z.boolean() }) },
          },
        },
        async () => ({ ok: true }),
      );
      app.get('/test/boom', async () => {
        throw new Error('internal detail: connection string postgres://secret@db');
      });
    },
  });

  t.test('when a route does not exist, then 404 problem', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/v1/nothing-here' });
    t.equal(res.statusCode, 404);
    t.match(res.headers['content-type'], PROBLEM_JSON);
    t.match(res.json(), { type: '/problems/not-found', title: 'Not found', status: 404, detail: String });
    t.equal(res.json().requestId, res.headers['x-request-id']);
  });

  t.test('when the body fails validation, then 400 with a path per issue', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { user: { email: 'nope', age: 1.5 }, x: 1 },
    });
    t.equal(res.statusCode, 400);
    t.match(res.headers['content-type'], PROBLEM_JSON);
    const body = res.json();
    t.equal(body.type, '/problems/validation-failed');
    const paths = body.errors.map((e: { path: string }) => e.path).sort();
    t.same(paths, ['/body', '/body/user/age', '/body/user/email']);
    for (const issue of body.errors) t.type(issue.message, 'string');
  });

  t.test('when the JSON is malformed, then 400 problem', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"user": ',
    });
    t.equal(res.statusCode, 400);
    t.match(res.headers['content-type'], PROBLEM_JSON);
    t.equal(res.json().type, '/problems/malformed-request');
  });

  t.test('when the content type is not JSON, then 415 problem', async (t) => {
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
      const res = await app.inject({
        method: 'POST',
        url: '/test/echo',
        headers: { 'content-type': type },
        payload: 'x',
      });
      t.equal(res.statusCode, 415, type);
      t.equal(res.json().type, '/problems/unsupported-media-type');
    }
  });

  t.test('when the body is larger than the limit, then 413 problem', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ user: { email: 'a@b.co', age: 1 }, pad: 'x'.repeat(300 * 1024) }),
    });
    t.equal(res.statusCode, 413);
    t.equal(res.json().type, '/problems/payload-too-large');
  });

  t.test(
    'when a handler fails unexpectedly, then 500 with a generic detail and the cause in the log',
    async (t) => {
      const res = await app.inject({ method: 'GET', url: '/test/boom' });
      t.equal(res.statusCode, 500);
      t.match(res.headers['content-type'], PROBLEM_JSON);
      t.notMatch(res.body, /secret|postgres|stack|at /);
      const requestId = res.json().requestId;
      const line = logs.find((l) => l.includes('unhandled error') && l.includes(requestId));
      t.ok(line, 'the error is logged with the request id');
      t.match(line, /internal detail/);
    },
  );

  t.test('when a caller sends a request id, then it is kept; otherwise one is made', async (t) => {
    const mine = await app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'partner-req-12345' },
    });
    t.equal(mine.headers['x-request-id'], 'partner-req-12345');
    const hostile = await app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'bad id\n{"level":60}' },
    });
    t.not(hostile.headers['x-request-id'], 'bad id\n{"level":60}');
    t.match(hostile.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  });
});
