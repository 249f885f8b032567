import { randomBytes } from 'node:crypto';
import t from 'tap';
import { build } from './helpers/build.js';
import { assessment, saveAndSubmit, sharedDeal } from './helpers/deals.js';
import { addMember, createClient, signUp } from './helpers/identity.js';
import { type Delivered, startInbox } from './helpers/mail.js';
import { injectAny } from './helpers/sse.js';

const canary = (label: string) => `CANARY_${label}_${randomBytes(5).toString('hex')}`;

/*
 * Issue 8's canary sweep: a full two-sided flow with a canary in every free-text field, then every
 * GET operation of the OpenAPI document fetched as the counterparty and as outsiders, and the
 * server log scanned. Private canaries (assessment notes) reach nobody else and never the log;
 * organisation-private ones (people, clients, webhook addresses) stay inside the organisation;
 * shared ones (deal and milestone text) reach the counterparty but no outsider.
 */
t.test('no canary leaves where it belongs', async (t) => {
  const inbox = await startInbox(t);
  const testApp = await build(t, {
    config: {
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: true,
      WEBHOOK_WORKER_ENABLED: false,
      SMTP_URL: inbox.url,
      MAIL_POLL_INTERVAL_MS: 20,
    },
  });
  const { app, logs } = testApp;
  const { sales, procurement, dealId } = await sharedDeal(app);
  // Everyone's address confirmed (as its link does), so that every notification is mailed too.
  const confirmEveryone = () =>
    testApp.testDatabase.database.asSystem((trx) =>
      trx.updateTable('users').set({ email_verified_at: new Date() }).execute(),
    );
  await confirmEveryone();
  const assessmentNotes = Array.from({ length: 6 }, (_, i) => canary(`note${i}`));
  // A contributor's view and the stakeholder map's notes are private inputs like assessment notes.
  const teamNotes = { contribution: canary('contribution'), stakeholder: canary('stakeholder') };
  const notes = [...assessmentNotes, ...Object.values(teamNotes)];
  const organisationPrivate = {
    member: canary('member'),
    client: canary('client'),
    webhook: canary('webhook'),
    stakeholderName: canary('stakeholder_name'),
  };
  const shared = {
    title: canary('title'),
    description: canary('description'),
    milestone: canary('milestone'),
  };

  await app.inject({
    method: 'PATCH',
    url: `/v1/deals/${dealId}`,
    headers: sales.auth,
    payload: { title: shared.title, description: shared.description },
  });
  const milestone = await app.inject({
    method: 'POST',
    url: `/v1/deals/${dealId}/milestones`,
    headers: sales.auth,
    payload: { title: shared.milestone, ownerSide: 'sales' },
  });
  const member = await app.inject({
    method: 'POST',
    url: '/v1/organisation/members',
    headers: sales.auth,
    payload: {
      email: `${organisationPrivate.member.toLowerCase()}@example.test`,
      name: organisationPrivate.member,
      role: 'member',
      password: 'correct horse battery staple',
    },
  });
  t.equal(member.statusCode, 201);
  const { client } = await createClient(app, sales, ['deals:read']);
  await app.inject({ method: 'DELETE', url: `/v1/api-clients/${client.id}`, headers: sales.auth });
  await app.inject({
    method: 'POST',
    url: '/v1/api-clients',
    headers: sales.auth,
    payload: { name: organisationPrivate.client, scopes: ['deals:read'] },
  });
  const endpoint = await app.inject({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    headers: sales.auth,
    payload: { url: `http://127.0.0.1:9/${organisationPrivate.webhook}`, events: ['alignment.ready'] },
  });
  t.equal(endpoint.statusCode, 201);

  const body = assessment({
    objectives: [
      { category: 'quality', note: assessmentNotes[0] ?? '' },
      { category: 'innovation', note: assessmentNotes[1] ?? '' },
      { category: 'compliance', note: assessmentNotes[2] ?? '' },
    ],
    risks: {
      operational: { likelihood: 2, impact: 2, note: assessmentNotes[3] ?? '' },
      financial: { likelihood: 2, impact: 2, note: assessmentNotes[4] ?? '' },
      informationSecurity: { likelihood: 2, impact: 2, note: assessmentNotes[5] ?? '' },
    },
  });
  const contributor = await addMember(app, sales, 'member');
  t.equal(
    (
      await app.inject({
        method: 'PUT',
        url: `/v1/deals/${dealId}/team/${contributor.member.id}`,
        headers: sales.auth,
        payload: { role: 'contributor', askedParts: ['objectives', 'informationSecurity'] },
      })
    ).statusCode,
    201,
  );
  const contribution = await app.inject({
    method: 'PUT',
    url: `/v1/deals/${dealId}/contributions/mine`,
    headers: contributor.auth,
    payload: {
      objectives: [
        { category: 'quality', note: teamNotes.contribution },
        { category: 'innovation' },
        { category: 'scalability' },
      ],
      risks: { informationSecurity: { likelihood: 5, impact: 5 } },
    },
  });
  t.equal(contribution.statusCode, 200, contribution.body);
  const stakeholder = await app.inject({
    method: 'POST',
    url: `/v1/deals/${dealId}/stakeholders`,
    headers: contributor.auth,
    payload: {
      name: organisationPrivate.stakeholderName,
      side: 'procurement',
      role: 'champion',
      influence: 'medium',
      stance: 'supportive',
      notes: teamNotes.stakeholder,
    },
  });
  t.equal(stakeholder.statusCode, 201, stakeholder.body);
  t.equal(
    (
      await app.inject({
        method: 'PUT',
        url: `/v1/deals/${dealId}/internal-alignment/sharing`,
        headers: sales.auth,
        payload: { shared: true },
      })
    ).statusCode,
    200,
  );
  t.equal((await saveAndSubmit(app, sales, dealId, body)).statusCode, 200);
  t.equal((await saveAndSubmit(app, procurement, dealId, assessment())).statusCode, 200);
  t.equal(
    (await app.inject({ method: 'GET', url: `/v1/deals/${dealId}/assessment`, headers: sales.auth }))
      .statusCode,
    200,
  );

  const ids: Record<string, string> = {
    dealId,
    milestoneId: milestone.json().id,
    userId: member.json().id,
    clientId: client.id,
    endpointId: endpoint.json().id,
  };
  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const getPaths = Object.entries(document.paths)
    .filter(([, methods]) => 'get' in methods)
    .map(([path]) => path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? 'x'));
  t.ok(getPaths.length >= 15, `${getPaths.length} GET operations swept`);

  const readers = {
    counterparty: procurement,
    sameSideOutsider: await signUp(app, 'sales'),
    otherSideOutsider: await signUp(app, 'procurement'),
    counterpartyViewer: await addMember(app, procurement, 'viewer'),
  };
  const privateToS = [...notes, ...Object.values(organisationPrivate)];
  for (const [who, reader] of Object.entries(readers)) {
    const outsider = who.includes('Outsider');
    for (const path of getPaths) {
      // The live stream replays its whole timeline from before the first entry (`Last-Event-ID`).
      const res = await injectAny(
        app,
        { method: 'GET', url: path, headers: { ...reader.auth, 'last-event-id': `evt_${'0'.repeat(26)}` } },
        300,
      );
      for (const value of privateToS)
        t.notMatch(res.body, value, `${who} GET ${path}: nothing private to the supplier`);
      if (outsider)
        for (const value of Object.values(shared))
          t.notMatch(res.body, value, `${who} GET ${path}: nothing of a deal it is no party to`);
    }
  }
  const counterpartyDeal = await app.inject({
    method: 'GET',
    url: `/v1/deals/${dealId}`,
    headers: procurement.auth,
  });
  t.match(
    counterpartyDeal.body,
    shared.title,
    'shared fields do reach the counterparty (the sweep can see them)',
  );

  // Every message sent: notifications to both sides. Read decoded (subject, text and HTML
  // parts), since a transfer encoding may fold a long line inside a canary, and raw as well.
  const readable = (m: Delivered) => [m.subject, m.text, m.html, m.raw].join('\n');
  const toProcurement = await inbox.next(procurement.email, (m) => /alignment report/.test(m.subject));
  t.match(readable(toProcurement), shared.title, 'the mail sweep sees shared fields reach the counterparty');
  await inbox.next(sales.email);
  t.ok(inbox.messages.length >= 2, `${inbox.messages.length} messages swept`);
  for (const message of inbox.messages) {
    const toSupplier = message.to === sales.email;
    for (const value of toSupplier ? notes : privateToS)
      t.notMatch(
        readable(message),
        value,
        `mail to ${message.to} “${message.subject}”: nothing private to the supplier`,
      );
  }

  const log = logs.join('\n');
  for (const value of notes) t.notMatch(log, value, 'no note in the server log');
  t.notMatch(
    log,
    /cgs_[A-Za-z0-9_-]{20}|cgr_[A-Za-z0-9_-]{20}|whsec_|eyJ[A-Za-z0-9_-]{10,}\.eyJ/,
    'no secret or token in the server log',
  );
});
