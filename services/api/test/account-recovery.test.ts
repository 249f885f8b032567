import t from 'tap';
import { appWithInbox, auditActions, contains, expireTokens, tokenIn } from './helpers/account-mail.js';
import { build } from './helpers/build.js';
import { login, PASSWORD, signUp, uniqueEmail } from './helpers/identity.js';

const NEW_PASSWORD = 'quiet lantern orchard velvet';

t.test('password reset by emailed link', async (t) => {
  const testApp = await appWithInbox(t);
  const { app, inbox } = testApp;
  const requestReset = (email: string, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/v1/auth/password-reset', remoteAddress, payload: { email } });
  const confirm = (token: string, password = NEW_PASSWORD, remoteAddress = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/v1/auth/password-reset/confirm',
      remoteAddress,
      payload: { token, password },
    });
  const resetMessage = (email: string) => inbox.next(email, (m) => m.text.includes('/reset-password'));

  t.test(
    'when a person resets the password through the emailed link, then every session ends and only the new password works',
    async (t) => {
      const org = await signUp(app, 'sales');
      const other = await login(app, org.email);
      const res = await requestReset(org.email.toUpperCase());
      t.equal(res.statusCode, 202);
      t.same(res.json(), { accepted: true });
      t.equal(res.headers['cache-control'], 'no-store');

      const message = await resetMessage(org.email);
      t.match(message.subject, /Reset your Common Ground password/);
      t.match(message.text, /valid for 30 minutes and works once/);
      t.match(message.html, /valid for 30 minutes and works once/);
      const token = tokenIn(message, '/supplier/reset-password');
      t.match(token, /^cgp_[A-Za-z0-9_-]{43}$/);

      const done = await confirm(token);
      t.equal(done.statusCode, 204);
      t.equal(done.body, '');

      for (const session of [org, other]) {
        const refresh = await app.inject({
          method: 'POST',
          url: '/v1/auth/token',
          payload: { grant_type: 'refresh_token', refresh_token: session.refreshToken },
        });
        t.equal(refresh.statusCode, 401, 'the old refresh token is refused');
        const read = await app.inject({ method: 'GET', url: '/v1/me', headers: session.auth });
        t.equal(read.statusCode, 401, 'the old access token is refused at once');
      }
      await t.rejects(login(app, org.email, PASSWORD), 'the old password no longer works');
      const fresh = await login(app, org.email, NEW_PASSWORD);
      const me = await app.inject({ method: 'GET', url: '/v1/me', headers: fresh.auth });
      t.equal(me.json().user.emailVerified, true, 'following the link proved the address');

      const again = await confirm(token, 'another fine passphrase here');
      t.equal(again.statusCode, 400, 'the link works once');
      t.equal(again.json().type, '/problems/invalid-link');
      t.match(again.json().detail, /expired or was already used\. Ask for a new one/);

      const audit = await auditActions(app, fresh);
      const reset = audit.find((entry) => entry.action === 'password.reset');
      t.ok(reset, 'the reset is in the audit trail');
      t.ok(Number(reset?.detail.revokedTokens) >= 2, 'with the number of tokens it revoked');
      t.ok(audit.some((entry) => entry.action === 'password_reset.requested'));
      t.notOk(JSON.stringify(audit).includes(token), 'no token in the audit trail');
      for (const line of testApp.logs) t.notOk(contains(line, token), 'no token in the logs');
    },
  );

  t.test(
    'when the address has no account, then the answer is exactly the same and nothing is sent',
    async (t) => {
      const org = await signUp(app, 'procurement');
      const nobody = uniqueEmail('nobody');
      const known = await requestReset(org.email);
      const unknown = await requestReset(nobody);
      t.equal(unknown.statusCode, known.statusCode);
      t.equal(unknown.body, known.body);
      t.equal(unknown.headers['content-type'], known.headers['content-type']);
      t.equal(unknown.headers['content-length'], known.headers['content-length']);
      tokenIn(await resetMessage(org.email), '/buyer/reset-password');
      await new Promise((resolve) => setTimeout(resolve, 300));
      t.same(inbox.to(nobody), [], 'no message to an address without an account');
    },
  );

  t.test('when the link has expired, then 400 invalid-link and the password stays', async (t) => {
    const org = await signUp(app, 'sales');
    await requestReset(org.email);
    const token = tokenIn(await resetMessage(org.email), '/reset-password');
    await expireTokens(testApp, 'password_reset', org.email);
    const res = await confirm(token);
    t.equal(res.statusCode, 400);
    t.equal(res.json().type, '/problems/invalid-link');
    await login(app, org.email, PASSWORD);
  });

  t.test('when a second link is asked for, then the first one is void', async (t) => {
    const org = await signUp(app, 'sales');
    await requestReset(org.email);
    const first = tokenIn(await resetMessage(org.email), '/reset-password');
    await requestReset(org.email);
    const second = tokenIn(await resetMessage(org.email), '/reset-password');
    t.equal((await confirm(first)).statusCode, 400);
    t.equal((await confirm(second)).statusCode, 204);
  });

  t.test('when the new password is weak, then 400 and the link still works', async (t) => {
    const org = await signUp(app, 'sales');
    await requestReset(org.email);
    const token = tokenIn(await resetMessage(org.email), '/reset-password');
    const weak = await confirm(token, 'password1234');
    t.equal(weak.statusCode, 400);
    t.equal(weak.json().errors[0].path, '/body/password');
    const own = await confirm(token, `${org.email}`);
    t.equal(own.statusCode, 400, 'not the email address either');
    t.equal((await confirm(token)).statusCode, 204);
  });

  t.test('when bodies are malformed or tokens unknown, then 400, never a 500', async (t) => {
    for (const payload of [
      {},
      { email: 'not an address' },
      { email: 'a@b.c', extra: 1 },
      { email: `${'x'.repeat(250)}@example.test` },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/v1/auth/password-reset', payload });
      t.equal(res.statusCode, 400, JSON.stringify(payload).slice(0, 40));
    }
    for (const token of ['cgp_unknown', '', 'x'.repeat(300), '\u0000']) {
      const res = await confirm(token);
      t.equal(res.statusCode, 400, `token ${JSON.stringify(token).slice(0, 12)}`);
    }
    t.equal((await confirm('cgp_unknown', 'short')).statusCode, 400);
  });
});

t.test(
  'when resets are asked for too often, then 429 with Retry-After, per recipient and per address',
  async (t) => {
    const { app } = await build(t, {
      config: { ACCOUNT_EMAILS_PER_RECIPIENT: 2, ACCOUNT_EMAILS_PER_ADDRESS: 4, MAIL_WORKER_ENABLED: false },
    });
    const ask = (email: string, remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/v1/auth/password-reset', remoteAddress, payload: { email } });
    const target = uniqueEmail('target');
    const perRecipient = [];
    for (let i = 0; i < 3; i++) perRecipient.push((await ask(target, `198.51.100.${i + 1}`)).statusCode);
    t.same(perRecipient, [202, 202, 429], 'from any address, one recipient gets two links an hour');
    const refused = await ask(target, '198.51.100.9');
    t.match(refused.headers['retry-after'], /^\d+$/);
    t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    t.match(refused.json().detail, /try again in \d+ minutes \(at \d\d:\d\d UTC\)/);
    t.ok(Date.parse(refused.json().retryAt) > Date.now() + 3_000_000, 'retryAt says when');

    const perAddress = [];
    for (let i = 0; i < 5; i++) perAddress.push((await ask(uniqueEmail(), '203.0.113.5')).statusCode);
    t.same(perAddress, [202, 202, 202, 202, 429], 'one address may ask four times an hour');
  },
);

t.test(
  'when an account is locked out, then a reset from the same address lets its owner straight back in',
  async (t) => {
    const { app, inbox } = await appWithInbox(t, { LOGIN_FAILURES_PER_ACCOUNT: 2 });
    const org = await signUp(app, 'sales');
    const wrong = (ip: string, password = 'not the right password') =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        remoteAddress: ip,
        payload: { grant_type: 'password', username: org.email, password },
      });
    t.same([(await wrong('10.1.1.1')).statusCode, (await wrong('10.1.1.1')).statusCode], [401, 401]);
    t.same([(await wrong('10.2.2.2')).statusCode, (await wrong('10.2.2.2')).statusCode], [401, 401]);
    const locked = await wrong('10.1.1.1', NEW_PASSWORD);
    t.equal(locked.statusCode, 429);
    t.match(locked.json().detail, /try again in 1[45] minutes \(at \d\d:\d\d UTC\)/, 'the lockout says when');
    const retryAt = Date.parse(locked.json().retryAt);
    t.ok(
      Math.abs(retryAt - (Date.now() + Number(locked.headers['retry-after']) * 1000)) < 5000,
      'retryAt agrees with Retry-After',
    );

    await app.inject({
      method: 'POST',
      url: '/v1/auth/password-reset',
      remoteAddress: '10.1.1.1',
      payload: { email: org.email },
    });
    const token = tokenIn(
      await inbox.next(org.email, (m) => m.text.includes('/reset-password')),
      '/reset-password',
    );
    const done = await app.inject({
      method: 'POST',
      url: '/v1/auth/password-reset/confirm',
      remoteAddress: '10.1.1.1',
      payload: { token, password: NEW_PASSWORD },
    });
    t.equal(done.statusCode, 204);
    t.equal((await wrong('10.1.1.1', NEW_PASSWORD)).statusCode, 200, 'the owner signs in from there at once');
    t.equal((await wrong('10.2.2.2', NEW_PASSWORD)).statusCode, 429, 'the other address is still held back');
  },
);

t.test('changing the password while signed in', async (t) => {
  const { app } = await build(t, { config: { LOGIN_FAILURES_PER_ACCOUNT: 3, MAIL_WORKER_ENABLED: false } });
  const change = (auth: Record<string, string>, currentPassword: string, newPassword: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/me/password',
      headers: auth,
      payload: { currentPassword, newPassword },
    });

  t.test(
    'when the current password is right, then this session goes on and every other one ends',
    async (t) => {
      const org = await signUp(app, 'sales');
      const other = await login(app, org.email);
      const res = await change(org.auth, PASSWORD, NEW_PASSWORD);
      t.equal(res.statusCode, 204);
      t.equal(
        (await app.inject({ method: 'GET', url: '/v1/me', headers: org.auth })).statusCode,
        200,
        'this session goes on',
      );
      const refreshed = await app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        payload: { grant_type: 'refresh_token', refresh_token: org.refreshToken },
      });
      t.equal(refreshed.statusCode, 200, 'and can refresh');
      t.equal(
        (await app.inject({ method: 'GET', url: '/v1/me', headers: other.auth })).statusCode,
        401,
        'the other one ended',
      );
      const otherRefresh = await app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        payload: { grant_type: 'refresh_token', refresh_token: other.refreshToken },
      });
      t.equal(otherRefresh.statusCode, 401);
      await t.rejects(login(app, org.email, PASSWORD));
      await login(app, org.email, NEW_PASSWORD);
      const changed = (await auditActions(app, org)).find((entry) => entry.action === 'password.changed');
      t.ok(changed);
      t.equal(changed?.detail.revokedTokens, 1);
    },
  );

  t.test(
    'when the current password is wrong, then 400 pointing at it, and repeated tries are throttled',
    async (t) => {
      const org = await signUp(app, 'sales');
      const res = await change(org.auth, 'not my password at all', NEW_PASSWORD);
      t.equal(res.statusCode, 400);
      t.same(res.json().errors, [{ path: '/body/currentPassword', message: 'is not your current password' }]);
      t.equal((await change(org.auth, 'still not my password', NEW_PASSWORD)).statusCode, 400);
      t.equal((await change(org.auth, 'nor is this my password', NEW_PASSWORD)).statusCode, 400);
      const throttled = await change(org.auth, PASSWORD, NEW_PASSWORD);
      t.equal(throttled.statusCode, 429, 'wrong current passwords count like failed sign-ins');
      t.match(throttled.headers['retry-after'], /^\d+$/);
      t.ok((await auditActions(app, org)).some((entry) => entry.action === 'password.change_failed'));
    },
  );

  t.test('when the new password is weak or the body malformed, then 400 and nothing changes', async (t) => {
    const org = await signUp(app, 'procurement');
    const weak = await change(org.auth, PASSWORD, 'password1234');
    t.equal(weak.statusCode, 400);
    t.equal(weak.json().errors[0].path, '/body/newPassword');
    t.equal((await change(org.auth, PASSWORD, 'short')).statusCode, 400);
    const extra = await app.inject({
      method: 'POST',
      url: '/v1/me/password',
      headers: org.auth,
      payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, more: true },
    });
    t.equal(extra.statusCode, 400);
    await login(app, org.email, PASSWORD);
  });

  t.test('when no one is signed in, then 401', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/me/password',
      payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    t.equal(res.statusCode, 401);
  });
});
