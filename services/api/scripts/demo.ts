/**
 * `pnpm demo`: fills a new DATA_DIR with a supplier and a buyer and deals at every stage, through
 * the public API of the real service (the app on the embedded database, driven with `inject`), so
 * that `pnpm start` on that folder has something to show. Refuses a folder that already holds
 * anything. The secrets it generates are kept in the folder (`secrets.json`) as `pnpm start`
 * keeps them: the server it starts next reads the same data with the same keys.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from '@cg/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { PGLITE_TEMPLATE_DIR, pgliteTemplateKey } from './build.js';

export class DemoRefusedError extends Error {
  constructor(dataDir: string) {
    super(
      `DATA_DIR ${dataDir} already holds data: the demo only fills a new, empty folder. Give it another one, e.g. DATA_DIR=./.demo pnpm demo (or remove this one if its data may go).`,
    );
    this.name = 'DemoRefusedError';
  }
}

export interface DemoAccount {
  organisation: string;
  side: 'sales' | 'procurement';
  email: string;
  password: string;
}

export interface DemoDeal {
  id: string;
  title: string;
  /** The stage it was left at, as the API reports it. */
  status: string;
  round: number;
  milestones: number;
}

export interface DemoResult {
  dataDir: string;
  supplier: DemoAccount;
  buyer: DemoAccount;
  deals: DemoDeal[];
  /** The invitation the buyer has not accepted yet (the first deal's). */
  pendingInvitationCode: string;
}

/** A password that passes the policy (zxcvbn score ≥ 3): three random words' worth of entropy. */
const demoPassword = () => `demo-${randomBytes(9).toString('base64url')}`;

type Side = 'sales' | 'procurement';

function assessment(variant: number) {
  const level = (n: number) => 1 + ((n + variant) % 5);
  return {
    objectives: [
      { category: variant % 2 ? 'cost_savings' : 'business_value' },
      { category: 'quality' },
      { category: 'long_term_partnership' },
    ],
    risks: {
      operational: { likelihood: level(1), impact: 3 },
      financial: { likelihood: 2, impact: level(2) },
      informationSecurity: { likelihood: level(3), impact: 4 },
    },
    nature: { supplyRisk: 4, businessImpact: 4 },
    disclosure: 'detailed',
  };
}

/** Fills `dataDir` (which must be missing or empty) and returns what it made. */
export async function fillDemo(dataDir: string): Promise<DemoResult> {
  let entries: string[] = [];
  try {
    entries = readdirSync(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (entries.length > 0) throw new DemoRefusedError(path.resolve(dataDir));

  const config = {
    ...loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: undefined }),
    WEBHOOK_WORKER_ENABLED: false,
    RATE_LIMIT_ENABLED: false,
  };
  const database = await openPglite({
    dataDir: path.join(dataDir, 'pgdata'),
    template: { dir: PGLITE_TEMPLATE_DIR, key: pgliteTemplateKey() },
  });
  const logger = createLogger({
    level: 'warn',
    destination: { write: (line) => process.stderr.write(line) },
  });
  const app = await buildApp({ config, database, logger });
  try {
    await app.ready();
    return await fill(app, path.resolve(dataDir));
  } finally {
    await app.close();
    await database.close();
  }
}

/** The public API driven with `inject`: a call's answer as JSON, or an error for any status from 300. */
function apiCaller(app: FastifyInstance) {
  return async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    token: string | undefined,
    payload?: unknown,
  ) => {
    const res = await app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (res.statusCode >= 300)
      throw new Error(`demo: ${method} ${url} answered ${res.statusCode}: ${res.body}`);
    return res.body ? res.json() : undefined;
  };
}

type ApiCall = ReturnType<typeof apiCaller>;

/** Signs up an organisation with its admin, and returns the account and the admin's access token. */
async function signUp(
  call: ApiCall,
  organisation: string,
  side: Side,
  email: string,
): Promise<[DemoAccount, string]> {
  const password = demoPassword();
  await call('POST', '/v1/signup', undefined, {
    organisation: { name: organisation, side },
    user: { email, name: side === 'sales' ? 'Sam Supplier' : 'Bea Buyer', password },
  });
  const token = await call('POST', '/v1/auth/token', undefined, {
    grant_type: 'password',
    username: email,
    password,
  });
  return [{ organisation, side, email, password }, token.access_token as string];
}

/** What the demo does to a deal, the supplier (`sales`) owning it and the buyer joining it. */
function dealSteps(call: ApiCall, tokenOf: Record<Side, string>) {
  const { sales, procurement } = tokenOf;
  const invite = async (id: string) =>
    ((await call('POST', `/v1/deals/${id}/invitations`, sales)) as { code: string }).code;
  return {
    invite,
    create: async (title: string, value: number) =>
      (
        (await call('POST', '/v1/deals', sales, {
          title,
          description: 'Demo data made by `pnpm demo`.',
          value: { amount: value, currency: 'EUR' },
          expectedDecisionAt: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        })) as { id: string }
      ).id,
    join: async (id: string) =>
      call('POST', '/v1/invitations/accept', procurement, { code: await invite(id) }),
    submit: async (id: string, side: Side, variant: number) => {
      await call('PUT', `/v1/deals/${id}/assessment`, tokenOf[side], assessment(variant));
      return call('POST', `/v1/deals/${id}/assessment/submit`, tokenOf[side]);
    },
    /** Returns how many it added, for the summary. */
    milestones: async (id: string, items: [string, Side, string][]) => {
      for (const [title, ownerSide, status] of items) {
        await call('POST', `/v1/deals/${id}/milestones`, sales, {
          title,
          ownerSide,
          status,
          dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        });
      }
      return items.length;
    },
    close: (id: string, status: 'won' | 'lost') => call('PATCH', `/v1/deals/${id}`, sales, { status }),
  };
}

/** One deal left at each stage, in order; returns their ids with their milestone counts. */
async function dealsAtEveryStage(steps: ReturnType<typeof dealSteps>) {
  const { create, invite, join, submit, milestones } = steps;
  const counts = new Map<string, number>();

  // 1. Awaiting the counterparty: invited, not joined.
  const waiting = await create('Fleet telematics rollout', 180_000);
  const pendingInvitationCode = await invite(waiting);
  counts.set(waiting, await milestones(waiting, [['Send the invitation to procurement', 'sales', 'done']]));

  // 2. Assessing: both joined, the supplier has submitted, the buyer has not.
  const assessing = await create('Warehouse robotics pilot', 420_000);
  await join(assessing);
  await submit(assessing, 'sales', 1);
  counts.set(
    assessing,
    await milestones(assessing, [
      ['Supplier assessment', 'sales', 'done'],
      ['Buyer assessment', 'procurement', 'open'],
    ]),
  );

  // 3. A report after three rounds: each round closes on both submissions, the next opens on a change.
  const aligned = await create('Packaging materials framework', 95_000);
  await join(aligned);
  for (let round = 0; round < 3; round++) {
    await submit(aligned, 'sales', 2 + round);
    await submit(aligned, 'procurement', 7 + round);
  }
  counts.set(
    aligned,
    await milestones(aligned, [
      ['Review the alignment report together', 'sales', 'open'],
      ['Security questionnaire', 'procurement', 'blocked'],
      ['Reference call', 'procurement', 'done'],
    ]),
  );

  // 4. Closed, won: aligned after one round, then closed by the supplier.
  const won = await create('Spare parts logistics', 260_000);
  await join(won);
  await submit(won, 'sales', 3);
  await submit(won, 'procurement', 4);
  counts.set(
    won,
    await milestones(won, [
      ['Contract signed', 'procurement', 'done'],
      ['Kick-off', 'sales', 'open'],
    ]),
  );
  await steps.close(won, 'won');

  return { counts, pendingInvitationCode };
}

/** The deals as the API reports them now, so the summary shows what the server will show. */
async function readDeals(call: ApiCall, token: string, counts: ReadonlyMap<string, number>) {
  const deals: DemoDeal[] = [];
  for (const [id, milestones] of counts) {
    const read = (await call('GET', `/v1/deals/${id}`, token)) as {
      title: string;
      status: string;
      round: { number: number };
    };
    deals.push({ id, title: read.title, status: read.status, round: read.round.number, milestones });
  }
  return deals;
}

async function fill(app: FastifyInstance, dataDir: string): Promise<DemoResult> {
  const call = apiCaller(app);
  const [supplier, sales] = await signUp(call, 'Northwind Components', 'sales', 'admin@northwind.example');
  const [buyer, procurement] = await signUp(
    call,
    'Contoso Manufacturing',
    'procurement',
    'admin@contoso.example',
  );
  const { counts, pendingInvitationCode } = await dealsAtEveryStage(dealSteps(call, { sales, procurement }));
  const deals = await readDeals(call, sales, counts);
  return { dataDir, supplier, buyer, deals, pendingInvitationCode };
}

function describe(result: DemoResult): string {
  const relative = path.relative(process.cwd(), result.dataDir) || '.';
  const shown = relative.startsWith('..') ? result.dataDir : `./${relative.replace(/^\.\//, '')}`;
  const env = shown === './.data' ? '' : `DATA_DIR=${shown} `;
  const base = process.env.PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const stage = (d: DemoDeal) =>
    `  ${d.status.padEnd(22)} ${d.title} (round ${d.round}, ${d.milestones} milestone${d.milestones === 1 ? '' : 's'})`;
  return [
    `Demo data written to ${result.dataDir}`,
    '',
    'Deals (owned by the supplier, shared with the buyer):',
    ...result.deals.map(stage),
    `  The first deal's invitation code, for the buyer to accept: ${result.pendingInvitationCode}`,
    '',
    'Sign in:',
    `  Supplier portal  ${base}/supplier  as ${result.supplier.email}  password ${result.supplier.password}`,
    `  Buyer portal     ${base}/buyer  as ${result.buyer.email}  password ${result.buyer.password}`,
    '',
    `Start the server on it:  ${env}pnpm start`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dataDir = process.env.DATA_DIR || './.data';
  try {
    process.stdout.write(describe(await fillDemo(dataDir)));
  } catch (error) {
    if (error instanceof DemoRefusedError || error instanceof ConfigError) {
      process.stderr.write(`pnpm demo: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
