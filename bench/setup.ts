import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const BENCH_SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway PostgreSQL database for one benchmark run. */
export async function createBenchDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `cg_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export const benchSecrets = () => ({
  JWT_SECRET: randomBytes(32).toString('base64url'),
  MASTER_KEY: randomBytes(32).toString('base64'),
});

/** A password-grant access token (Argon2-checked: about as slow as a sign-in). */
/** The sign-in session an access token belongs to (its `sid` claim), for reads made by hand. */
export const sessionOf = (accessToken: string): string =>
  JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')).sid;

export async function signIn(base: string, email: string, password: string): Promise<string> {
  const token = await call(base, 'POST', '/v1/auth/token', undefined, {
    grant_type: 'password',
    username: email,
    password,
  });
  return token.access_token as string;
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export const sampleAssessment = (seed: number) => ({
  objectives: [
    { category: ['business_value', 'cost_savings', 'quality'][seed % 3], note: 'private note' },
    { category: 'long_term_partnership' },
    { category: 'speed_to_value' },
  ],
  risks: {
    operational: { likelihood: 1 + (seed % 5), impact: 3 },
    financial: { likelihood: 2, impact: 2 },
    informationSecurity: { likelihood: 3, impact: 1 + (seed % 5) },
  },
  nature: { supplyRisk: 4, businessImpact: 4 },
  disclosure: 'detailed',
});

/** Two organisations, a token each, and `deals` shared deals with the sales side submitted. */
export async function seedDeals(base: string, deals: number) {
  const suffix = randomBytes(4).toString('hex');
  const password = 'benchmark password 1';
  const emailOf = (side: 'sales' | 'procurement') => `${side}-${suffix}@bench.example`;
  const sign = async (side: 'sales' | 'procurement') => {
    await call(base, 'POST', '/v1/signup', undefined, {
      organisation: { name: `${side} ${suffix}`, side },
      user: { email: emailOf(side), name: side, password },
    });
    return signIn(base, emailOf(side), password);
  };
  const sales = await sign('sales');
  const procurement = await sign('procurement');
  const ids: string[] = [];
  for (let i = 0; i < deals; i++) {
    const deal = await call(base, 'POST', '/v1/deals', sales, { title: `Bench deal ${i}` });
    const { code } = await call(base, 'POST', `/v1/deals/${deal.id}/invitations`, sales);
    await call(base, 'POST', '/v1/invitations/accept', procurement, { code });
    await call(base, 'PUT', `/v1/deals/${deal.id}/assessment`, sales, sampleAssessment(i));
    await call(base, 'POST', `/v1/deals/${deal.id}/assessment/submit`, sales);
    await call(base, 'PUT', `/v1/deals/${deal.id}/assessment`, procurement, sampleAssessment(i + 1));
    ids.push(deal.id);
  }
  return {
    sales,
    procurement,
    dealIds: ids,
    password,
    salesEmail: emailOf('sales'),
    procurementEmail: emailOf('procurement'),
    call: (method: string, path: string, token?: string, body?: unknown) =>
      call(base, method, path, token, body),
  };
}
