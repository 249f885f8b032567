import t from 'tap';
import {
  appWithInbox,
  auditActions,
  contains,
  expireTokens,
  tokenIn,
  verifiedSignUp,
} from './helpers/account-mail.js';
import { addMember, createClient, login, PASSWORD, signUp, uniqueEmail } from './helpers/identity.js';

const OWN_PASSWORD = 'marble heron tapestry falls';

t.test('members invited by email', async (t) => {
  const testApp = await appWithInbox(t);
  const { app, inbox } = testApp;
  const invite = (auth: Record<string, string>, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/v1/organisation/member-invitations', headers: auth, payload });
  const preview = (token: string) =>
    app.inject({ method: 'POST', url: '/v1/auth/member-invitations/preview', payload: { token } });
  const accept = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/v1/auth/member-invitations/accept', payload });
  const invitationMessage = (email: string) =>
    inbox.next(email, (m) => m.text.includes('/accept-invitation'));
  const responses: string[] = [];

  t.test(
    'when an admin invites a colleague, then the colleague follows the link, chooses a password and is a member',
    async (t) => {
      const admin = await verifiedSignUp(app, inbox, 'sales', { name: 'Acme Supplies' });
      const email = uniqueEmail('colleague');
      const res = await invite(admin.auth, {
        email: email.toUpperCase(),
        name: 'Casey Colleague',
        role: 'member',
      });
      responses.push(res.body);
      t.equal(res.statusCode, 202);
      t.match(res.json(), { email, name: 'Casey Colleague', role: 'member', expiresAt: String });
      const days = (Date.parse(res.json().expiresAt) - Date.now()) / 86_400_000;
      t.ok(days > 6.9 && days <= 7, 'valid 7 days');
      t.same(
        Object.keys(res.json()).sort(),
        ['email', 'expiresAt', 'name', 'role'],
        'no token in the answer',
      );

      const message = await invitationMessage(email);
      t.match(message.subject, /Join Acme Supplies on Common Ground/);
      t.match(message.text, /Hello Casey Colleague/);
      t.match(message.text, /First Admin invites you to join Acme Supplies on Common Ground as member/);
      t.match(message.text, /valid for 7 days and works once/);
      const token = tokenIn(message, '/supplier/accept-invitation');
      t.match(token, /^cgi_[A-Za-z0-9_-]{43}$/);

      const shown = await preview(token);
      responses.push(shown.body);
      t.equal(shown.statusCode, 200);
      t.same(shown.json(), {
        organisation: { name: 'Acme Supplies', side: 'sales' },
        email,
        name: 'Casey Colleague',
        role: 'member',
        invitedBy: { name: 'First Admin' },
        expiresAt: res.json().expiresAt,
      });
      t.equal(shown.headers['cache-control'], 'no-store');

      const joined = await accept({ token, password: OWN_PASSWORD, name: 'Casey C.' });
      responses.push(joined.body);
      t.equal(joined.statusCode, 201);
      t.same(joined.json().organisation, admin.organisation);
      t.match(joined.json().user, { email, name: 'Casey C.', role: 'member', emailVerified: true });
      const colleague = await login(app, email, OWN_PASSWORD);
      const me = await app.inject({ method: 'GET', url: '/v1/me', headers: colleague.auth });
      t.equal(me.json().organisation.id, admin.organisation.id);
      const members = await app.inject({
        method: 'GET',
        url: '/v1/organisation/members',
        headers: admin.auth,
      });
      t.ok(members.json().data.some((m: { email: string }) => m.email === email));

      t.equal((await accept({ token, password: OWN_PASSWORD })).statusCode, 400, 'the link works once');
      const used = await preview(token);
      t.equal(used.statusCode, 400);
      t.equal(used.json().type, '/problems/invalid-link');
      t.match(used.json().detail, /expired or was already used\. Ask whoever invited you/);

      const audit = await auditActions(app, admin);
      t.ok(audit.some((e) => e.action === 'member.invited' && e.detail.role === 'member'));
      t.ok(audit.some((e) => e.action === 'member.joined' && e.detail.invitedBy === admin.user.id));
      t.notOk(JSON.stringify(audit).includes(token), 'no token in the audit trail');
      for (const line of testApp.logs) t.notOk(contains(line, token), 'no token in the logs');
      for (const body of responses) t.notOk(body.includes(token), 'no token in a response');
    },
  );

  t.test(
    'when an invitation is retried with its idempotency key, then the answer is replayed and one message sent',
    async (t) => {
      const admin = await verifiedSignUp(app, inbox, 'sales');
      const email = uniqueEmail();
      const send = () =>
        app.inject({
          method: 'POST',
          url: '/v1/organisation/member-invitations',
          headers: { ...admin.auth, 'idempotency-key': `invite-${email}` },
          payload: { email, name: 'Once Only', role: 'member' },
        });
      const first = await send();
      const second = await send();
      t.equal(second.statusCode, 202);
      t.equal(second.headers['idempotent-replayed'], 'true');
      t.same(second.json(), first.json());
      tokenIn(await invitationMessage(email), '/accept-invitation');
      await new Promise((resolve) => setTimeout(resolve, 300));
      t.equal(inbox.to(email).length, 1, 'one message');
    },
  );

  t.test(
    'when a buyer admin invites, then the link leads to the buyer portal and the role is kept',
    async (t) => {
      const admin = await verifiedSignUp(app, inbox, 'procurement');
      const email = uniqueEmail();
      t.equal((await invite(admin.auth, { email, name: 'Vi Viewer', role: 'viewer' })).statusCode, 202);
      const token = tokenIn(await invitationMessage(email), '/buyer/accept-invitation');
      const joined = await accept({ token, password: OWN_PASSWORD });
      t.equal(joined.json().user.role, 'viewer');
      t.equal(joined.json().user.name, 'Vi Viewer', 'the name the inviter gave, unless changed');
    },
  );

  t.test('when the admin has not confirmed their own address, then 403 email-unverified', async (t) => {
    const admin = await signUp(app, 'sales');
    const res = await invite(admin.auth, { email: uniqueEmail(), name: 'N', role: 'member' });
    t.equal(res.statusCode, 403);
    t.equal(res.json().type, '/problems/email-unverified');
    t.match(res.json().detail, /Confirm your email address/);
  });

  t.test('when someone other than an admin invites, then 403', async (t) => {
    const admin = await verifiedSignUp(app, inbox, 'sales');
    const member = await addMember(app, admin, 'member');
    const client = await createClient(app, admin, ['deals:read', 'deals:write']);
    for (const auth of [member.auth, client.auth]) {
      const res = await invite(auth, { email: uniqueEmail(), name: 'N', role: 'member' });
      t.equal(res.statusCode, 403);
      t.equal(res.json().type, '/problems/forbidden');
    }
    const anonymous = await app.inject({
      method: 'POST',
      url: '/v1/organisation/member-invitations',
      payload: { email: uniqueEmail(), name: 'N', role: 'member' },
    });
    t.equal(anonymous.statusCode, 401);
  });

  t.test('when the address already has an account, anywhere, then 409', async (t) => {
    const admin = await verifiedSignUp(app, inbox, 'sales');
    const elsewhere = await signUp(app, 'procurement');
    const res = await invite(admin.auth, { email: elsewhere.email, name: 'N', role: 'member' });
    t.equal(res.statusCode, 409);
    t.equal(res.json().type, '/problems/conflict');
  });

  t.test(
    'when the address signs up before the invitation is accepted, then accepting is a 409',
    async (t) => {
      const admin = await verifiedSignUp(app, inbox, 'sales');
      const email = uniqueEmail();
      await invite(admin.auth, { email, name: 'Late', role: 'member' });
      const token = tokenIn(await invitationMessage(email), '/accept-invitation');
      await signUp(app, 'sales', { email });
      const res = await accept({ token, password: OWN_PASSWORD });
      t.equal(res.statusCode, 409);
      t.equal(res.json().type, '/problems/conflict');
    },
  );

  t.test('when the invitation expired or a newer one was sent, then 400 invalid-link', async (t) => {
    const admin = await verifiedSignUp(app, inbox, 'sales');
    const email = uniqueEmail();
    await invite(admin.auth, { email, name: 'N', role: 'member' });
    const first = tokenIn(await invitationMessage(email), '/accept-invitation');
    await invite(admin.auth, { email, name: 'N', role: 'admin' });
    const second = tokenIn(await invitationMessage(email), '/accept-invitation');
    t.equal((await preview(first)).statusCode, 400, 'the newer invitation voids the older');
    t.equal((await preview(second)).json().role, 'admin');
    await expireTokens(testApp, 'member_invitation', email);
    const expired = await accept({ token: second, password: OWN_PASSWORD });
    t.equal(expired.statusCode, 400);
    t.equal(expired.json().type, '/problems/invalid-link');
  });

  t.test('when the password is weak or the body malformed, then 400 and the link still works', async (t) => {
    const admin = await verifiedSignUp(app, inbox, 'sales');
    const email = uniqueEmail();
    await invite(admin.auth, { email, name: 'N', role: 'member' });
    const token = tokenIn(await invitationMessage(email), '/accept-invitation');
    const weak = await accept({ token, password: 'password1234' });
    t.equal(weak.statusCode, 400);
    t.equal(weak.json().errors[0].path, '/body/password');
    t.equal((await accept({ token, password: email })).statusCode, 400);
    t.equal((await accept({ token })).statusCode, 400);
    t.equal(
      (await accept({ token, password: OWN_PASSWORD, role: 'admin' })).statusCode,
      400,
      'no role of one’s own',
    );
    t.equal((await accept({ token: 'cgi_unknown', password: OWN_PASSWORD })).statusCode, 400);
    t.equal((await preview('x'.repeat(300))).statusCode, 400);
    for (const payload of [
      {},
      { email: 'nope', name: 'N', role: 'member' },
      { email, name: 'N', role: 'owner' },
    ]) {
      t.equal((await invite(admin.auth, payload)).statusCode, 400);
    }
    t.equal((await accept({ token, password: OWN_PASSWORD })).statusCode, 201);
    await login(app, email, OWN_PASSWORD);
    await t.rejects(login(app, email, PASSWORD));
  });
});
