import t from 'tap';
import { build } from './helpers/build.js';
import { addMember, createClient, signUp } from './helpers/identity.js';

t.test('API clients', async (t) => {
  const { app, testDatabase } = await build(t);

  t.test(
    'when an admin creates a client, then the secret is shown once and stored only hashed',
    async (t) => {
      const org = await signUp(app, 'sales');
      const { client } = await createClient(app, org, ['deals:read']);
      t.match(client, { id: /^cli_/, clientSecret: /^cgs_[A-Za-z0-9_-]{43}$/ });

      const list = await app.inject({ method: 'GET', url: '/v1/api-clients', headers: org.auth });
      t.equal(list.statusCode, 200);
      t.equal(list.json().data.length, 1);
      t.equal(list.json().data[0].clientSecret, undefined);
      t.notMatch(list.body, client.clientSecret);

      const stored = await testDatabase.database.asSystem((trx) =>
        trx
          .selectFrom('api_clients')
          .select('secret_hash')
          .where('id', '=', client.id)
          .executeTakeFirstOrThrow(),
      );
      t.match(stored.secret_hash, /^[0-9a-f]{64}$/);
      t.not(stored.secret_hash, client.clientSecret);
    },
  );

  t.test('when a client is deleted, then its tokens stop working at once', async (t) => {
    const org = await signUp(app, 'procurement');
    const { client, auth } = await createClient(app, org, ['deals:read']);
    t.equal((await app.inject({ method: 'GET', url: '/v1/me', headers: auth })).statusCode, 200);
    const del = await app.inject({
      method: 'DELETE',
      url: `/v1/api-clients/${client.id}`,
      headers: org.auth,
    });
    t.equal(del.statusCode, 204);
    t.equal((await app.inject({ method: 'GET', url: '/v1/me', headers: auth })).statusCode, 401);
    const again = await app.inject({
      method: 'DELETE',
      url: `/v1/api-clients/${client.id}`,
      headers: org.auth,
    });
    t.equal(again.statusCode, 404);
  });

  t.test('when a non-admin or another organisation manages clients, then 403 or 404', async (t) => {
    const org = await signUp(app, 'sales');
    const member = await addMember(app, org, 'member');
    const { client } = await createClient(app, org, ['deals:read']);
    const create = await app.inject({
      method: 'POST',
      url: '/v1/api-clients',
      headers: member.auth,
      payload: { name: 'x', scopes: ['deals:read'] },
    });
    t.equal(create.statusCode, 403);
    const stranger = await signUp(app, 'sales');
    const del = await app.inject({
      method: 'DELETE',
      url: `/v1/api-clients/${client.id}`,
      headers: stranger.auth,
    });
    t.equal(del.statusCode, 404);
  });

  t.test('when scopes are invalid, then 400', async (t) => {
    const org = await signUp(app, 'sales');
    for (const scopes of [[], ['deals:admin'], ['deals:read', 'deals:read']]) {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/api-clients',
        headers: org.auth,
        payload: { name: 'x', scopes },
      });
      t.equal(res.statusCode, 400, JSON.stringify(scopes));
    }
  });
});
