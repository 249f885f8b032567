import { sql } from 'kysely';
import t from 'tap';
import { build } from './helpers/build.js';
import { sharedDeal } from './helpers/deals.js';
import { addMember, signUp } from './helpers/identity.js';

const PUBLIC_URL = 'https://203.0.113.10/hooks/plan';

t.test('a mutual action plan people can run a deal on', async (t) => {
  const { app, testDatabase } = await build(t, { config: { WEBHOOK_WORKER_ENABLED: false } });
  const { sales, procurement, dealId } = await sharedDeal(app);
  const base = `/v1/deals/${dealId}/milestones`;
  const post = (auth: { authorization: string }, url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: auth, payload });
  const milestone = async (payload: object = {}) => {
    const res = await post(sales.auth, base, { title: 'Security review', ownerSide: 'sales', ...payload });
    t.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; version: number };
  };

  t.test('when a party reads one milestone, then an ETag; If-None-Match answers 304', async (t) => {
    const { id } = await milestone();
    const one = await app.inject({ method: 'GET', url: `${base}/${id}`, headers: procurement.auth });
    t.equal(one.statusCode, 200);
    t.match(one.json(), { id, version: 1, overdue: false, progress: { done: 0, total: 0 }, status: 'open' });
    const etag = one.headers.etag as string;
    t.equal(etag, '"m1"');
    const again = await app.inject({
      method: 'GET',
      url: `${base}/${id}`,
      headers: { ...procurement.auth, 'if-none-match': etag },
    });
    t.equal(again.statusCode, 304);
    t.equal(again.body, '');
    t.equal(again.headers.etag, etag);
    const weak = await app.inject({
      method: 'GET',
      url: `${base}/${id}`,
      headers: { ...procurement.auth, 'if-none-match': `W/${etag}` },
    });
    t.equal(weak.statusCode, 304, 'a weak comparison matches too');
    const stale = await app.inject({
      method: 'GET',
      url: `${base}/${id}`,
      headers: { ...procurement.auth, 'if-none-match': '"m0"' },
    });
    t.equal(stale.statusCode, 200);
  });

  t.test('when the list is read, then each item carries its version for a conditional update', async (t) => {
    const { id } = await milestone();
    const list = await app.inject({ method: 'GET', url: base, headers: procurement.auth });
    const item = list.json().data.find((m: { id: string }) => m.id === id);
    t.equal(item.version, 1);
    const ok = await app.inject({
      method: 'PATCH',
      url: `${base}/${id}`,
      headers: { ...procurement.auth, 'if-match': `"m${item.version}"` },
      payload: { status: 'in_progress' },
    });
    t.equal(ok.statusCode, 200);
    t.match(ok.json(), { status: 'in_progress', version: 2 });
    const late = await app.inject({
      method: 'PATCH',
      url: `${base}/${id}`,
      headers: { ...sales.auth, 'if-match': `"m${item.version}"` },
      payload: { status: 'cancelled' },
    });
    t.equal(late.statusCode, 412, 'the other side, with the version it read before, is told it changed');
    t.equal(late.headers['content-type'], 'application/problem+json; charset=utf-8');
  });

  t.test('when a milestone is past due, then overdue until done or cancelled', async (t) => {
    const { id } = await milestone({ dueAt: '2020-01-01' });
    const read = async () =>
      (await app.inject({ method: 'GET', url: `${base}/${id}`, headers: sales.auth })).json();
    t.equal((await read()).overdue, true);
    for (const [status, overdue] of [
      ['blocked', true],
      ['in_progress', true],
      ['cancelled', false],
      ['done', false],
    ] as const) {
      await app.inject({ method: 'PATCH', url: `${base}/${id}`, headers: sales.auth, payload: { status } });
      t.equal((await read()).overdue, overdue, status);
    }
    const unknown = await app.inject({
      method: 'PATCH',
      url: `${base}/${id}`,
      headers: sales.auth,
      payload: { status: 'finished' },
    });
    t.equal(unknown.statusCode, 400);
  });

  t.test('when tasks are added and completed, then the milestone rolls up its progress', async (t) => {
    const { id } = await milestone();
    const tasks = `${base}/${id}/tasks`;
    const created = [];
    for (const title of ['Send the questionnaire', 'Answer it', 'Review the answers', 'Dropped step']) {
      const res = await post(procurement.auth, tasks, { title, dueAt: '2020-06-01' });
      t.equal(res.statusCode, 201, res.body);
      t.match(res.json(), { id: /^tsk_/, milestoneId: id, dealId, title, status: 'open', overdue: true });
      t.equal(res.headers.etag, '"t1"');
      created.push(res.json().id as string);
    }
    const patch = (taskId: string, payload: object, headers: object = {}) =>
      app.inject({
        method: 'PATCH',
        url: `${tasks}/${taskId}`,
        headers: { ...sales.auth, ...headers },
        payload,
      });
    t.equal((await patch(created[0] as string, { status: 'done' }, { 'if-match': '"t1"' })).statusCode, 200);
    t.equal((await patch(created[0] as string, { status: 'open' }, { 'if-match': '"t1"' })).statusCode, 412);
    t.equal((await patch(created[1] as string, { status: 'in_progress' })).statusCode, 200);
    const cancelled = await patch(created[3] as string, { status: 'cancelled' });
    t.match(cancelled.json(), { status: 'cancelled', overdue: false, version: 2 });

    const read = await app.inject({ method: 'GET', url: `${base}/${id}`, headers: procurement.auth });
    t.same(read.json().progress, { done: 1, total: 3 }, 'cancelled tasks do not count');
    const list = await app.inject({ method: 'GET', url: base, headers: sales.auth });
    t.same(list.json().data.find((m: { id: string }) => m.id === id).progress, { done: 1, total: 3 });

    const seen = await app.inject({ method: 'GET', url: tasks, headers: sales.auth });
    t.same(
      seen.json().data.map((task: { status: string }) => task.status),
      ['done', 'in_progress', 'open', 'cancelled'],
    );
    t.equal(
      (await app.inject({ method: 'DELETE', url: `${tasks}/${created[2]}`, headers: sales.auth })).statusCode,
      204,
    );
    const after = await app.inject({ method: 'GET', url: `${base}/${id}`, headers: procurement.auth });
    t.same(after.json().progress, { done: 1, total: 2 });
    t.equal(
      (await app.inject({ method: 'DELETE', url: `${tasks}/${created[2]}`, headers: sales.auth })).statusCode,
      404,
    );
  });

  t.test('when a task is assigned, then only people of the deal’s parties, a side or nobody', async (t) => {
    const { id } = await milestone();
    const tasks = `${base}/${id}/tasks`;
    const colleague = await addMember(app, procurement, 'member');
    const mine = await post(sales.auth, tasks, { title: 'Mine', assignee: { userId: sales.user.id } });
    t.same(mine.json().assignee, { type: 'user', userId: sales.user.id, name: sales.user.name });
    const theirs = await post(sales.auth, tasks, {
      title: 'Theirs',
      assignee: { userId: colleague.member.id },
    });
    t.equal(theirs.statusCode, 201, 'a person of the other party');
    t.same(theirs.json().assignee, { type: 'user', userId: colleague.member.id, name: 'A member' });
    const side = await post(procurement.auth, tasks, { title: 'A side', assignee: { side: 'procurement' } });
    t.same(side.json().assignee, { type: 'side', side: 'procurement' });
    const nobody = await post(procurement.auth, tasks, { title: 'Nobody' });
    t.equal(nobody.json().assignee, null);

    const outsider = await signUp(app, 'sales');
    const refused = await post(sales.auth, tasks, {
      title: 'Outsider',
      assignee: { userId: outsider.user.id },
    });
    t.equal(refused.statusCode, 422);
    const unknown = await post(sales.auth, tasks, { title: 'Ghost', assignee: { userId: 'usr_nobody' } });
    t.equal(unknown.statusCode, 422);
    const reassigned = await app.inject({
      method: 'PATCH',
      url: `${tasks}/${side.json().id}`,
      headers: sales.auth,
      payload: { assignee: { userId: outsider.user.id } },
    });
    t.equal(reassigned.statusCode, 422);
    const cleared = await app.inject({
      method: 'PATCH',
      url: `${tasks}/${mine.json().id}`,
      headers: procurement.auth,
      payload: { assignee: null },
    });
    t.equal(cleared.json().assignee, null);
    t.notMatch(
      (await app.inject({ method: 'GET', url: tasks, headers: sales.auth })).body,
      colleague.email,
      'the other side sees names of assigned people, never their addresses',
    );
  });

  t.test('when tasks change, then the timeline and webhooks say so with ids only', async (t) => {
    const endpoint = await post(sales.auth, '/v1/webhook-endpoints', {
      url: PUBLIC_URL,
      events: ['milestone.changed'],
    });
    t.equal(endpoint.statusCode, 201, endpoint.body);
    const { id } = await milestone({ title: 'Milestone secret title' });
    const task = await post(procurement.auth, `${base}/${id}/tasks`, { title: 'Task secret title' });
    await app.inject({
      method: 'PATCH',
      url: `${base}/${id}/tasks/${task.json().id}`,
      headers: sales.auth,
      payload: { title: 'Renamed secret title', status: 'done' },
    });
    await app.inject({ method: 'DELETE', url: `${base}/${id}/tasks/${task.json().id}`, headers: sales.auth });

    const events = await app.inject({
      method: 'GET',
      url: `/v1/deals/${dealId}/events`,
      headers: sales.auth,
    });
    const types = events.json().data.map((e: { type: string }) => e.type);
    for (const type of ['task.created', 'task.changed', 'task.deleted']) t.ok(types.includes(type), type);
    const changed = events.json().data.find((e: { type: string }) => e.type === 'task.changed');
    t.same(changed.data, {
      milestoneId: id,
      taskId: task.json().id,
      status: 'done',
      fields: ['title', 'status'],
    });
    t.notMatch(events.body, /secret title/, 'no titles on the timeline');

    const deliveries = await testDatabase.database.asSystem(
      async (trx) =>
        (
          await sql<{ type: string; event_type: string }>`
            select e.type, w.event_type from webhook_deliveries w join deal_events e on e.id = w.deal_event_id
             where w.deal_id = ${dealId} and e.type like 'task.%' order by e.id`.execute(trx)
        ).rows,
    );
    t.same(
      deliveries.map((d) => [d.type, d.event_type]),
      [
        ['task.created', 'milestone.changed'],
        ['task.changed', 'milestone.changed'],
        ['task.deleted', 'milestone.changed'],
      ],
    );
  });

  t.test('when items are due relative to the decision, then they move with the decision date', async (t) => {
    const other = await sharedDeal(app);
    const plan = `/v1/deals/${other.dealId}/milestones`;
    const relative = (days: number) => ({ relativeToDecision: { days } });
    const created = await post(other.sales.auth, plan, {
      title: 'Kick-off',
      ownerSide: 'sales',
      due: relative(-90),
    });
    t.equal(created.statusCode, 201, created.body);
    t.match(
      created.json(),
      { dueAt: null, due: relative(-90), overdue: false },
      'no decision date: not due yet',
    );
    const task = await post(other.procurement.auth, `${plan}/${created.json().id}/tasks`, {
      title: 'Brief',
      due: relative(-100),
    });
    t.match(task.json(), { dueAt: null, due: relative(-100) });
    const fixed = await post(other.sales.auth, plan, {
      title: 'Fixed',
      ownerSide: 'sales',
      dueAt: '2027-03-01',
    });
    const both = await post(other.sales.auth, plan, {
      title: 'Both',
      ownerSide: 'sales',
      dueAt: '2027-03-01',
      due: relative(1),
    });
    t.equal(both.statusCode, 400, 'either dueAt or due');

    const decide = (expectedDecisionAt: string | null) =>
      app.inject({
        method: 'PATCH',
        url: `/v1/deals/${other.dealId}`,
        headers: other.procurement.auth,
        payload: { expectedDecisionAt },
      });
    t.equal((await decide('2027-12-31')).statusCode, 200);
    const read = async (url: string) =>
      (await app.inject({ method: 'GET', url, headers: other.sales.auth })).json();
    const milestoneUrl = `${plan}/${created.json().id}`;
    t.match(await read(milestoneUrl), { dueAt: '2027-10-02T00:00:00.000Z', version: 2 });
    const tasks = await read(`${milestoneUrl}/tasks`);
    t.equal(tasks.data[0].dueAt, '2027-09-22T00:00:00.000Z');
    t.equal(
      (await read(`${plan}/${fixed.json().id}`)).dueAt,
      '2027-03-01T00:00:00.000Z',
      'absolute dates stay',
    );

    await decide('2028-03-31');
    t.equal((await read(milestoneUrl)).dueAt, '2028-01-01T00:00:00.000Z', 'moved with the decision date');
    await decide(null);
    t.match(await read(milestoneUrl), { dueAt: null, due: relative(-90) }, 'no decision date, no due date');

    await decide('2027-12-31');
    const absolute = await app.inject({
      method: 'PATCH',
      url: milestoneUrl,
      headers: other.sales.auth,
      payload: { dueAt: '2027-06-01' },
    });
    t.match(
      absolute.json(),
      { dueAt: '2027-06-01T00:00:00.000Z', due: null },
      'an absolute date drops the rule',
    );
    await decide('2028-12-31');
    t.equal((await read(milestoneUrl)).dueAt, '2027-06-01T00:00:00.000Z');
    const again = await app.inject({
      method: 'PATCH',
      url: milestoneUrl,
      headers: other.sales.auth,
      payload: { due: relative(-30) },
    });
    t.match(again.json(), { dueAt: '2028-12-01T00:00:00.000Z', due: relative(-30) });
  });

  t.test(
    'when people comment with mentions, then both sides read them and the timeline has ids only',
    async (t) => {
      const endpoint = await post(procurement.auth, '/v1/webhook-endpoints', {
        url: PUBLIC_URL,
        events: ['milestone.changed'],
      });
      t.equal(endpoint.statusCode, 201, endpoint.body);
      const { id } = await milestone();
      const task = (await post(sales.auth, `${base}/${id}/tasks`, { title: 'Legal review' })).json();
      const buyer = await addMember(app, procurement, 'member');
      const outsider = await signUp(app, 'procurement', { name: 'Outsider Org' });
      const comments = `${base}/${id}/comments`;
      const text = `Confidential comment text: @${sales.user.name} and @A member please look; @${outsider.user.name} too`;
      const added = await post(sales.auth, comments, { body: text, taskId: task.id });
      t.equal(added.statusCode, 201, added.body);
      t.match(added.json(), {
        id: /^cmt_/,
        milestoneId: id,
        taskId: task.id,
        author: { id: sales.user.id, name: sales.user.name, side: 'sales' },
        body: text,
      });
      const mentioned = added
        .json()
        .mentions.map((m: { userId: string }) => m.userId)
        .sort();
      t.ok(
        mentioned.includes(sales.user.id) && mentioned.includes(buyer.member.id),
        'people of both parties',
      );
      t.notOk(mentioned.includes(outsider.user.id), 'never a person outside the deal');

      const onMilestone = await post(procurement.auth, comments, { body: 'On the milestone itself' });
      t.equal(onMilestone.statusCode, 201);
      const all = await app.inject({ method: 'GET', url: comments, headers: procurement.auth });
      t.same(
        all.json().data.map((c: { body: string }) => c.body),
        [text, 'On the milestone itself'],
      );
      t.same(all.json().data[0].mentions, added.json().mentions);
      const onTask = await app.inject({
        method: 'GET',
        url: `${comments}?taskId=${task.id}`,
        headers: sales.auth,
      });
      t.equal(onTask.json().data.length, 1);
      const wrongTask = await post(sales.auth, comments, { body: 'x', taskId: 'tsk_unknown' });
      t.equal(wrongTask.statusCode, 404);

      const events = await app.inject({
        method: 'GET',
        url: `/v1/deals/${dealId}/events`,
        headers: procurement.auth,
      });
      const entry = events
        .json()
        .data.find(
          (e: { type: string; data: { taskId?: string } }) => e.type === 'comment.added' && e.data.taskId,
        );
      t.same(entry.data, {
        milestoneId: id,
        taskId: task.id,
        commentId: added.json().id,
        mentions: added.json().mentions.map((m: { userId: string }) => m.userId),
      });
      t.notMatch(events.body, /Confidential comment text/, 'no comment text on the timeline');
      const stored = await testDatabase.database.asSystem(
        async (trx) =>
          (
            await sql<{ event_type: string; data: unknown }>`
            select w.event_type, e.data from webhook_deliveries w join deal_events e on e.id = w.deal_event_id
             where e.type = 'comment.added' and w.endpoint_id = ${endpoint.json().id}`.execute(trx)
          ).rows,
      );
      t.equal(stored.length, 2, 'each comment is a milestone.changed webhook to each endpoint');
      t.ok(stored.every((row) => row.event_type === 'milestone.changed'));
      t.notMatch(
        JSON.stringify(stored),
        /Confidential comment text/,
        'no comment text in what webhooks send',
      );
      const outsiderRead = await app.inject({ method: 'GET', url: comments, headers: outsider.auth });
      t.equal(outsiderRead.statusCode, 404);
    },
  );

  t.test(
    'when a party applies a built-in plan, then milestones and tasks due relative to the decision',
    async (t) => {
      const templates = await app.inject({
        method: 'GET',
        url: '/v1/plan-templates',
        headers: procurement.auth,
      });
      t.equal(templates.statusCode, 200);
      const ids = templates.json().data.map((template: { id: string }) => template.id);
      t.same(ids, ['strategic-partnership', 'competitive-commodity']);
      const strategic = templates.json().data[0];
      t.equal(
        strategic.milestones[0].due.relativeToDecision.days,
        -540,
        'starts 18 months before the decision',
      );

      const other = await sharedDeal(app, { expectedDecisionAt: '2028-06-30' });
      const applied = await post(other.procurement.auth, `/v1/deals/${other.dealId}/plan/apply-template`, {
        templateId: 'strategic-partnership',
      });
      t.equal(applied.statusCode, 201, applied.body);
      const first = applied.json().milestones[0];
      t.match(first, { due: { relativeToDecision: { days: -540 } }, dueAt: '2027-01-07T00:00:00.000Z' });
      t.same(first.progress, { done: 0, total: 2 });
      const tasks = await app.inject({
        method: 'GET',
        url: `/v1/deals/${other.dealId}/milestones/${first.id}/tasks`,
        headers: other.sales.auth,
      });
      t.equal(tasks.json().data.length, 2);
      t.equal(tasks.json().data[0].due.relativeToDecision.days, -540);
      const unknown = await post(other.sales.auth, `/v1/deals/${other.dealId}/plan/apply-template`, {
        templateId: 'nope',
      });
      t.equal(unknown.statusCode, 404);
    },
  );

  t.test('when outsiders or viewers touch tasks, then 404 or 403', async (t) => {
    const { id } = await milestone();
    const tasks = `${base}/${id}/tasks`;
    const task = (await post(sales.auth, tasks, { title: 'Guarded' })).json();
    const outsider = await signUp(app, 'procurement');
    for (const [method, url] of [
      ['GET', `${base}/${id}`],
      ['GET', tasks],
      ['POST', tasks],
      ['PATCH', `${tasks}/${task.id}`],
      ['DELETE', `${tasks}/${task.id}`],
    ] as const) {
      const payload = method === 'POST' || method === 'PATCH' ? { title: 'x' } : undefined;
      const res = await app.inject({ method, url, headers: outsider.auth, ...(payload ? { payload } : {}) });
      t.equal(res.statusCode, 404, `${method} ${url}`);
    }
    const viewer = await addMember(app, procurement, 'viewer');
    t.equal((await app.inject({ method: 'GET', url: tasks, headers: viewer.auth })).statusCode, 200);
    t.equal((await post(viewer.auth, tasks, { title: 'Nope' })).statusCode, 403);
    const elsewhere = await app.inject({
      method: 'GET',
      url: `${base}/ms_unknown/tasks`,
      headers: sales.auth,
    });
    t.equal(elsewhere.statusCode, 404);
  });
});

t.test('a plan chosen when the deal is created is written with the deal', async (t) => {
  const { app, testDatabase } = await build(t, { config: { WEBHOOK_WORKER_ENABLED: false } });
  const buyer = await signUp(app, 'procurement');
  const created = await app.inject({
    method: 'POST',
    url: '/v1/deals',
    headers: buyer.auth,
    payload: {
      title: 'Office supplies, three-year framework',
      expectedDecisionAt: '2027-06-30',
      planTemplateId: 'competitive-commodity',
    },
  });
  t.equal(created.statusCode, 201, created.body);
  const dealId = created.json().id;
  const plan = await app.inject({
    method: 'GET',
    url: `/v1/deals/${dealId}/milestones`,
    headers: buyer.auth,
  });
  const templates = (
    await app.inject({ method: 'GET', url: '/v1/plan-templates', headers: buyer.auth })
  ).json();
  const commodity = templates.data.find(
    (template: { id: string }) => template.id === 'competitive-commodity',
  );
  t.same(
    plan.json().data.map((item: { title: string }) => item.title),
    commodity.milestones.map((step: { title: string }) => step.title),
    'the template’s milestones, in order',
  );
  t.ok(
    plan
      .json()
      .data.every(
        (item: { dueAt: string | null }) => item.dueAt !== null && item.dueAt <= '2027-06-30T23:59:59Z',
      ),
    'dated from the decision date given with the deal',
  );

  const countDeals = () =>
    testDatabase.database.asSystem(async (trx) =>
      Number((await sql<{ n: string }>`select count(*) as n from deals`.execute(trx)).rows[0]?.n),
    );
  const before = await countDeals();
  const unknown = await app.inject({
    method: 'POST',
    url: '/v1/deals',
    headers: buyer.auth,
    payload: { title: 'No such plan', planTemplateId: 'no-such-template' },
  });
  t.equal(unknown.statusCode, 422, unknown.body);
  t.same(
    unknown.json().errors.map((error: { path: string }) => error.path),
    ['/planTemplateId'],
  );
  t.equal(await countDeals(), before, 'no deal is left behind');
});

t.test('an organisation saves a plan as its own template and starts other deals from it', async (t) => {
  const { app } = await build(t, { config: { WEBHOOK_WORKER_ENABLED: false } });
  const { sales, procurement, dealId } = await sharedDeal(app, { expectedDecisionAt: '2027-06-30' });
  const post = (auth: { authorization: string }, url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: auth, payload });
  const base = `/v1/deals/${dealId}/milestones`;
  const relative = await post(sales.auth, base, {
    title: 'Reference call',
    ownerSide: 'sales',
    due: { relativeToDecision: { days: -60 } },
  });
  const absolute = await post(sales.auth, base, {
    title: 'Pilot go-live',
    ownerSide: 'sales',
    dueAt: '2027-06-20',
  });
  await post(procurement.auth, base, { title: 'Budget sign-off', ownerSide: 'procurement' });
  await post(sales.auth, `${base}/${relative.json().id}/tasks`, { title: 'Pick the customer' });
  const cancelled = await post(sales.auth, `${base}/${absolute.json().id}/tasks`, { title: 'Dropped idea' });
  await app.inject({
    method: 'PATCH',
    url: `${base}/${absolute.json().id}/tasks/${cancelled.json().id}`,
    headers: sales.auth,
    payload: { status: 'cancelled' },
  });

  const saved = await post(sales.auth, '/v1/plan-templates', {
    dealId,
    name: 'Our enterprise motion',
    description: 'What worked on the Rotterdam deal.',
  });
  t.equal(saved.statusCode, 201, saved.body);
  const template = saved.json();
  t.match(template, { source: 'organisation', name: 'Our enterprise motion', approach: 'collaborative' });
  t.same(
    template.milestones.map((step: { title: string; due: unknown; tasks: { title: string }[] }) => [
      step.title,
      step.due,
      step.tasks.map((task) => task.title),
    ]),
    [
      ['Reference call', { relativeToDecision: { days: -60 } }, ['Pick the customer']],
      ['Pilot go-live', { relativeToDecision: { days: -10 } }, []],
      ['Budget sign-off', null, []],
    ],
    'relative dates kept, absolute ones counted from the decision, undated ones undated, cancelled tasks left out',
  );

  const list = async (auth: { authorization: string }) =>
    (await app.inject({ method: 'GET', url: '/v1/plan-templates', headers: auth }))
      .json()
      .data.map((item: { id: string }) => item.id);
  t.ok((await list(sales.auth)).includes(template.id), 'the organisation lists it');
  t.notOk((await list(procurement.auth)).includes(template.id), 'the counterparty does not');

  const next = await post(sales.auth, '/v1/deals', {
    title: 'Second site',
    expectedDecisionAt: '2028-01-31',
    planTemplateId: template.id,
  });
  t.equal(next.statusCode, 201, next.body);
  const plan = (
    await app.inject({ method: 'GET', url: `/v1/deals/${next.json().id}/milestones`, headers: sales.auth })
  ).json().data;
  t.same(
    plan.map((item: { title: string; dueAt: string | null }) => [
      item.title,
      item.dueAt?.slice(0, 10) ?? null,
    ]),
    [
      ['Reference call', '2027-12-02'],
      ['Pilot go-live', '2028-01-21'],
      ['Budget sign-off', null],
    ],
    'the new deal’s dates follow its own decision date',
  );
  const foreign = await post(procurement.auth, `/v1/deals/${dealId}/plan/apply-template`, {
    templateId: template.id,
  });
  t.equal(foreign.statusCode, 404, 'another organisation cannot apply it');

  const viewer = await addMember(app, sales, 'viewer');
  const byViewer = await app.inject({
    method: 'DELETE',
    url: `/v1/plan-templates/${template.id}`,
    headers: viewer.auth,
  });
  t.equal(byViewer.statusCode, 403);
  t.equal(
    (
      await app.inject({
        method: 'DELETE',
        url: '/v1/plan-templates/strategic-partnership',
        headers: sales.auth,
      })
    ).statusCode,
    403,
    'built-in templates stay',
  );
  const deleted = await app.inject({
    method: 'DELETE',
    url: `/v1/plan-templates/${template.id}`,
    headers: sales.auth,
  });
  t.equal(deleted.statusCode, 204);
  t.notOk((await list(sales.auth)).includes(template.id));
  const empty = await post(sales.auth, '/v1/plan-templates', { dealId: next.json().id, name: 'x' });
  t.equal(empty.statusCode, 201, 'a deal started from a template has a plan to save');
  const none = await post(procurement.auth, '/v1/deals', { title: 'Bare' });
  const bare = await post(procurement.auth, '/v1/plan-templates', {
    dealId: none.json().id,
    name: 'Nothing',
  });
  t.equal(bare.statusCode, 422, 'a deal without a plan has nothing to save');
});
