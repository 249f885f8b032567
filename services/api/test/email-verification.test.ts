import t from 'tap';
import {
  appWithInbox,
  auditActions,
  contains,
  expireTokens,
  tokenIn,
  verifiedSignUp,
} from './helpers/account-mail.js';
import { addMember, createClient, login, signUp } from './helpers/identity.js';

t.test('email verification', async (t) => {
  const testApp = await appWithInbox(t);
  const { app, inbox } = testApp;
  const verify = (token: string) =>
    app.inject({ method: 'POST', url: '/v1/auth/verify-email', payload: { token } });
  const me = async (auth: Record<string, string>) =>
    (await app.inject({ method: 'GET', url: '/v1/me', headers: auth })).json();

  t.test(
    'when a supplier signs up, then a confirmation link to the supplier portal arrives and following it confirms the address',
    async (t) => {
      const org = await signUp(app, 'sales');
      t.equal(org.user.emailVerified, false, 'the sign-up answer says the address is unconfirmed');
      t.equal((await me(org.auth)).user.emailVerified, false, '/v1/me says so too');

      const message = await inbox.next(org.email);
      t.match(message.subject, /Confirm your email address/);
      t.match(message.text, /Hello First Admin/);
      t.match(message.text, /valid for 7 days/);
      const token = tokenIn(message, '/supplier/verify-email');
      t.match(token, /^cgv_[A-Za-z0-9_-]{43}$/, '256 random bits');
      t.ok(message.html.includes('/supplier/verify-email?token='), 'the HTML part has the link too');

      const res = await verify(token);
      t.equal(res.statusCode, 200);
      t.same(res.json(), {
        id: org.user.id,
        email: org.email,
        name: 'First Admin',
        role: 'admin',
        emailVerified: true,
      });
      t.equal((await me(org.auth)).user.emailVerified, true);
      const members = await app.inject({ method: 'GET', url: '/v1/organisation/members', headers: org.auth });
      t.equal(members.json().data[0].emailVerified, true, 'the members list says so');
      t.ok((await auditActions(app, org)).some((entry) => entry.action === 'email.verified'));

      const again = await verify(token);
      t.equal(again.statusCode, 400, 'the link works once');
      t.equal(again.json().type, '/problems/invalid-link');
      t.match(again.json().detail, /expired or was already used.*ask for a new confirmation email/);

      const resend = await app.inject({
        method: 'POST',
        url: '/v1/me/verification-email',
        headers: org.auth,
      });
      t.equal(resend.statusCode, 409, 'a confirmed address needs no new link');
      t.equal(resend.json().type, '/problems/conflict');
      for (const line of testApp.logs) t.notOk(contains(line, token), 'the token is never logged');
    },
  );

  t.test('when a buyer signs up, then the link leads to the buyer portal', async (t) => {
    const org = await signUp(app, 'procurement');
    t.match(tokenIn(await inbox.next(org.email), '/buyer/verify-email'), /^cgv_/);
  });

  t.test('when the link is unknown, malformed or expired, then 400 invalid-link, never a 500', async (t) => {
    const org = await signUp(app, 'sales');
    const token = tokenIn(await inbox.next(org.email), '/verify-email');
    for (const bad of ['cgv_unknown', 'x'.repeat(200), ' ', `${token}x`]) {
      const res = await verify(bad);
      t.equal(res.statusCode, 400, `token ${bad.slice(0, 12)}…`);
    }
    t.equal((await verify('x'.repeat(201))).json().type, '/problems/validation-failed');
    const noBody = await app.inject({ method: 'POST', url: '/v1/auth/verify-email', payload: {} });
    t.equal(noBody.statusCode, 400);
    await expireTokens(testApp, 'email_verification', org.email);
    const expired = await verify(token);
    t.equal(expired.statusCode, 400);
    t.equal(expired.json().type, '/problems/invalid-link');
    t.equal((await me(org.auth)).user.emailVerified, false);
  });

  t.test(
    'when an unconfirmed person asks for a new link, then it arrives and works (the older one still does too)',
    async (t) => {
      const org = await signUp(app, 'sales');
      const first = tokenIn(await inbox.next(org.email), '/verify-email');
      const res = await app.inject({ method: 'POST', url: '/v1/me/verification-email', headers: org.auth });
      t.equal(res.statusCode, 202);
      t.same(res.json(), { accepted: true });
      t.equal(res.headers['cache-control'], 'no-store');
      const second = tokenIn(await inbox.next(org.email), '/verify-email');
      t.not(second, first);
      t.equal((await verify(second)).statusCode, 200);
      t.equal((await verify(first)).statusCode, 400, 'once confirmed, every older link is spent');
      t.ok((await auditActions(app, org)).some((entry) => entry.action === 'email.verification_requested'));
    },
  );

  t.test(
    'when an admin adds a member with a password, then the member starts unconfirmed and confirms by asking for a link',
    async (t) => {
      const admin = await verifiedSignUp(app, inbox, 'sales');
      const member = await addMember(app, admin, 'member');
      t.equal((await me(member.auth)).user.emailVerified, false);
      const asked = await app.inject({
        method: 'POST',
        url: '/v1/me/verification-email',
        headers: member.auth,
      });
      t.equal(asked.statusCode, 202);
      const token = tokenIn(await inbox.next(member.email), '/supplier/verify-email');
      t.equal((await verify(token)).json().emailVerified, true);
    },
  );

  t.test('when an API client asks for a verification email, then 403', async (t) => {
    const admin = await signUp(app, 'sales');
    const { auth } = await createClient(app, admin, ['deals:read']);
    const res = await app.inject({ method: 'POST', url: '/v1/me/verification-email', headers: auth });
    t.equal(res.statusCode, 403);
    t.equal((await me(auth)).client !== undefined, true);
  });

  t.test('when a person signs in again after confirming, then the address stays confirmed', async (t) => {
    const org = await verifiedSignUp(app, inbox, 'procurement');
    const again = await login(app, org.email);
    t.equal((await me(again.auth)).user.emailVerified, true);
  });
});

t.test('when an unconfirmed person asks for links too often, then 429 with Retry-After', async (t) => {
  const { app, inbox } = await appWithInbox(t, { ACCOUNT_EMAILS_PER_RECIPIENT: 2 });
  const org = await signUp(app, 'sales');
  await inbox.next(org.email);
  const statuses: number[] = [];
  let last: Awaited<ReturnType<typeof app.inject>> | undefined;
  for (let i = 0; i < 3; i++) {
    last = await app.inject({ method: 'POST', url: '/v1/me/verification-email', headers: org.auth });
    statuses.push(last.statusCode);
  }
  t.same(statuses, [202, 202, 429]);
  t.equal(last?.json().type, '/problems/rate-limited');
  t.ok(Number(last?.headers['retry-after']) > 3000, 'for most of the hour');
  t.match(last?.json().detail, /try again in \d+ minutes \(at \d\d:\d\d UTC\)/);
});
