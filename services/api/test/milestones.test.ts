import t from 'tap';
import { build } from './helpers/build.js';
import { sharedDeal } from './helpers/deals.js';
import { addMember, signUp } from './helpers/identity.js';

t.test('the mutual action plan', async (t) => {
  const { app } = await build(t);
  const { sales, procurement, dealId } = await sharedDeal(app);
  const base = `/v1/deals/${dealId}/milestones`;

  t.test(
    'when either party adds, edits, completes and deletes milestones, then both see the plan',
    async (t) => {
      const created = await app.inject({
        method: 'POST',
        url: base,
        headers: sales.auth,
        payload: { title: 'Security questionnaire', ownerSide: 'sales', dueAt: '2027-01-15' },
      });
      t.equal(created.statusCode, 201);
      t.match(created.json(), {
        id: /^ms_/,
        dealId,
        title: 'Security questionnaire',
        ownerSide: 'sales',
        dueAt: '2027-01-15T00:00:00.000Z',
        status: 'open',
      });
      const id = created.json().id;

      const seen = await app.inject({ method: 'GET', url: base, headers: procurement.auth });
      t.same(
        seen.json().data.map((m: { id: string }) => m.id),
        [id],
      );

      const stale = await app.inject({
        method: 'PATCH',
        url: `${base}/${id}`,
        headers: { ...procurement.auth, 'if-match': '"m0"' },
        payload: { status: 'done' },
      });
      t.equal(stale.statusCode, 412);
      const done = await app.inject({
        method: 'PATCH',
        url: `${base}/${id}`,
        headers: { ...procurement.auth, 'if-match': created.headers.etag as string },
        payload: { status: 'done' },
      });
      t.equal(done.statusCode, 200);
      t.equal(done.json().status, 'done');

      await app.inject({
        method: 'POST',
        url: base,
        headers: procurement.auth,
        payload: { title: 'Reference call', ownerSide: 'procurement' },
      });
      const removed = await app.inject({ method: 'DELETE', url: `${base}/${id}`, headers: sales.auth });
      t.equal(removed.statusCode, 204);
      const left = await app.inject({ method: 'GET', url: base, headers: sales.auth });
      t.same(
        left.json().data.map((m: { title: string }) => m.title),
        ['Reference call'],
      );

      const events = await app.inject({
        method: 'GET',
        url: `/v1/deals/${dealId}/events`,
        headers: sales.auth,
      });
      const types = events.json().data.map((e: { type: string }) => e.type);
      for (const type of ['milestone.created', 'milestone.changed', 'milestone.deleted'])
        t.ok(types.includes(type), type);
    },
  );

  t.test('when outsiders or viewers touch the plan, then 404 or 403', async (t) => {
    const outsider = await signUp(app, 'procurement');
    t.equal((await app.inject({ method: 'GET', url: base, headers: outsider.auth })).statusCode, 404);
    t.equal(
      (
        await app.inject({
          method: 'POST',
          url: base,
          headers: outsider.auth,
          payload: { title: 'x', ownerSide: 'sales' },
        })
      ).statusCode,
      404,
    );
    const viewer = await addMember(app, sales, 'viewer');
    t.equal((await app.inject({ method: 'GET', url: base, headers: viewer.auth })).statusCode, 200);
    t.equal(
      (
        await app.inject({
          method: 'POST',
          url: base,
          headers: viewer.auth,
          payload: { title: 'x', ownerSide: 'sales' },
        })
      ).statusCode,
      403,
    );
  });

  t.test('when the input is invalid, then 400', async (t) => {
    for (const payload of [
      { title: '', ownerSide: 'sales' },
      { title: 'x', ownerSide: 'both' },
      { title: 'x', ownerSide: 'sales', status: 'late' },
      { title: 'x', ownerSide: 'sales', dueAt: 'soon' },
    ]) {
      t.equal(
        (await app.inject({ method: 'POST', url: base, headers: sales.auth, payload })).statusCode,
        400,
        JSON.stringify(payload),
      );
    }
  });

  t.test('when the deal is closed, then the plan is read-only', async (t) => {
    const { sales: s, dealId: closedId } = await sharedDeal(app);
    await app.inject({
      method: 'PATCH',
      url: `/v1/deals/${closedId}`,
      headers: s.auth,
      payload: { status: 'lost' },
    });
    const res = await app.inject({
      method: 'POST',
      url: `/v1/deals/${closedId}/milestones`,
      headers: s.auth,
      payload: { title: 'x', ownerSide: 'sales' },
    });
    t.equal(res.statusCode, 409);
    t.equal(
      (await app.inject({ method: 'GET', url: `/v1/deals/${closedId}/milestones`, headers: s.auth }))
        .statusCode,
      200,
    );
  });
});
