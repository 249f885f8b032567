import t from 'tap';
import { build } from './helpers/build.js';
import { createClient, login, PASSWORD, signUp, uniqueEmail } from './helpers/identity.js';

t.test('sign-up and tokens', async (t) => {
  const { app, logs } = await build(t);

  t.test('when an organisation signs up, then it and its admin are created', async (t) => {
    const email = uniqueEmail('Mixed.Case');
    const res = await app.inject({
      method: 'POST',
      url: '/v1/signup',
      payload: {
        organisation: { name: '  Acme Buying  ', side: 'procurement' },
        user: { email, name: 'Bo', password: PASSWORD },
      },
    });
    t.equal(res.statusCode, 201);
    const body = res.json();
    t.match(body, {
      organisation: { id: /^org_[0-9a-z]{26}$/, name: 'Acme Buying', side: 'procurement' },
      user: { id: /^usr_[0-9a-z]{26}$/, email: email.toLowerCase(), name: 'Bo', role: 'admin' },
    });
    t.notMatch(res.body, /password/i);

    const again = await app.inject({
      method: 'POST',
      url: '/v1/signup',
      payload: {
        organisation: { name: 'Other', side: 'sales' },
        user: { email: email.toUpperCase(), name: 'X', password: PASSWORD },
      },
    });
    t.equal(again.statusCode, 409, 'the email is unique whatever its case');
    t.equal(again.json().type, '/problems/conflict');
  });

  t.test('when the sign-up body is invalid, then 400 names each field', async (t) => {
    const cases: Array<[unknown, string]> = [
      [
        {
          organisation: { name: 'A', side: 'sales' },
          user: { email: uniqueEmail(), name: 'A', password: 'short' },
        },
        '/body/user/password',
      ],
      [
        {
          organisation: { name: 'A', side: 'sales' },
          user: { email: uniqueEmail(), name: 'A', password: 'x'.repeat(257) },
        },
        '/body/user/password',
      ],
      [
        {
          organisation: { name: 'A', side: 'vendor' },
          user: { email: uniqueEmail(), name: 'A', password: PASSWORD },
        },
        '/body/organisation/side',
      ],
      [
        {
          organisation: { name: 'A', side: 'sales' },
          user: { email: 'not-an-email', name: 'A', password: PASSWORD },
        },
        '/body/user/email',
      ],
      [
        {
          organisation: { name: ' ', side: 'sales' },
          user: { email: uniqueEmail(), name: 'A', password: PASSWORD },
        },
        '/body/organisation/name',
      ],
      [
        {
          organisation: { name: 'A', side: 'sales' },
          user: { email: uniqueEmail(), name: 'A', password: PASSWORD, role: 'admin' },
        },
        '/body/user',
      ],
    ];
    for (const [payload, path] of cases) {
      const res = await app.inject({ method: 'POST', url: '/v1/signup', payload: payload as object });
      t.equal(res.statusCode, 400, path);
      t.ok(
        res.json().errors.some((e: { path: string }) => e.path === path),
        `${path} is named`,
      );
    }
  });

  t.test(
    'when a person signs in with JSON or a form, then they get an access and a refresh token',
    async (t) => {
      const org = await signUp(app, 'sales');
      const form = await app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          grant_type: 'password',
          username: org.email.toUpperCase(),
          password: PASSWORD,
        }).toString(),
      });
      t.equal(form.statusCode, 200);
      t.equal(form.headers['cache-control'], 'no-store');
      t.match(form.json(), {
        token_type: 'Bearer',
        expires_in: 900,
        access_token: /^ey/,
        refresh_token: /^cgr_/,
      });
      const [, payload] = form.json().access_token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      t.match(claims, {
        sub: org.user.id,
        org: org.organisation.id,
        typ: 'access',
        iss: 'common-ground',
        aud: 'common-ground-api',
      });
      t.ok(claims.exp - claims.iat <= 900, 'access tokens live at most 15 minutes');
    },
  );

  t.test('when the user is unknown or the password wrong, then the same 401 answer', async (t) => {
    const org = await signUp(app, 'sales');
    const wrong = await app.inject({
      method: 'POST',
      url: '/v1/auth/token',
      payload: { grant_type: 'password', username: org.email, password: 'not the password at all' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/v1/auth/token',
      payload: {
        grant_type: 'password',
        username: uniqueEmail('nobody'),
        password: 'not the password at all',
      },
    });
    t.equal(wrong.statusCode, 401);
    t.equal(unknown.statusCode, 401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    t.same(strip(wrong.json()), strip(unknown.json()));
    t.notMatch(logs.join('\n'), /not the password at all/, 'passwords never reach the log');
  });

  t.test(
    'when a refresh token is used, then it rotates; reusing a spent one revokes the family',
    async (t) => {
      const org = await signUp(app, 'procurement');
      const refresh = (token: string) =>
        app.inject({
          method: 'POST',
          url: '/v1/auth/token',
          payload: { grant_type: 'refresh_token', refresh_token: token },
        });

      const first = await refresh(org.refreshToken);
      t.equal(first.statusCode, 200);
      const second = first.json().refresh_token as string;
      t.not(second, org.refreshToken, 'a new refresh token every time');

      const reuse = await refresh(org.refreshToken);
      t.equal(reuse.statusCode, 401, 'a spent token is refused');
      const afterReuse = await refresh(second);
      t.equal(afterReuse.statusCode, 401, 'and the whole family is revoked, including the newest token');

      const other = await login(app, org.email);
      t.equal((await refresh(other.refreshToken)).statusCode, 200, 'another sign-in (family) is unaffected');
    },
  );

  t.test('when a refresh token is revoked, then it no longer refreshes', async (t) => {
    const org = await signUp(app, 'sales');
    const revoke = await app.inject({
      method: 'POST',
      url: '/v1/auth/revoke',
      payload: { token: org.refreshToken },
    });
    t.equal(revoke.statusCode, 200);
    t.same(revoke.json(), { revoked: true });
    const res = await app.inject({
      method: 'POST',
      url: '/v1/auth/token',
      payload: { grant_type: 'refresh_token', refresh_token: org.refreshToken },
    });
    t.equal(res.statusCode, 401);
    const unknown = await app.inject({
      method: 'POST',
      url: '/v1/auth/revoke',
      payload: { token: 'cgr_unknown' },
    });
    t.equal(unknown.statusCode, 200, 'revoking an unknown token is not an error (RFC 7009)');
  });

  t.test(
    'when a partner client uses client credentials, then it gets no refresh token and its scopes',
    async (t) => {
      const org = await signUp(app, 'sales');
      const created = await app.inject({
        method: 'POST',
        url: '/v1/api-clients',
        headers: org.auth,
        payload: { name: 'CRM sync', scopes: ['deals:read', 'assessments:write'] },
      });
      const { clientId, clientSecret } = created.json();
      const res = await app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
      });
      t.equal(res.statusCode, 200);
      t.equal(res.json().refresh_token, undefined);
      t.equal(res.json().scope, 'deals:read assessments:write');

      const narrowed = await app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        payload: {
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope: 'deals:read',
        },
      });
      t.equal(narrowed.json().scope, 'deals:read');
      const me = await app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${narrowed.json().access_token}` },
      });
      t.same(me.json().scopes, ['deals:read'], 'a narrowed token carries only the asked scopes');

      const wider = await app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        payload: {
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope: 'webhooks:manage',
        },
      });
      t.equal(wider.statusCode, 400, 'a scope the client was not granted is refused');

      const wrong = await app.inject({
        method: 'POST',
        url: '/v1/auth/token',
        payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: `${clientSecret}x` },
      });
      t.equal(wrong.statusCode, 401);
    },
  );

  t.test('when /v1/me is asked, then people and clients each see themselves', async (t) => {
    const org = await signUp(app, 'procurement');
    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: org.auth });
    t.equal(me.statusCode, 200);
    t.same(me.json(), { user: org.user, organisation: org.organisation, role: 'admin' });

    const { client, auth } = await createClient(app, org, ['deals:read']);
    const clientMe = await app.inject({ method: 'GET', url: '/v1/me', headers: auth });
    t.same(clientMe.json(), {
      client: { id: client.id, clientId: client.clientId, name: 'client deals:read' },
      organisation: org.organisation,
      scopes: ['deals:read'],
    });
  });

  t.test('when the grant type is unknown or the body is junk, then 400', async (t) => {
    for (const payload of [{ grant_type: 'implicit' }, { grant_type: 'password', username: 'a' }, {}]) {
      const res = await app.inject({ method: 'POST', url: '/v1/auth/token', payload });
      t.equal(res.statusCode, 400, JSON.stringify(payload));
    }
  });
});
