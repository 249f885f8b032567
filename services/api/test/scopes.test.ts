import t from 'tap';
import { build } from './helpers/build.js';
import { assessment, sharedDeal } from './helpers/deals.js';
import { createClient } from './helpers/identity.js';

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
