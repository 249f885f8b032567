import t from 'tap';
import { build } from './helpers/build.js';
import { addMember, createClient, PASSWORD, signUp, uniqueEmail } from './helpers/identity.js';

t.test('members', async (t) => {
  const { app } = await build(t);

  t.test('when an admin adds, lists, promotes and removes members, then each change holds', async (t) => {
    const org = await signUp(app, 'sales');
    const alice = await addMember(app, org, 'member');
    const bob = await addMember(app, org, 'viewer');
    t.match(alice.member, { id: /^usr_/, role: 'member', email: alice.email });

    const first = await app.inject({
      method: 'GET',
      url: '/v1/organisation/members?limit=2',
      headers: org.auth,
    });
    t.equal(first.statusCode, 200);
    t.equal(first.json().data.length, 2);
    t.type(first.json().nextCursor, 'string');
    const second = await app.inject({
      method: 'GET',
      url: `/v1/organisation/members?limit=2&cursor=${first.json().nextCursor}`,
      headers: org.auth,
    });
    t.equal(second.json().data.length, 1);
    t.equal(second.json().nextCursor, null);
    const ids = [...first.json().data, ...second.json().data].map((m: { id: string }) => m.id).sort();
    t.same(ids, [org.user.id, alice.member.id, bob.member.id].sort(), 'every member once, across pages');

    const promoted = await app.inject({
      method: 'PATCH',
      url: `/v1/organisation/members/${bob.member.id}`,
      headers: org.auth,
      payload: { role: 'admin' },
    });
    t.equal(promoted.statusCode, 200);
    t.equal(promoted.json().role, 'admin');
    const bobMe = await app.inject({ method: 'GET', url: '/v1/me', headers: bob.auth });
    t.equal(bobMe.json().role, 'admin', 'a role change applies to the next request, not the next sign-in');

    const removed = await app.inject({
      method: 'DELETE',
      url: `/v1/organisation/members/${alice.member.id}`,
      headers: org.auth,
    });
    t.equal(removed.statusCode, 204);
    const aliceMe = await app.inject({ method: 'GET', url: '/v1/me', headers: alice.auth });
    t.equal(aliceMe.statusCode, 401, 'a removed member’s token stops working at once');
  });

  t.test('when the last admin would be demoted or removed, then 409', async (t) => {
    const org = await signUp(app, 'procurement');
    const demote = await app.inject({
      method: 'PATCH',
      url: `/v1/organisation/members/${org.user.id}`,
      headers: org.auth,
      payload: { role: 'member' },
    });
    t.equal(demote.statusCode, 409);
    const remove = await app.inject({
      method: 'DELETE',
      url: `/v1/organisation/members/${org.user.id}`,
      headers: org.auth,
    });
    t.equal(remove.statusCode, 409);

    const second = await addMember(app, org, 'admin');
    const demoteNow = await app.inject({
      method: 'PATCH',
      url: `/v1/organisation/members/${org.user.id}`,
      headers: second.auth,
      payload: { role: 'member' },
    });
    t.equal(demoteNow.statusCode, 200, 'with a second admin the first may step down');
  });

  t.test('when two admins demote each other at once, then one admin remains', async (t) => {
    const org = await signUp(app, 'sales');
    const other = await addMember(app, org, 'admin');
    const [a, b] = await Promise.all([
      app.inject({
        method: 'PATCH',
        url: `/v1/organisation/members/${other.member.id}`,
        headers: org.auth,
        payload: { role: 'member' },
      }),
      app.inject({
        method: 'PATCH',
        url: `/v1/organisation/members/${org.user.id}`,
        headers: other.auth,
        payload: { role: 'member' },
      }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    // The loser is refused either by the last-admin rule (409) or, having just been demoted, as a non-admin (403).
    t.equal(statuses[0], 200, `one wins (${statuses})`);
    t.ok(statuses[1] === 403 || statuses[1] === 409, `the other is refused (${statuses})`);
    const list = await app.inject({
      method: 'GET',
      url: '/v1/organisation/members',
      headers: a.statusCode === 200 ? org.auth : other.auth,
    });
    const admins = list.json().data.filter((m: { role: string }) => m.role === 'admin');
    t.equal(admins.length, 1, 'exactly one admin remains');
  });

  t.test('when a non-admin manages members, then 403; another organisation’s member is 404', async (t) => {
    const org = await signUp(app, 'sales');
    const member = await addMember(app, org, 'member');
    const viewer = await addMember(app, org, 'viewer');
    const { auth: clientAuth } = await createClient(app, org, ['deals:read', 'deals:write']);
    for (const [label, auth] of [
      ['member', member.auth],
      ['viewer', viewer.auth],
      ['client', clientAuth],
    ] as const) {
      const list = await app.inject({ method: 'GET', url: '/v1/organisation/members', headers: auth });
      t.equal(list.statusCode, 403, `${label} lists`);
      const add = await app.inject({
        method: 'POST',
        url: '/v1/organisation/members',
        headers: auth,
        payload: { email: uniqueEmail(), name: 'X', role: 'admin', password: PASSWORD },
      });
      t.equal(add.statusCode, 403, `${label} adds`);
    }
    const stranger = await signUp(app, 'sales');
    const foreign = await app.inject({
      method: 'PATCH',
      url: `/v1/organisation/members/${stranger.user.id}`,
      headers: org.auth,
      payload: { role: 'viewer' },
    });
    t.equal(foreign.statusCode, 404, 'a member of another organisation does not exist for us');
    const foreignDelete = await app.inject({
      method: 'DELETE',
      url: `/v1/organisation/members/${stranger.user.id}`,
      headers: org.auth,
    });
    t.equal(foreignDelete.statusCode, 404);
    const strangerMe = await app.inject({ method: 'GET', url: '/v1/me', headers: stranger.auth });
    t.equal(strangerMe.json().role, 'admin', 'and nothing happened to them');
  });

  t.test('when a member is added with a taken email, then 409', async (t) => {
    const org = await signUp(app, 'sales');
    const res = await app.inject({
      method: 'POST',
      url: '/v1/organisation/members',
      headers: org.auth,
      payload: { email: org.email, name: 'Dup', role: 'member', password: PASSWORD },
    });
    t.equal(res.statusCode, 409);
  });
});
