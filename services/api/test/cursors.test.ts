import t from 'tap';
import { build } from './helpers/build.js';
import { sharedDeal } from './helpers/deals.js';

/*
 * A cursor is opaque to the caller but it is still the caller's input: whatever is put inside
 * one (base64url of JSON `{ "k": … }`) is a 400 problem, never a value the database refuses
 * (which used to be a 500 on the numeric cursors).
 */
const tampered = (inside: string) => Buffer.from(inside).toString('base64url');

const TAMPERED_INSIDES = [
  '{"k":1.5}',
  '{"k":1e308}',
  '{"k":-1e-9}',
  '{"k":-1}',
  '{"k":9007199254740993}',
  '{"k":"1"}',
  '{"k":"deal_\'; drop table deals; --"}',
  '{"k":"x"}',
  '{"k":null}',
  '{"k":[1]}',
  '{"k":{"$gt":0}}',
  '{}',
  'null',
  '[]',
  '1',
  'not json',
  `{"k":"${'a'.repeat(5000)}"}`,
];

t.test('when a list cursor is tampered with, then every list answers 400 problem+json', async (t) => {
  const { app } = await build(t, {
    config: { WEBHOOK_WORKER_ENABLED: false, WEBHOOK_ALLOW_PRIVATE_NETWORKS: true },
  });
  const { sales, dealId } = await sharedDeal(app);
  const endpoint = await app.inject({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    headers: sales.auth,
    payload: { url: 'http://127.0.0.1:9/hooks', events: ['alignment.ready'] },
  });
  t.equal(endpoint.statusCode, 201, endpoint.body);
  const lists = [
    '/v1/organisation/members',
    '/v1/api-clients',
    '/v1/audit-events',
    '/v1/deals',
    `/v1/deals/${dealId}/alignment/versions`,
    `/v1/deals/${dealId}/events`,
    `/v1/deals/${dealId}/milestones`,
    '/v1/webhook-endpoints',
    `/v1/webhook-endpoints/${endpoint.json().id}/deliveries`,
  ];
  for (const url of lists) {
    const first = await app.inject({ method: 'GET', url: `${url}?limit=1`, headers: sales.auth });
    t.equal(first.statusCode, 200, `${url} answers untampered`);
    for (const inside of TAMPERED_INSIDES) {
      const res = await app.inject({
        method: 'GET',
        url: `${url}?cursor=${tampered(inside)}`,
        headers: sales.auth,
      });
      t.equal(res.statusCode, 400, `${url} with ${inside.slice(0, 40)}: ${res.body.slice(0, 200)}`);
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      t.same(
        res.json().errors.map((error: { path: string }) => error.path),
        ['/querystring/cursor'],
      );
    }
  }
});

t.test('when a cursor this API issued comes back, then the next page follows', async (t) => {
  const { app } = await build(t);
  const { sales } = await sharedDeal(app);
  // Sign-up, deal creation and the invitation each left an audit entry.
  const first = await app.inject({ method: 'GET', url: '/v1/audit-events?limit=1', headers: sales.auth });
  const { data, nextCursor } = first.json();
  t.type(nextCursor, 'string');
  const second = await app.inject({
    method: 'GET',
    url: `/v1/audit-events?limit=1&cursor=${nextCursor}`,
    headers: sales.auth,
  });
  t.equal(second.statusCode, 200);
  t.ok(second.json().data[0].seq < data[0].seq, 'older entries follow');
});
