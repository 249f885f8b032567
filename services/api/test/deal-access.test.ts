import t from 'tap';
import { build } from './helpers/build.js';
import { assessment, saveAndSubmit, sharedDeal } from './helpers/deals.js';
import { addMember, createClient, type SignedUp, signUp } from './helpers/identity.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
type Caller = 'anonymous' | 'sameSideOutsider' | 'otherSideOutsider' | 'viewer' | 'counterparty';

/**
 * Every deal route × every kind of caller → the status it must get. The deal belongs to a sales
 * organisation and a procurement organisation; "counterparty" is procurement acting on the deal.
 */
const MATRIX: Array<{ method: Method; path: string; body?: unknown; expect: Record<Caller, number> }> = [
  {
    method: 'GET',
    path: '/v1/deals/:id',
    expect: { anonymous: 401, sameSideOutsider: 404, otherSideOutsider: 404, viewer: 200, counterparty: 200 },
  },
  {
    method: 'PATCH',
    path: '/v1/deals/:id',
    body: { description: 'new' },
    expect: { anonymous: 401, sameSideOutsider: 404, otherSideOutsider: 404, viewer: 403, counterparty: 200 },
  },
  {
    method: 'POST',
    path: '/v1/deals/:id/invitations',
    expect: { anonymous: 401, sameSideOutsider: 404, otherSideOutsider: 404, viewer: 403, counterparty: 409 },
  },
  {
    method: 'PUT',
    path: '/v1/deals/:id/assessment',
    body: assessment(),
    expect: { anonymous: 401, sameSideOutsider: 404, otherSideOutsider: 404, viewer: 403, counterparty: 200 },
  },
  {
    method: 'GET',
    path: '/v1/deals/:id/assessment',
    expect: { anonymous: 401, sameSideOutsider: 404, otherSideOutsider: 404, viewer: 200, counterparty: 200 },
  },
  {
    method: 'POST',
    path: '/v1/deals/:id/assessment/submit',
    expect: { anonymous: 401, sameSideOutsider: 404, otherSideOutsider: 404, viewer: 403, counterparty: 409 },
  },
  {
    method: 'GET',
    path: '/v1/deals/:id/alignment',
    expect: { anonymous: 401, sameSideOutsider: 404, otherSideOutsider: 404, viewer: 200, counterparty: 200 },
  },
  {
    method: 'GET',
    path: '/v1/deals/:id/alignment/versions',
    expect: { anonymous: 401, sameSideOutsider: 404, otherSideOutsider: 404, viewer: 200, counterparty: 200 },
  },
  {
    method: 'GET',
    path: '/v1/deals/:id/events',
    expect: { anonymous: 401, sameSideOutsider: 404, otherSideOutsider: 404, viewer: 200, counterparty: 200 },
  },
];

t.test('who may do what on a deal', async (t) => {
  const { app } = await build(t);
  const { sales, procurement, dealId } = await sharedDeal(app);
  await saveAndSubmit(app, sales, dealId, assessment());
  await saveAndSubmit(app, procurement, dealId, assessment());
  const viewer = await addMember(app, sales, 'viewer');
  const callers: Record<Exclude<Caller, 'anonymous'>, Pick<SignedUp, 'auth'>> = {
    sameSideOutsider: await signUp(app, 'sales'),
    otherSideOutsider: await signUp(app, 'procurement'),
    viewer,
    counterparty: procurement,
  };
  for (const route of MATRIX) {
    for (const caller of Object.keys(route.expect) as Caller[]) {
      const res = await app.inject({
        method: route.method,
        url: route.path.replace(':id', dealId),
        headers: caller === 'anonymous' ? {} : callers[caller].auth,
        ...(route.body !== undefined ? { payload: route.body as object } : {}),
      });
      t.equal(res.statusCode, route.expect[caller], `${route.method} ${route.path} as ${caller}`);
      if (res.statusCode >= 400) t.match(res.headers['content-type'], /^application\/problem\+json/);
    }
  }
  const served = await app.inject({ method: 'GET', url: '/openapi.json' });
  const dealPaths = Object.entries(served.json().paths as Record<string, Record<string, unknown>>)
    .filter(([path]) => path.startsWith('/v1/deals/{dealId}'))
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace('{dealId}', ':id')}`),
    );
  for (const operation of dealPaths) {
    t.ok(
      MATRIX.some((r) => `${r.method} ${r.path}` === operation) || operation.includes('/milestones'),
      `${operation} has a row in the matrix`,
    );
  }
});

t.test(
  'scopes: a write-only client submits but never reads back; a read-only client cannot write',
  async (t) => {
    const { app } = await build(t);
    const { sales, procurement, dealId } = await sharedDeal(app);
    const { auth: writeOnly } = await createClient(app, sales, ['assessments:write']);
    const put = await app.inject({
      method: 'PUT',
      url: `/v1/deals/${dealId}/assessment`,
      headers: writeOnly,
      payload: assessment({}, 'write-only note'),
    });
    t.equal(put.statusCode, 200);
    t.same(Object.keys(put.json()).sort(), ['revision', 'status', 'updatedAt'], 'a receipt, not the content');
    const get = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/assessment`,
      headers: writeOnly,
    });
    t.equal(get.statusCode, 403);
    const submit = await app.inject({
      method: 'POST',
      url: `/v1/deals/${dealId}/assessment/submit`,
      headers: writeOnly,
    });
    t.equal(submit.statusCode, 200);
    const report = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/alignment`,
      headers: writeOnly,
    });
    t.equal(report.statusCode, 403, 'no deals:read, no report');

    const { auth: readOnly } = await createClient(app, procurement, ['deals:read', 'assessments:read']);
    t.equal(
      (await app.inject({ method: 'GET', url: `/v1/deals/${dealId}`, headers: readOnly })).statusCode,
      200,
    );
    const denied = await app.inject({
      method: 'PUT',
      url: `/v1/deals/${dealId}/assessment`,
      headers: readOnly,
      payload: assessment(),
    });
    t.equal(denied.statusCode, 403);
    const create = await app.inject({
      method: 'POST',
      url: '/v1/deals',
      headers: readOnly,
      payload: { title: 'x' },
    });
    t.equal(create.statusCode, 403);
  },
);
