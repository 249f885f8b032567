import t from 'tap';
import { appWithInbox, auditActions, codeIn, contains, expireTokens } from './helpers/account-mail.js';
import { signUp, uniqueEmail } from './helpers/identity.js';

const GRANT = 'urn:common-ground:params:oauth:grant-type:emailed-code';

t.test('sign-in by emailed one-time code', async (t) => {
  const testApp = await appWithInbox(t);
  const { app, inbox } = testApp;
  const ask = (email: string) =>
    app.inject({ method: 'POST', url: '/v1/auth/sign-in-code', payload: { email } });
  const redeem = (username: string, code: string, remoteAddress = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/v1/auth/token',
      remoteAddress,
      payload: { grant_type: GRANT, username, code },
    });
  const codeFor = async (email: string) => {
    const res = await ask(email);
    if (res.statusCode !== 202) throw new Error(`ask failed: ${res.statusCode} ${res.body}`);
    return codeIn(await inbox.next(email, (m) => m.subject.includes('sign-in code')));
  };
  const responses: string[] = [];

  t.test(
    'when a person asks for a code and enters it, then they are signed in and the address is confirmed',
    async (t) => {
      const org = await signUp(app, 'sales');
      const res = await ask(org.email);
      t.equal(res.statusCode, 202);
      t.same(res.json(), { accepted: true });
      const message = await inbox.next(org.email, (m) => m.subject.includes('sign-in code'));
      t.match(message.text, /valid for 10 minutes and works once/);
      const code = codeIn(message);
      t.match(code, /^\d{6}$/);
      t.ok(message.html.includes(code), 'the HTML part shows the code too');

      const signedIn = await redeem(org.email.toUpperCase(), code.replace(/^(\d{3})/, '$1 '));
      responses.push(signedIn.body);
      t.equal(signedIn.statusCode, 200);
      t.match(signedIn.json(), {
        access_token: /^ey/,
        token_type: 'Bearer',
        expires_in: 900,
        refresh_token: /^cgr_/,
      });
      t.equal(signedIn.headers['cache-control'], 'no-store');
      const auth = { authorization: `Bearer ${signedIn.json().access_token}` };
      const me = await app.inject({ method: 'GET', url: '/v1/me', headers: auth });
      t.equal(me.json().user.emailVerified, true, 'a code that works proves the address');

      const again = await redeem(org.email, code);
      responses.push(again.body);
      t.equal(again.statusCode, 401, 'the code works once');
      t.equal(again.json().type, '/problems/invalid-credentials');
      const audit = await auditActions(app, { auth });
      t.ok(audit.some((e) => e.action === 'login.succeeded' && e.detail.method === 'emailed_code'));
      t.ok(audit.some((e) => e.action === 'sign_in_code.requested'));
      t.notOk(contains(JSON.stringify(audit), code), 'no code in the audit trail');
      for (const line of testApp.logs) t.notOk(contains(line, code), 'no code in the logs');
      for (const body of responses) t.notOk(contains(body, code), 'no code in a response');
    },
  );

  t.test(
    'when the token endpoint gets the grant form-encoded, as OAuth clients send it, then it works too',
    async (t) => {
      const org = await signUp(app, 'procurement');
      const code = await codeFor(org.email);
      const res = await app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ grant_type: GRANT, username: org.email, code }).toString(),
      });
      t.equal(res.statusCode, 200);
    },
  );

  t.test('when the portal signs in with a code, then the session cookie is set', async (t) => {
    const org = await signUp(app, 'sales');
    const code = await codeFor(org.email);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/auth/session',
      payload: { email: org.email, code },
    });
    t.equal(res.statusCode, 200);
    t.equal(res.json().refresh_token, undefined);
    t.match(String(res.headers['set-cookie']), /cg_refresh=cgr_.*HttpOnly/);
    const both = await app.inject({
      method: 'POST',
      url: '/v1/auth/session',
      payload: { email: org.email, code, password: 'x' },
    });
    t.equal(both.statusCode, 400, 'a password or a code, not both');
  });

  t.test('when five wrong codes are tried, then the code is spent', async (t) => {
    const org = await signUp(app, 'sales');
    const code = await codeFor(org.email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) t.equal((await redeem(org.email, wrong)).statusCode, 401);
    t.equal((await redeem(org.email, code)).statusCode, 401, 'even the right code is refused now');
    const audit = await testApp.testDatabase.database.asSystem((trx) =>
      trx
        .selectFrom('audit_events')
        .select(['action', 'detail'])
        .where('organisation_id', '=', org.organisation.id)
        .execute(),
    );
    t.equal(audit.filter((e) => e.action === 'login.failed').length, 6);
    t.equal((await redeem(org.email, await codeFor(org.email))).statusCode, 200, 'a new code works');
  });

  t.test('when a newer code is asked for, then the older one is void', async (t) => {
    const org = await signUp(app, 'sales');
    const first = await codeFor(org.email);
    const second = await codeFor(org.email);
    if (first !== second) t.equal((await redeem(org.email, first)).statusCode, 401);
    t.equal((await redeem(org.email, second)).statusCode, 200);
  });

  t.test('when the code has expired, then 401', async (t) => {
    const org = await signUp(app, 'sales');
    const code = await codeFor(org.email);
    await expireTokens(testApp, 'sign_in_code', org.email);
    t.equal((await redeem(org.email, code)).statusCode, 401);
  });

  t.test('when the address has no account, then the answer is the same and nothing is sent', async (t) => {
    const org = await signUp(app, 'sales');
    const nobody = uniqueEmail('nobody');
    const known = await ask(org.email);
    const unknown = await ask(nobody);
    t.equal(unknown.statusCode, known.statusCode);
    t.equal(unknown.body, known.body);
    t.equal(unknown.headers['content-length'], known.headers['content-length']);
    await inbox.next(org.email, (m) => m.subject.includes('sign-in code'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    t.same(inbox.to(nobody), []);
    const guessed = await redeem(nobody, '123456');
    t.equal(guessed.statusCode, 401, 'and a code for it is refused like a wrong one');
  });

  t.test('when the request is malformed, then 400, never a 500', async (t) => {
    for (const payload of [{}, { email: 'nope' }, { email: 'a@b.test', code: '1' }]) {
      t.equal((await app.inject({ method: 'POST', url: '/v1/auth/sign-in-code', payload })).statusCode, 400);
    }
    const noCode = await app.inject({
      method: 'POST',
      url: '/v1/auth/token',
      payload: { grant_type: GRANT, username: 'a@b.test' },
    });
    t.equal(noCode.statusCode, 400);
    t.equal((await redeem('a@b.test', 'x'.repeat(21))).statusCode, 400);
  });
});

t.test('when wrong codes keep coming from one address, then the sign-in throttle answers 429', async (t) => {
  const { app, inbox } = await appWithInbox(t, { LOGIN_FAILURES_PER_ACCOUNT: 3 });
  const org = await signUp(app, 'sales');
  await app.inject({ method: 'POST', url: '/v1/auth/sign-in-code', payload: { email: org.email } });
  const code = codeIn(await inbox.next(org.email, (m) => m.subject.includes('sign-in code')));
  const wrong = code === '000000' ? '111111' : '000000';
  const statuses = [];
  for (let i = 0; i < 4; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/auth/token',
      remoteAddress: '10.9.9.9',
      payload: { grant_type: GRANT, username: org.email, code: wrong },
    });
    statuses.push(res.statusCode);
    if (res.statusCode === 429) {
      t.match(res.headers['retry-after'], /^\d+$/);
      t.match(res.json().detail, /try again in \d+ minutes \(at \d\d:\d\d UTC\)/);
    }
  }
  t.same(statuses, [401, 401, 401, 429]);
});

t.test('when codes are asked for too often, then 429 per recipient', async (t) => {
  const { app } = await appWithInbox(t, { ACCOUNT_EMAILS_PER_RECIPIENT: 2, MAIL_WORKER_ENABLED: false });
  const email = uniqueEmail();
  const statuses = [];
  for (let i = 0; i < 3; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in-code',
      remoteAddress: `10.0.3.${i}`,
      payload: { email },
    });
    statuses.push(res.statusCode);
  }
  t.same(statuses, [202, 202, 429]);
});

t.test('when someone hammers the password, then the owner still signs in with an emailed code', async (t) => {
  const { app, inbox } = await appWithInbox(t, {
    LOGIN_ACCOUNT_CEILING: 2,
    LOGIN_FAILURES_PER_ADDRESS: 1000,
  });
  const org = await signUp(app, 'sales');
  const guess = (ip: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/auth/token',
      remoteAddress: ip,
      payload: { grant_type: 'password', username: org.email, password: 'guessing the password' },
    });
  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await guess(`192.0.2.${i + 1}`)).statusCode);
  t.ok(statuses.includes(429), `password checks are spaced out: ${statuses}`);
  await app.inject({
    method: 'POST',
    url: '/v1/auth/sign-in-code',
    remoteAddress: '198.51.100.77',
    payload: { email: org.email },
  });
  const code = codeIn(await inbox.next(org.email, (m) => m.subject.includes('sign-in code')));
  const res = await app.inject({
    method: 'POST',
    url: '/v1/auth/token',
    remoteAddress: '198.51.100.77',
    payload: { grant_type: GRANT, username: org.email, code },
  });
  t.equal(res.statusCode, 200, 'the emailed-code channel skips the account’s ceiling');
});
