import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const PASSWORD = 'correct horse battery staple';

export interface SignedUp {
  organisation: { id: string; name: string; side: 'sales' | 'procurement' };
  user: { id: string; email: string; name: string; role: string; emailVerified: boolean };
  email: string;
  accessToken: string;
  refreshToken: string;
  auth: { authorization: string };
}

export const uniqueEmail = (label = 'user') => `${label}-${randomBytes(6).toString('hex')}@example.test`;

/** Signs up a new organisation (a tenant of its own, so tests never share data) and signs in. */
export async function signUp(
  app: FastifyInstance,
  side: 'sales' | 'procurement',
  options: { name?: string; email?: string } = {},
): Promise<SignedUp> {
  const email = options.email ?? uniqueEmail(side);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/signup',
    payload: {
      organisation: {
        name: options.name ?? `${side === 'sales' ? 'Supplier' : 'Buyer'} ${randomBytes(3).toString('hex')}`,
        side,
      },
      user: { email, name: 'First Admin', password: PASSWORD },
    },
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  const tokens = await login(app, email);
  return { ...res.json(), email, ...tokens };
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD) {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/auth/token',
    payload: { grant_type: 'password', username: email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return {
    accessToken: body.access_token as string,
    refreshToken: body.refresh_token as string,
    auth: { authorization: `Bearer ${body.access_token}` },
  };
}

/** Adds a member with the given role to the admin's organisation and signs them in. */
export async function addMember(app: FastifyInstance, admin: SignedUp, role: 'admin' | 'member' | 'viewer') {
  const email = uniqueEmail(role);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/organisation/members',
    headers: admin.auth,
    payload: { email, name: `A ${role}`, role, password: PASSWORD },
  });
  if (res.statusCode !== 201) throw new Error(`add member failed: ${res.statusCode} ${res.body}`);
  return {
    member: res.json() as { id: string; email: string; role: string },
    email,
    ...(await login(app, email)),
  };
}

/** Creates an API client with the given scopes and gets it a token. */
export async function createClient(app: FastifyInstance, admin: SignedUp, scopes: string[]) {
  const created = await app.inject({
    method: 'POST',
    url: '/v1/api-clients',
    headers: admin.auth,
    payload: { name: `client ${scopes.join(',')}`, scopes },
  });
  if (created.statusCode !== 201)
    throw new Error(`create client failed: ${created.statusCode} ${created.body}`);
  const client = created.json() as { id: string; clientId: string; clientSecret: string };
  const token = await app.inject({
    method: 'POST',
    url: '/v1/auth/token',
    payload: {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    },
  });
  if (token.statusCode !== 200) throw new Error(`client token failed: ${token.statusCode} ${token.body}`);
  return { client, auth: { authorization: `Bearer ${token.json().access_token}` } };
}
