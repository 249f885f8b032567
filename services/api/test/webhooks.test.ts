import { randomBytes } from 'node:crypto';
import { createKeyring } from '@cg/db';
import { sql } from 'kysely';
import t from 'tap';
import { openEndpointSecret } from '../src/modules/webhooks/secret-box.js';
import { resealEndpointSecrets } from '../src/modules/webhooks/service.js';
import { build } from './helpers/build.js';
import { createDeal, sharedDeal } from './helpers/deals.js';
import { addMember, createClient, signUp } from './helpers/identity.js';

// A public address from the documentation range: accepted without any DNS, never contacted
// (these apps run no delivery worker).
const PUBLIC_URL = 'https://203.0.113.10/hooks/common-ground?token=receiver-own-token';
const ALL_EVENTS = [
  'deal.joined',
  'assessment.submitted',
  'round.opened',
  'alignment.ready',
  'milestone.changed',
  'deal.closed',
];

t.test('managing webhook endpoints', async (t) => {
  const { app, logs, testDatabase } = await build(t, { config: { WEBHOOK_WORKER_ENABLED: false } });
  const admin = await signUp(app, 'sales');
  const create = (auth: { authorization: string }, payload: unknown) =>
    app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers: auth, payload: payload as object });

  t.test('when an admin subscribes a public https URL, then 201 with the secret, shown once', async (t) => {
    const res = await create(admin.auth, { url: PUBLIC_URL, events: ['deal.joined', 'alignment.ready'] });
    t.equal(res.statusCode, 201);
    const body = res.json();
    t.match(body, {
      id: /^whe_/,
      url: PUBLIC_URL,
      events: ['deal.joined', 'alignment.ready'],
      status: 'active',
      disabledAt: null,
      disabledReason: null,
      secretRotatedAt: null,
      previousSecretExpiresAt: null,
    });
    t.equal(res.headers.location, `/v1/webhook-endpoints/${body.id}`);
    t.match(body.secret, /^whsec_[A-Za-z0-9+/]+={0,2}$/);
    const bytes = Buffer.from(body.secret.slice('whsec_'.length), 'base64').length;
    t.ok(bytes >= 24 && bytes <= 64, `${bytes} random bytes`);

    const one = await app.inject({
      method: 'GET',
      url: `/v1/webhook-endpoints/${body.id}`,
      headers: admin.auth,
    });
    t.equal(one.statusCode, 200);
    const { secret: _shownOnce, ...withoutSecret } = body;
    t.same(one.json(), withoutSecret, 'the same endpoint, without its secret');
    const list = await app.inject({ method: 'GET', url: '/v1/webhook-endpoints', headers: admin.auth });
    t.equal(list.statusCode, 200);
    t.ok(list.json().data.some((e: { id: string }) => e.id === body.id));
    t.notMatch(list.body, body.secret);
  });

  t.test('when the list is paged, then pages are newest first and do not overlap', async (t) => {
    const other = await signUp(app, 'procurement');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await create(other.auth, { url: PUBLIC_URL, events: ALL_EVENTS })).json().id);
    const first = await app.inject({
      method: 'GET',
      url: '/v1/webhook-endpoints?limit=2',
      headers: other.auth,
    });
    const next = first.json().nextCursor;
    t.type(next, 'string');
    const second = await app.inject({
      method: 'GET',
      url: `/v1/webhook-endpoints?limit=2&cursor=${next}`,
      headers: other.auth,
    });
    t.same(
      [...first.json().data, ...second.json().data].map((e: { id: string }) => e.id),
      [...ids].reverse(),
    );
    t.equal(second.json().nextCursor, null);
  });

  t.test('when the URL or the events are not valid, then 400 naming the field', async (t) => {
    for (const [payload, path] of [
      [{ url: 'not a url', events: ['deal.joined'] }, '/body/url'],
      [{ url: 'ftp://203.0.113.10/x', events: ['deal.joined'] }, '/body/url'],
      [{ url: PUBLIC_URL, events: [] }, '/body/events'],
      [{ url: PUBLIC_URL, events: ['deal.created'] }, '/body/events/0'],
      [{ url: PUBLIC_URL, events: ['deal.joined', 'deal.joined'] }, '/body/events'],
      [{ url: PUBLIC_URL }, '/body/events'],
    ] as const) {
      const res = await create(admin.auth, payload);
      t.equal(res.statusCode, 400, JSON.stringify(payload));
      t.ok(
        res.json().errors.some((e: { path: string }) => e.path === path),
        `${JSON.stringify(payload)} → ${path}`,
      );
    }
    const extra = await create(admin.auth, { url: PUBLIC_URL, events: ['deal.joined'], secret: 'mine' });
    t.equal(extra.statusCode, 400, 'unknown fields are refused');
  });

  t.test('when the target is not on the public internet, then 422 and nothing is saved', async (t) => {
    const before = (
      await app.inject({ method: 'GET', url: '/v1/webhook-endpoints', headers: admin.auth })
    ).json().data.length;
    for (const url of [
      'http://203.0.113.10/hooks', // plain http
      'https://127.0.0.1/hooks',
      'https://127.1.2.3:8443/hooks',
      'https://2130706433/hooks', // 127.0.0.1 as a number
      'https://10.0.0.7/hooks',
      'https://172.16.5.4/hooks',
      'https://192.168.1.10/hooks',
      'https://100.64.0.1/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://0.0.0.0/hooks',
      'https://[::1]/hooks',
      'https://[::]/hooks',
      'https://[::ffff:127.0.0.1]/hooks',
      'https://[::ffff:a9fe:a9fe]/hooks', // 169.254.169.254, mapped
      'https://[fe80::1]/hooks',
      'https://[fd12:3456::1]/hooks',
      'https://localhost/hooks',
      'https://localhost:8443/hooks',
      'https://user:password@203.0.113.10/hooks',
    ]) {
      const res = await create(admin.auth, { url, events: ['deal.joined'] });
      t.equal(res.statusCode, 422, url);
      t.equal(res.json().type, '/problems/unprocessable-request', url);
    }
    const after = (
      await app.inject({ method: 'GET', url: '/v1/webhook-endpoints', headers: admin.auth })
    ).json().data.length;
    t.equal(after, before);
  });

  t.test(
    'when the secret is rotated, then a new secret is shown and the old one signs for 24 h',
    async (t) => {
      const created = (await create(admin.auth, { url: PUBLIC_URL, events: ['deal.closed'] })).json();
      const res = await app.inject({
        method: 'POST',
        url: `/v1/webhook-endpoints/${created.id}/rotate-secret`,
        headers: admin.auth,
      });
      t.equal(res.statusCode, 200);
      const rotated = res.json();
      t.match(rotated.secret, /^whsec_/);
      t.not(rotated.secret, created.secret);
      t.type(rotated.secretRotatedAt, 'string');
      const grace = Date.parse(rotated.previousSecretExpiresAt) - Date.parse(rotated.secretRotatedAt);
      t.ok(
        Math.abs(grace - 24 * 3_600_000) < 60_000,
        'the previous secret expires 24 hours after the rotation',
      );
    },
  );

  t.test(
    'when a creation or a rotation is retried with its Idempotency-Key, then it happens once',
    async (t) => {
      const org = await signUp(app, 'sales');
      const createOnce = () =>
        app.inject({
          method: 'POST',
          url: '/v1/webhook-endpoints',
          headers: { ...org.auth, 'idempotency-key': 'create-endpoint-1' },
          payload: { url: PUBLIC_URL, events: ['deal.joined'] },
        });
      const first = await createOnce();
      const again = await createOnce();
      t.equal(first.statusCode, 201);
      t.equal(again.statusCode, 201);
      t.equal(again.headers['idempotent-replayed'], 'true');
      t.same(again.json(), first.json(), 'the same endpoint and secret');
      const list = await app.inject({ method: 'GET', url: '/v1/webhook-endpoints', headers: org.auth });
      t.equal(list.json().data.length, 1, 'one endpoint');

      const rotateOnce = () =>
        app.inject({
          method: 'POST',
          url: `/v1/webhook-endpoints/${first.json().id}/rotate-secret`,
          headers: { ...org.auth, 'idempotency-key': 'rotate-1' },
        });
      const rotated = await rotateOnce();
      const replayed = await rotateOnce();
      t.equal(rotated.statusCode, 200);
      t.equal(replayed.headers['idempotent-replayed'], 'true');
      t.equal(
        replayed.json().secret,
        rotated.json().secret,
        'the secret of the lost reply is the one in force',
      );
      const audit = await app.inject({ method: 'GET', url: '/v1/audit-events', headers: org.auth });
      t.equal(
        audit.json().data.filter((e: { action: string }) => e.action === 'webhook_endpoint.secret_rotated')
          .length,
        1,
        'rotated once',
      );
    },
  );

  t.test('when an endpoint is deleted, then 204, and then it is gone', async (t) => {
    const created = (await create(admin.auth, { url: PUBLIC_URL, events: ['deal.closed'] })).json();
    const url = `/v1/webhook-endpoints/${created.id}`;
    t.equal((await app.inject({ method: 'DELETE', url, headers: admin.auth })).statusCode, 204);
    t.equal((await app.inject({ method: 'GET', url, headers: admin.auth })).statusCode, 404);
    t.equal((await app.inject({ method: 'DELETE', url, headers: admin.auth })).statusCode, 404);
  });

  t.test('who may manage webhooks', async (t) => {
    const endpoint = (await create(admin.auth, { url: PUBLIC_URL, events: ['deal.joined'] })).json();
    const member = await addMember(app, admin, 'member');
    const viewer = await addMember(app, admin, 'viewer');
    const dealsClient = await createClient(app, admin, ['deals:read', 'deals:write', 'assessments:write']);
    const hooksClient = await createClient(app, admin, ['webhooks:manage']);
    const requests = (id: string) =>
      [
        { method: 'GET', url: '/v1/webhook-endpoints' },
        {
          method: 'POST',
          url: '/v1/webhook-endpoints',
          payload: { url: PUBLIC_URL, events: ['deal.closed'] },
        },
        { method: 'GET', url: `/v1/webhook-endpoints/${id}` },
        { method: 'GET', url: `/v1/webhook-endpoints/${id}/deliveries` },
        { method: 'POST', url: `/v1/webhook-endpoints/${id}/rotate-secret` },
        { method: 'DELETE', url: `/v1/webhook-endpoints/${id}` },
      ] as const;

    t.test('when a member, a viewer or a client without webhooks:manage asks, then 403', async (t) => {
      for (const [who, auth] of [
        ['member', member.auth],
        ['viewer', viewer.auth],
        ['client with deal scopes', dealsClient.auth],
      ] as const) {
        for (const request of requests(endpoint.id)) {
          const res = await app.inject({ ...request, headers: auth });
          t.equal(res.statusCode, 403, `${who}: ${request.method} ${request.url}`);
        }
      }
      const still = await app.inject({
        method: 'GET',
        url: `/v1/webhook-endpoints/${endpoint.id}`,
        headers: admin.auth,
      });
      t.equal(still.statusCode, 200, 'the endpoint is untouched');
    });

    t.test('when a client with webhooks:manage asks, then it may do everything', async (t) => {
      const own = await app.inject({
        method: 'POST',
        url: '/v1/webhook-endpoints',
        headers: hooksClient.auth,
        payload: { url: PUBLIC_URL, events: ['deal.closed'] },
      });
      t.equal(own.statusCode, 201);
      for (const request of requests(own.json().id)) {
        const res = await app.inject({ ...request, headers: hooksClient.auth });
        t.ok(
          [200, 201, 204].includes(res.statusCode),
          `${request.method} ${request.url} → ${res.statusCode}`,
        );
      }
    });

    t.test('when another organisation names the endpoint, then it does not exist (404)', async (t) => {
      const outsider = await signUp(app, 'sales');
      for (const request of requests(endpoint.id).slice(2)) {
        const res = await app.inject({ ...request, headers: outsider.auth });
        t.equal(res.statusCode, 404, `${request.method} ${request.url}`);
      }
      const list = await app.inject({ method: 'GET', url: '/v1/webhook-endpoints', headers: outsider.auth });
      t.same(list.json().data, [], 'and it is not listed');
    });

    t.test('when there is no token, then 401', async (t) => {
      for (const request of requests(endpoint.id)) {
        t.equal((await app.inject(request)).statusCode, 401, `${request.method} ${request.url}`);
      }
    });
  });

  t.test('when endpoints are created, rotated and deleted, then the audit trail says so', async (t) => {
    const org = await signUp(app, 'procurement');
    const created = (
      await create(org.auth, { url: PUBLIC_URL, events: ['deal.joined', 'deal.closed'] })
    ).json();
    const url = `/v1/webhook-endpoints/${created.id}`;
    await app.inject({ method: 'POST', url: `${url}/rotate-secret`, headers: org.auth });
    await app.inject({ method: 'DELETE', url, headers: org.auth });
    const audit = await app.inject({ method: 'GET', url: '/v1/audit-events', headers: org.auth });
    const entries = audit
      .json()
      .data.filter((e: { subject: { id: string } | null }) => e.subject?.id === created.id)
      .reverse();
    t.match(entries, [
      {
        action: 'webhook_endpoint.created',
        actor: { type: 'user', id: org.user.id },
        subject: { type: 'webhook_endpoint', id: created.id },
        detail: { origin: 'https://203.0.113.10', events: 'deal.joined deal.closed' },
      },
      { action: 'webhook_endpoint.secret_rotated', detail: { previousSecretExpiresAt: String } },
      { action: 'webhook_endpoint.deleted' },
    ]);
    t.notMatch(audit.body, 'receiver-own-token', 'the URL’s path and query stay out of the trail');
  });

  t.test('when an organisation has 20 endpoints, then a 21st is refused with 422', async (t) => {
    const org = await signUp(app, 'sales');
    for (let i = 0; i < 20; i++) {
      t.equal((await create(org.auth, { url: PUBLIC_URL, events: ['deal.closed'] })).statusCode, 201);
    }
    const refused = await create(org.auth, { url: PUBLIC_URL, events: ['deal.closed'] });
    t.equal(refused.statusCode, 422);
  });

  t.test('secrets are sealed at rest and never logged', async (t) => {
    const created = (await create(admin.auth, { url: PUBLIC_URL, events: ['deal.closed'] })).json();
    const rotated = (
      await app.inject({
        method: 'POST',
        url: `/v1/webhook-endpoints/${created.id}/rotate-secret`,
        headers: admin.auth,
      })
    ).json();
    const rows = await testDatabase.database.asSystem(
      async (trx) => (await sql`select * from webhook_endpoints where id = ${created.id}`.execute(trx)).rows,
    );
    t.equal(rows.length, 1);
    const dump = JSON.stringify(rows);
    for (const secret of [created.secret, rotated.secret]) {
      t.notMatch(dump, secret.slice('whsec_'.length), 'no secret in the clear in the table');
      t.notMatch(logs.join('\n'), secret.slice('whsec_'.length), 'no secret in the log');
    }
  });
});

// The second wall: what the request role can and cannot do with hand-written SQL.
t.test('row-level security and the fan-out function', async (t) => {
  const { app, testDatabase } = await build(t, { config: { WEBHOOK_WORKER_ENABLED: false } });
  const { database } = testDatabase;
  const { sales, procurement, dealId } = await sharedDeal(app);
  const outsider = await signUp(app, 'sales');
  for (const party of [sales, procurement]) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: party.auth,
      payload: { url: PUBLIC_URL, events: ALL_EVENTS },
    });
    t.equal(res.statusCode, 201);
  }
  await createDeal(app, outsider);
  const closed = await app.inject({
    method: 'PATCH',
    url: `/v1/deals/${dealId}`,
    headers: sales.auth,
    payload: { status: 'won' },
  });
  t.equal(closed.statusCode, 200);
  const events = (
    await app.inject({ method: 'GET', url: `/v1/deals/${dealId}/events`, headers: sales.auth })
  ).json().data as { id: string; type: string }[];
  const closedEvent = events.find((e) => e.type === 'deal.closed');
  if (!closedEvent) throw new Error('no deal.closed event');

  t.test(
    'when the deal closes, then both parties’ endpoints get a delivery, each seeing only its own',
    async (t) => {
      for (const party of [sales, procurement]) {
        const rows = await database.asOrg(
          party.organisation.id,
          async (trx) =>
            (
              await sql<{ organisation_id: string; event_type: string }>`
              select organisation_id, event_type from webhook_deliveries where deal_event_id = ${closedEvent.id}`.execute(
                trx,
              )
            ).rows,
        );
        t.same(rows, [{ organisation_id: party.organisation.id, event_type: 'deal.closed' }]);
      }
      const outsiderSees = await database.asOrg(outsider.organisation.id, async (trx) => ({
        endpoints: (await sql`select id from webhook_endpoints`.execute(trx)).rows.length,
        deliveries: (await sql`select id from webhook_deliveries`.execute(trx)).rows.length,
      }));
      t.same(outsiderSees, { endpoints: 0, deliveries: 0 });
    },
  );

  t.test('when the fan-out is called again for the same event, then it adds nothing', async (t) => {
    const added = await database.asOrg(
      sales.organisation.id,
      async (trx) =>
        (await sql<{ n: number }>`select webhook_fan_out(${closedEvent.id}) as n`.execute(trx)).rows[0]?.n,
    );
    t.equal(added, 0);
  });

  t.test('when an outsider calls the fan-out for the deal’s event, then it is refused', async (t) => {
    await t.rejects(
      database.asOrg(outsider.organisation.id, (trx) =>
        sql`select webhook_fan_out(${closedEvent.id})`.execute(trx),
      ),
      /not visible/,
    );
  });

  t.test('when the request role writes deliveries or attempts itself, then it is refused', async (t) => {
    await t.rejects(
      database.asOrg(sales.organisation.id, (trx) =>
        sql`update webhook_deliveries set status = 'succeeded' where deal_event_id = ${closedEvent.id}`.execute(
          trx,
        ),
      ),
      /permission denied/,
    );
    await t.rejects(
      database.asOrg(sales.organisation.id, (trx) =>
        sql`insert into webhook_deliveries (id, organisation_id, endpoint_id, deal_event_id, deal_id, event_type)
            select 'whd_forged', ${sales.organisation.id}, id, ${closedEvent.id}, ${dealId}, 'deal.closed'
            from webhook_endpoints limit 1`.execute(trx),
      ),
      /permission denied/,
    );
    await t.rejects(
      database.asOrg(sales.organisation.id, (trx) =>
        sql`update webhook_endpoints set status = 'disabled', url = 'https://203.0.113.99/'`.execute(trx),
      ),
      /permission denied/,
    );
  });
});

t.test('when the master key rotates, then endpoint secrets are re-sealed under the new key', async (t) => {
  const { app, testDatabase, config } = await build(t, { config: { WEBHOOK_WORKER_ENABLED: false } });
  const org = await signUp(app, 'sales');
  const endpoints = [];
  for (let i = 0; i < 3; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: org.auth,
      payload: { url: PUBLIC_URL, events: ['deal.closed'] },
    });
    endpoints.push(res.json() as { id: string; secret: string });
  }
  const [first] = endpoints;
  if (!first) throw new Error('no endpoint');
  const rotated = (
    await app.inject({
      method: 'POST',
      url: `/v1/webhook-endpoints/${first.id}/rotate-secret`,
      headers: org.auth,
    })
  ).json() as { secret: string };

  const newKey = randomBytes(32).toString('base64');
  const resealed = await resealEndpointSecrets(
    testDatabase.database,
    createKeyring(newKey, [config.MASTER_KEY]),
    2,
  );
  t.equal(resealed, 3, 'every endpoint, in batches');

  const rows = await testDatabase.database.asSystem(
    async (trx) =>
      (
        await sql<{ id: string; secret_sealed: string; previous_secret_sealed: string | null }>`
          select id, secret_sealed, previous_secret_sealed from webhook_endpoints order by id`.execute(trx)
      ).rows,
  );
  const onlyNew = createKeyring(newKey);
  const onlyOld = createKeyring(config.MASTER_KEY);
  for (const row of rows) {
    const endpoint = endpoints.find((e) => e.id === row.id);
    const expected = row.id === first.id ? rotated.secret : endpoint?.secret;
    t.equal(openEndpointSecret(onlyNew, row.id, row.secret_sealed), expected, 'opens with the new key alone');
    t.throws(() => openEndpointSecret(onlyOld, row.id, row.secret_sealed), 'no longer with the old key');
  }
  const previous = rows.find((row) => row.id === first.id)?.previous_secret_sealed ?? '';
  t.equal(openEndpointSecret(onlyNew, first.id, previous), first.secret, 'the previous secret too');
});
