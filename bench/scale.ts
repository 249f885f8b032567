import pg from 'pg';
import { buildServer } from '../services/api/scripts/build.js';
import {
  type ChildServer,
  type LoadResult,
  load,
  type MemorySample,
  ratio,
  report,
  sampleMemory,
  startChild,
  writeResult,
} from './lib.js';
import {
  appRoleUrl,
  captureQueries,
  type ExplainedQuery,
  explainCaptured,
  openServiceReads,
} from './queries.js';
import { type LoadSummary, loadScaleData, scaleIdentity, type Template } from './scale-data.js';
import { benchSecrets, createBenchDatabase, seedDeals, sessionOf, signIn } from './setup.js';

/** Every sales organisation holds this many deals, at every size (see scale-data.ts). */
const DEALS_PER_ORGANISATION = 200;
const PASSWORD = 'benchmark password 1'; // seedDeals' password, hence the template hash's
const CONNECTIONS = [1, 32];
const GOAL = 1.3;

interface Dataset {
  label: string;
  deals: number;
  database: Awaited<ReturnType<typeof createBenchDatabase>>;
  api: ChildServer;
  memory: ReturnType<typeof sampleMemory>;
  summary: LoadSummary;
  organisationId: string;
  userId: string;
  email: string;
  dealId: string;
  token?: string;
  memorySample?: MemorySample;
}

const labelOf = (deals: number) =>
  deals >= 1_000_000 ? `${deals / 1_000_000}M` : deals >= 1000 ? `${deals / 1000}k` : String(deals);

/** A deal made through the API (two organisations, both sides submitted): the rows to copy. */
async function makeTemplate(apiAddress: string, ownerUrl: string): Promise<Template> {
  const seeded = await seedDeals(apiAddress, 1);
  const dealId = seeded.dealIds[0];
  await seeded.call('POST', `/v1/deals/${dealId}/assessment/submit`, seeded.procurement);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select
        (select password_hash from users where email = $2) as "passwordHash",
        k.wrapped_key as "wrappedKey", k.master_key_id as "masterKeyId",
        a.content as "assessmentContent", a.content_fingerprint as "assessmentFingerprint",
        r.algorithm, r.disclosure, r.view_sales::text as "viewSales", r.view_procurement::text as "viewProcurement"
       from deal_keys k
       join assessments a on a.deal_id = k.deal_id and a.side = 'sales'
       join alignment_reports r on r.deal_id = k.deal_id
       where k.deal_id = $1`,
      [dealId, seeded.salesEmail],
    );
    if (!rows[0]) throw new Error('the template deal has no report');
    return rows[0] as Template;
  } finally {
    await client.end();
  }
}

async function buildDataset(deals: number): Promise<Dataset> {
  const label = labelOf(deals);
  const organisations = (2 * deals) / DEALS_PER_ORGANISATION;
  const database = await createBenchDatabase();
  let api: ChildServer | undefined;
  try {
    // The API migrates the database on start (as the owner, with the app's migrator).
    api = await startChild(await buildServer(), {
      DATABASE_URL: database.url,
      ...benchSecrets(),
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'info',
      // What is measured is how the database's work grows with its size: every read must reach it.
      READ_CACHE_MAX_ENTRIES: '0',
    });
    const template = await makeTemplate(api.address, database.url);
    console.log(
      `scale ${label}: ${organisations.toLocaleString('en-US')} organisations, ${deals.toLocaleString('en-US')} deals into ${database.name}`,
    );
    const summary = await loadScaleData(
      database.url,
      { organisations, dealsPerOrganisation: DEALS_PER_ORGANISATION },
      template,
      { label: `load ${label}` },
    );
    console.log(`scale ${label}: loaded in ${summary.seconds} s`, summary.rows);
    const identity = await scaleIdentity(database.url, 0);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      `select id from deals where sales_org_id = $1 and report_ready order by id desc limit 1`,
      [identity.organisationId],
    );
    await client.end();
    return {
      label,
      deals,
      database,
      api,
      memory: sampleMemory(api.pid),
      summary,
      organisationId: identity.organisationId,
      userId: `usr_${identity.organisationId.slice(4)}`,
      email: identity.email,
      dealId: rows[0]?.id as string,
    };
  } catch (error) {
    await api?.stop();
    await database.drop();
    throw error;
  }
}

async function getJson(url: string, token: string) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${url} → ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Follows `nextCursor` from the first page to the last; returns the last page's cursor. */
async function deepestCursor(base: string, token: string) {
  let cursor: string | undefined;
  let deepest: string | undefined;
  let pages = 0;
  let before = 0;
  for (;;) {
    const page = await getJson(`${base}/v1/deals${cursor ? `?cursor=${cursor}` : ''}`, token);
    pages++;
    const items = (page.data as unknown[]).length;
    if (!page.nextCursor) return { cursor: deepest, pages, itemsBefore: before };
    before += items;
    deepest = cursor = page.nextCursor as string;
  }
}

/**
 * The same reads at two sizes (default 1,000 and 1,000,000 deals, same organisation-level shape,
 * see scale-data.ts): each size gets its own database, migrated by the API and bulk-loaded in SQL;
 * both APIs stay up and every route is measured on both back to back; then the statements behind
 * each route are captured from the service's code and explained as the app role. Writes
 * bench/results/scale.json and scale-explain.txt. Run alone: node --import tsx bench/scale.ts
 * [--deals=1000,1000000] (the 1M load takes about two minutes on two cores).
 */
export async function benchScale(
  sizes = (process.env.BENCH_SCALE_DEALS ?? '1000,1000000').split(',').map(Number),
  seconds = Number(process.env.BENCH_SECONDS ?? 10),
) {
  const datasets: Dataset[] = [];
  const results: LoadResult[] = [];
  const explained: Record<string, Record<string, ExplainedQuery[]>> = {};
  let plans = '';
  const targets: Record<string, { route: string; path: string }[]> = {};
  try {
    for (const deals of sizes) datasets.push(await buildDataset(deals));

    for (const dataset of datasets) {
      const token = await signIn(dataset.api.address, dataset.email, PASSWORD);
      const deep = await deepestCursor(dataset.api.address, token);
      const alignment = await getJson(`${dataset.api.address}/v1/deals/${dataset.dealId}/alignment`, token);
      if (alignment.status !== 'ready') throw new Error(`no report for ${dataset.dealId}`);
      console.log(
        `scale ${dataset.label}: organisation ${dataset.organisationId}: ${deep.pages} pages of its deals; deep page after ${deep.itemsBefore}; report deal ${dataset.dealId}`,
      );
      targets[dataset.label] = [
        { route: 'GET /v1/deals (first page)', path: '/v1/deals' },
        {
          route: `GET /v1/deals (deep page: after ${deep.itemsBefore})`,
          path: `/v1/deals?cursor=${deep.cursor}`,
        },
        { route: 'GET /v1/deals/{id}', path: `/v1/deals/${dataset.dealId}` },
        { route: 'GET /v1/deals/{id}/alignment', path: `/v1/deals/${dataset.dealId}/alignment` },
      ];
      dataset.token = token;
    }

    // Interleaved: each route at each level on every dataset back to back, so that whatever
    // else the machine is doing weighs on both sides of a comparison alike.
    const routeCount = targets[datasets[0]?.label ?? '']?.length ?? 0;
    for (let index = 0; index < routeCount; index++) {
      for (const connections of CONNECTIONS) {
        for (const dataset of datasets) {
          const target = targets[dataset.label]?.[index];
          if (!target) continue;
          dataset.memory.phase();
          const result = await load(`${target.route} @ ${dataset.label}`, {
            url: `${dataset.api.address}${target.path}`,
            connections,
            seconds,
            headers: { authorization: `Bearer ${dataset.token}` },
            cpu: { serverPid: dataset.api.pid, database: dataset.database.name },
            onMeasureStart: () => dataset.memory.phase(),
          });
          result.peakRssMiB = dataset.memory.phase();
          results.push(result);
          console.log(
            `  ${result.name} × ${connections}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
          );
        }
      }
    }

    // The queries behind each route, captured from the service's own code, then explained as
    // the app role with app.org_id set.
    for (const dataset of datasets) {
      const reads = await openServiceReads(dataset.database.url);
      const principal = {
        kind: 'user' as const,
        id: dataset.userId,
        organisationId: dataset.organisationId,
        sessionId: sessionOf(dataset.token ?? ''),
      };
      const deep = targets[dataset.label]?.[1]?.path.split('cursor=')[1];
      const routes: Record<string, () => Promise<unknown>> = {
        'GET /v1/deals (first page)': () => reads.listDeals(principal),
        'GET /v1/deals (deep page)': () => reads.listDeals(principal, deep),
        'GET /v1/deals/{id}': () => reads.getDeal(principal, dataset.dealId),
        'GET /v1/deals/{id}/alignment': () => reads.getAlignment(principal, dataset.dealId),
      };
      explained[dataset.label] = {};
      try {
        for (const [route, read] of Object.entries(routes)) {
          await read();
          const queries = await captureQueries(read);
          const explains = await explainCaptured(
            appRoleUrl(dataset.database.url),
            dataset.organisationId,
            queries,
          );
          (explained[dataset.label] as Record<string, ExplainedQuery[]>)[route] = explains;
          plans += `\n${'='.repeat(100)}\n${route} @ ${dataset.label} (${dataset.deals.toLocaleString('en-US')} deals)\n`;
          plans += `statements sent per request: ${queries.length} (${queries.map((q) => q.text.split(/\s+/).slice(0, 2).join(' ')).join(' | ')})\n`;
          for (const explain of explains) {
            plans += `\n--- ${explain.sql}\n--- parameters: ${JSON.stringify(explain.parameters)}\n${explain.plan}\n`;
          }
        }
      } finally {
        await reads.close();
      }
    }
  } finally {
    for (const dataset of datasets) {
      dataset.memorySample = dataset.memory.stop();
      await dataset.api.stop();
      await dataset.database.drop();
    }
  }

  const [small, large] = datasets;
  const comparisons =
    small && large
      ? (targets[small.label] ?? []).flatMap((target, index) =>
          CONNECTIONS.map((connections) => {
            const at = (dataset: Dataset) =>
              results.find(
                (r) =>
                  r.connections === connections &&
                  r.name === `${targets[dataset.label]?.[index]?.route} @ ${dataset.label}`,
              );
            const a = at(small);
            const b = at(large);
            return {
              route: target.route.replace(/ \(deep page: .*\)/, ' (deep page)'),
              connections,
              [`p50Ms ${small.label}`]: a?.p50Ms,
              [`p50Ms ${large.label}`]: b?.p50Ms,
              p50Ratio: ratio(b?.p50Ms, a?.p50Ms),
              p99Ratio: ratio(b?.p99Ms, a?.p99Ms),
              [`req/s ${small.label}`]: a?.requestsPerSecond,
              [`req/s ${large.label}`]: b?.requestsPerSecond,
              throughputRatio: ratio(a?.requestsPerSecond, b?.requestsPerSecond),
              cpuRatio: ratio(b?.cpuMsPerRequest?.total, a?.cpuMsPerRequest?.total),
              dbCpuRatio: ratio(b?.cpuMsPerRequest?.database, a?.cpuMsPerRequest?.database),
              goal: GOAL,
            };
          }),
        )
      : [];
  const explainSummary = Object.fromEntries(
    Object.entries(explained).map(([label, routes]) => [
      label,
      Object.fromEntries(
        Object.entries(routes).map(([route, explains]) => [
          route,
          explains.map((e) => ({
            sql: e.sql.length > 160 ? `${e.sql.slice(0, 160)}…` : e.sql,
            planningMs: e.planningMs,
            executionMs: e.executionMs,
            sharedHit: e.sharedHit,
            sharedRead: e.sharedRead,
          })),
        ]),
      ),
    ]),
  );
  const plansFile = writeResult(
    'scale-explain.txt',
    `EXPLAIN (ANALYZE, BUFFERS) of the statements behind each measured route, captured from the service's\n` +
      `code and run as common_ground_app with app.org_id set (row-level security applied), after two warm runs.\n` +
      `Measured ${new Date().toISOString()}.\n${plans}`,
  );
  report('scale', results, {
    seconds,
    datasets: datasets.map((d) => ({
      label: d.label,
      deals: d.deals,
      shape: d.summary.shape,
      loadSeconds: d.summary.seconds,
      rows: d.summary.rows,
      tableSizesMiB: d.summary.tableSizesMiB,
      measuredOrganisation: d.organisationId,
      reportDeal: d.dealId,
      memory: d.memorySample,
    })),
    comparisons,
    explain: explainSummary,
    plansFile: 'bench/results/scale-explain.txt',
  });
  if (comparisons.length) {
    console.table(
      comparisons.map((c) => ({
        route: c.route,
        connections: c.connections,
        [`p50 ${small?.label}`]: c[`p50Ms ${small?.label}`],
        [`p50 ${large?.label}`]: c[`p50Ms ${large?.label}`],
        'p50 ratio': c.p50Ratio,
        'req/s ratio': c.throughputRatio,
        'CPU/req ratio': c.cpuRatio,
      })),
    );
    console.log(`goal: ${large?.label} within ${GOAL}× of ${small?.label}; plans in ${plansFile}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argument = process.argv.find((arg) => arg.startsWith('--deals='));
  await benchScale(argument ? argument.slice('--deals='.length).split(',').map(Number) : undefined);
}
