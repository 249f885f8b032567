import t from 'tap';
import { build } from './helpers/build.js';
import { assessment, createDeal, invite, saveAndSubmit, sharedDeal } from './helpers/deals.js';
import { signUp } from './helpers/identity.js';

t.test('the deal flow end to end', async (t) => {
  const { app } = await build(t);

  t.test(
    'when a sales organisation creates a deal, then it is its party and waits for the counterparty',
    async (t) => {
      const sales = await signUp(app, 'sales');
      const res = await app.inject({
        method: 'POST',
        url: '/v1/deals',
        headers: sales.auth,
        payload: {
          title: 'Data platform',
          description: 'Shared description',
          value: { amount: 250000.5, currency: 'EUR' },
          expectedDecisionAt: '2027-06-30',
        },
      });
      t.equal(res.statusCode, 201);
      t.match(res.headers.etag, /^"d\d+"$/);
      t.match(res.json(), {
        id: /^deal_/,
        title: 'Data platform',
        value: { amount: 250000.5, currency: 'EUR' },
        expectedDecisionAt: '2027-06-30T00:00:00.000Z',
        status: 'awaiting_counterparty',
        parties: { sales: { id: sales.organisation.id, name: sales.organisation.name }, procurement: null },
        submissions: { sales: { submitted: false, revision: null, revisionsLeft: 4 } },
        round: {
          number: 1,
          budget: 5,
          roundsLeft: 4,
          reportReady: false,
          waitingFor: ['sales', 'procurement'],
        },
      });
    },
  );

  t.test('when both sides submit, then both see the same score and the deal is aligned', async (t) => {
    const { sales, procurement, dealId } = await sharedDeal(app, { expectedDecisionAt: '2030-01-01' });
    const deal = await app.inject({ method: 'GET', url: `/v1/deals/${dealId}`, headers: procurement.auth });
    t.equal(deal.json().status, 'assessing');
    t.same(deal.json().parties.procurement, {
      id: procurement.organisation.id,
      name: procurement.organisation.name,
    });
    t.same(
      deal.json().parties.sales,
      { id: sales.organisation.id, name: sales.organisation.name },
      'the counterparty’s name is visible',
    );

    const waiting = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/alignment`,
      headers: sales.auth,
    });
    t.same(waiting.json(), { status: 'awaiting_submissions', waitingFor: ['sales', 'procurement'] });

    const first = await saveAndSubmit(app, sales, dealId, assessment());
    t.equal(first.statusCode, 200);
    t.same(first.json(), { status: 'submitted', round: 1, roundsLeft: 4, outcome: 'submitted', revision: 1 });
    const stillWaiting = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/alignment`,
      headers: procurement.auth,
    });
    t.same(
      stillWaiting.json(),
      { status: 'awaiting_submissions', waitingFor: ['procurement'] },
      'sealed until both submit',
    );

    const second = await saveAndSubmit(app, procurement, dealId, assessment());
    t.equal(second.json().outcome, 'closed');

    const forSales = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/alignment`,
      headers: sales.auth,
    });
    const forProcurement = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/alignment`,
      headers: procurement.auth,
    });
    t.equal(forSales.statusCode, 200);
    t.match(forSales.json(), {
      status: 'ready',
      version: 1,
      round: 1,
      algorithm: String,
      basedOn: { sales: 1, procurement: 1 },
      disclosure: 'detailed',
      score: 100,
      band: 'strong',
      objectives: { aligned: 3, related: 0, misaligned: 0 },
      nature: {
        agreed: true,
        approach: 'collaborative',
        quadrants: { sales: 'strategic', procurement: 'strategic' },
      },
      timing: { engagement: 'ideal' },
    });
    t.equal(forProcurement.json().score, forSales.json().score, 'both sides see the same score');
    const after = await app.inject({ method: 'GET', url: `/v1/deals/${dealId}`, headers: sales.auth });
    t.match(after.json(), { status: 'aligned', round: { number: 1, reportReady: true, waitingFor: [] } });
  });

  t.test(
    'when the lower disclosure level is summary, then both see only score, band and category-free advice',
    async (t) => {
      const { sales, procurement, dealId } = await sharedDeal(app);
      await saveAndSubmit(app, sales, dealId, assessment({ disclosure: 'detailed' }));
      await saveAndSubmit(app, procurement, dealId, assessment({ disclosure: 'summary' }));
      for (const party of [sales, procurement]) {
        const res = await app.inject({
          method: 'GET',
          url: `/v1/deals/${dealId}/alignment`,
          headers: party.auth,
        });
        const body = res.json();
        t.equal(body.disclosure, 'summary');
        t.equal(body.objectives, undefined);
        t.equal(body.risks, undefined);
        t.equal(body.nature, undefined);
        t.type(body.score, 'number');
      }
    },
  );

  t.test('rounds: a revision opens the next round, the other side confirms, the budget holds', async (t) => {
    const { sales, procurement, dealId } = await sharedDeal(app);
    await saveAndSubmit(app, sales, dealId, assessment());
    await saveAndSubmit(app, procurement, dealId, assessment());

    const unchanged = await app.inject({
      method: 'POST',
      url: `/v1/deals/${dealId}/assessment/submit`,
      headers: sales.auth,
    });
    t.equal(unchanged.statusCode, 409, 'resubmitting the same content after a report is refused');

    const revised = assessment({ nature: { supplyRisk: 1, businessImpact: 4 } });
    const opened = await saveAndSubmit(app, sales, dealId, revised);
    t.same(opened.json(), { status: 'submitted', round: 2, roundsLeft: 3, outcome: 'opened', revision: 2 });

    const pending = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/alignment`,
      headers: procurement.auth,
    });
    t.match(pending.json(), {
      status: 'ready',
      version: 1,
      round: 1,
      pendingRound: { round: 2, waitingFor: ['procurement'] },
    });

    const confirm = await app.inject({
      method: 'POST',
      url: `/v1/deals/${dealId}/assessment/submit`,
      headers: procurement.auth,
    });
    t.equal(confirm.json().outcome, 'closed', 'the other side confirms the round unchanged');
    const current = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/alignment`,
      headers: sales.auth,
    });
    t.match(current.json(), { version: 2, round: 2, basedOn: { sales: 2, procurement: 2 } });
    t.equal(current.json().pendingRound, undefined);

    const versions = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/alignment/versions?limit=1`,
      headers: sales.auth,
    });
    t.equal(versions.json().data[0].version, 2);
    const older = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/alignment/versions?limit=1&cursor=${versions.json().nextCursor}`,
      headers: sales.auth,
    });
    t.equal(older.json().data[0].version, 1);
    t.equal(older.json().nextCursor, null);

    // Rounds 3, 4 and 5, then the budget is used up.
    for (let round = 3; round <= 5; round++) {
      const opener = round % 2 ? procurement : sales;
      const confirmer = round % 2 ? sales : procurement;
      const res = await saveAndSubmit(
        app,
        opener,
        dealId,
        assessment({ nature: { supplyRisk: round, businessImpact: 2 } }),
      );
      t.equal(res.json().outcome, 'opened', `round ${round} opens`);
      t.equal(res.json().roundsLeft, 5 - round);
      const closed = await app.inject({
        method: 'POST',
        url: `/v1/deals/${dealId}/assessment/submit`,
        headers: confirmer.auth,
      });
      t.equal(closed.json().outcome, 'closed');
    }
    const beyond = await saveAndSubmit(app, sales, dealId, assessment({ disclosure: 'standard' }));
    t.equal(beyond.statusCode, 429);
    t.equal(beyond.json().type, '/problems/round-budget-exhausted');
  });

  t.test('within an open round, a side may replace its submission until the other submits', async (t) => {
    const { sales, procurement, dealId } = await sharedDeal(app);
    await saveAndSubmit(app, sales, dealId, assessment());
    const replaced = await saveAndSubmit(app, sales, dealId, assessment({ disclosure: 'standard' }));
    t.equal(replaced.json().outcome, 'replaced');
    t.equal(replaced.json().revision, 2);
    const closed = await saveAndSubmit(app, procurement, dealId, assessment());
    t.equal(closed.json().outcome, 'closed');
    const report = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/alignment`,
      headers: procurement.auth,
    });
    t.same(report.json().basedOn, { sales: 2, procurement: 1 }, 'the replacement is what counts');
    t.equal(report.json().disclosure, 'standard');
  });

  t.test('when both sides submit at the same moment, then the round closes exactly once', async (t) => {
    for (let i = 0; i < 5; i++) {
      const { sales, procurement, dealId } = await sharedDeal(app);
      for (const party of [sales, procurement]) {
        await app.inject({
          method: 'PUT',
          url: `/v1/deals/${dealId}/assessment`,
          headers: party.auth,
          payload: assessment(),
        });
      }
      const results = await Promise.all(
        [sales, procurement].map((party) =>
          app.inject({ method: 'POST', url: `/v1/deals/${dealId}/assessment/submit`, headers: party.auth }),
        ),
      );
      t.same(
        results.map((r) => r.statusCode),
        [200, 200],
      );
      t.same(results.map((r) => r.json().outcome).sort(), ['closed', 'submitted']);
      const versions = await app.inject({
        method: 'GET',
        url: `/v1/deals/${dealId}/alignment/versions`,
        headers: sales.auth,
      });
      t.equal(versions.json().data.length, 1, 'one report');
    }
  });

  t.test('invitations', async (t) => {
    const sales = await signUp(app, 'sales');
    const deal = await createDeal(app, sales);
    const first = await invite(app, sales, deal.id);
    t.match(first.code, /^cgi_[A-Za-z0-9_-]{27}$/);
    const second = await invite(app, sales, deal.id);
    const procurement = await signUp(app, 'procurement');
    const old = await app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: procurement.auth,
      payload: { code: first.code },
    });
    t.equal(old.statusCode, 404, 'a new code voids the previous one');

    const sameSide = await signUp(app, 'sales');
    const wrongSide = await app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: sameSide.auth,
      payload: { code: second.code },
    });
    t.equal(wrongSide.statusCode, 422, 'an organisation of the same side cannot join');

    const joined = await app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: procurement.auth,
      payload: { code: second.code },
    });
    t.equal(joined.statusCode, 200);
    t.equal(joined.json().status, 'assessing');
    const reused = await app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: (await signUp(app, 'procurement')).auth,
      payload: { code: second.code },
    });
    t.equal(reused.statusCode, 409, 'a used code');
    const unknown = await app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: procurement.auth,
      payload: { code: 'cgi_nothing' },
    });
    t.equal(unknown.statusCode, 404);
    const afterJoin = await app.inject({
      method: 'POST',
      url: `/v1/deals/${deal.id}/invitations`,
      headers: sales.auth,
    });
    t.equal(afterJoin.statusCode, 409, 'no codes once the counterparty has joined');
  });

  t.test('when an invitation has expired, then 404', async (t) => {
    const expiring = await build(t, { config: { INVITATION_TTL_DAYS: 1 } });
    const sales = await signUp(expiring.app, 'sales');
    const deal = await createDeal(expiring.app, sales);
    const { code } = await invite(expiring.app, sales, deal.id);
    await expiring.testDatabase.database.asSystem((trx) =>
      trx
        .updateTable('invitations')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('deal_id', '=', deal.id)
        .execute(),
    );
    const procurement = await signUp(expiring.app, 'procurement');
    const res = await expiring.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: procurement.auth,
      payload: { code },
    });
    t.equal(res.statusCode, 404);
  });

  t.test('updates use ETags, and a closed deal is read-only', async (t) => {
    const { sales, procurement, dealId } = await sharedDeal(app);
    const read = await app.inject({ method: 'GET', url: `/v1/deals/${dealId}`, headers: sales.auth });
    const etag = read.headers.etag as string;
    const stale = await app.inject({
      method: 'PATCH',
      url: `/v1/deals/${dealId}`,
      headers: { ...sales.auth, 'if-match': '"d0"' },
      payload: { title: 'Renamed' },
    });
    t.equal(stale.statusCode, 412);
    const ok = await app.inject({
      method: 'PATCH',
      url: `/v1/deals/${dealId}`,
      headers: { ...procurement.auth, 'if-match': etag },
      payload: { title: 'Renamed', value: { amount: 10, currency: 'USD' } },
    });
    t.equal(ok.statusCode, 200);
    t.equal(ok.json().title, 'Renamed');
    t.not(ok.headers.etag, etag);
    const closed = await app.inject({
      method: 'PATCH',
      url: `/v1/deals/${dealId}`,
      headers: sales.auth,
      payload: { status: 'won' },
    });
    t.equal(closed.json().status, 'won');
    for (const [method, url, payload] of [
      ['PATCH', `/v1/deals/${dealId}`, { title: 'x' }],
      ['PUT', `/v1/deals/${dealId}/assessment`, assessment()],
      ['POST', `/v1/deals/${dealId}/assessment/submit`, undefined],
      ['POST', `/v1/deals/${dealId}/invitations`, undefined],
    ] as const) {
      const res = await app.inject({
        method,
        url,
        headers: procurement.auth,
        ...(payload ? { payload } : {}),
      });
      t.equal(res.statusCode, 409, `${method} ${url} on a closed deal`);
    }
    const list = await app.inject({ method: 'GET', url: '/v1/deals?status=won', headers: sales.auth });
    t.ok(list.json().data.some((d: { id: string }) => d.id === dealId));
    const open = await app.inject({ method: 'GET', url: '/v1/deals?status=assessing', headers: sales.auth });
    t.notOk(open.json().data.some((d: { id: string }) => d.id === dealId));
  });

  t.test('the list is newest first, in cursor pages, and only the caller’s deals', async (t) => {
    const sales = await signUp(app, 'sales');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await createDeal(app, sales, { title: `Deal ${i}` })).id);
    await createDeal(app, await signUp(app, 'sales'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof app.inject>> = await app.inject({
        method: 'GET',
        url: `/v1/deals?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: sales.auth,
      });
      seen.push(...res.json().data.map((d: { id: string }) => d.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    t.same(seen, [...ids].reverse());
  });

  t.test('the timeline shows what happened, for both parties', async (t) => {
    const { sales, procurement, dealId } = await sharedDeal(app);
    await saveAndSubmit(app, sales, dealId, assessment());
    await saveAndSubmit(app, procurement, dealId, assessment());
    await saveAndSubmit(app, procurement, dealId, assessment({ disclosure: 'standard' }));
    const res = await app.inject({ method: 'GET', url: `/v1/deals/${dealId}/events`, headers: sales.auth });
    t.equal(res.statusCode, 200);
    const types = res
      .json()
      .data.map((e: { type: string }) => e.type)
      .reverse();
    t.same(types, [
      'deal.created',
      'invitation.issued',
      'deal.joined',
      'assessment.submitted',
      'assessment.submitted',
      'alignment.ready',
      'assessment.submitted',
      'round.opened',
    ]);
    const opened = res.json().data[0];
    t.same(opened.data, { round: 2 }, 'a round notice says which round, never what changed');
    t.equal(opened.side, 'procurement');
  });
});
