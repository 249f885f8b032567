import pg from 'pg';

/**
 * The bulk loader of the scale benchmark: organisations, their users, deals, data keys,
 * assessments, submissions and alignment reports, generated in SQL (`INSERT … SELECT
 * generate_series`) by the migration owner into a database the app's migrator has migrated.
 *
 * Shape, identical at every size (only the number of organisations changes):
 * - organisations alternate sales / procurement; each has one admin user;
 * - deal n belongs to sales organisation `n % S` (S = organisations / 2) as its `j = n / S`-th
 *   deal, so every sales organisation has exactly `dealsPerOrganisation` deals, spread over the
 *   whole table and a year of ids (not clustered: an organisation's deals are interleaved with
 *   everyone else's, as they would be after a year of use);
 * - the counterparty is a pseudo-random procurement organisation, so procurement organisations
 *   also hold `dealsPerOrganisation` deals on average, with more and more distinct partners as
 *   the number of organisations grows (a scale effect the benchmark is meant to see);
 * - a deal's status, rounds, report versions and assessments depend only on (its sales
 *   organisation, j): sales organisation 0 — the one measured — has the very same deals in every
 *   dataset.
 *
 * Statuses: 15 % awaiting the counterparty, 40 % assessing (sales submitted in half of them,
 * both sides hold a draft in half), 30 % aligned, 8 % won, 5 % lost, 2 % withdrawn. Deals that
 * reached a report (aligned, won, lost) have 1 report version (70 %), 2 (20 %) or 3 (10 %), with
 * both sides' submissions for each version. Bulk rows copy the ciphertext, wrapped key and report
 * views of a template deal made through the API: the reports are valid responses; the copied
 * ciphertexts are the right size but bound to the template deal, so they do not decrypt for the
 * bulk deals (the measured routes never decrypt). Timeline and audit events are not generated:
 * the measured queries do not read them.
 */
export interface ScaleShape {
  organisations: number;
  dealsPerOrganisation: number;
}

export interface Template {
  passwordHash: string;
  wrappedKey: string;
  masterKeyId: string;
  assessmentContent: string;
  assessmentFingerprint: string;
  algorithm: string;
  disclosure: string;
  viewSales: string;
  viewProcurement: string;
}

/** The first id millisecond and the span the bulk ids cover (one year, ending a day ago). */
const SPAN_MS = 365 * 86_400_000;

export const totalDeals = (shape: ScaleShape) => (shape.organisations / 2) * shape.dealsPerOrganisation;

/** SQL expression of organisation `o`'s id (o even: sales, odd: procurement). */
const orgId = (o: string) =>
  `'org_' || lpad(to_hex(1700000000000::bigint + ${o}), 12, '0') || substr(md5('o' || ${o}), 1, 14)`;

/**
 * Per-deal attributes for deals [$1, $2), as a CTE body. $3 = S (sales organisations),
 * $4 = first id millisecond, $5 = milliseconds between two consecutive deals.
 */
const DEALS_CTE = `
  base as (
    select n, n % $3 as s, n / $3 as j, hashint4(n) & 2147483647 as h
    from generate_series($1::int, $2::int - 1) as n
  ),
  shaped as (
    select base.*, (hashint8(s::bigint * 1000003 + j) & 2147483647) % 1000 as shape,
      (hashint8(j::bigint * 7919 + s) & 2147483647) % 100 as extra
    from base
  ),
  d as (
    select
      n, s, j,
      'deal_' || lpad(to_hex($4::bigint + n::bigint * $5::bigint), 12, '0') || substr(md5('d' || n), 1, 14) as id,
      ${orgId('2 * s')} as sales_org_id,
      ${orgId('2 * (h % $3) + 1')} as procurement_org,
      case
        when shape < 150 then 'awaiting_counterparty'
        when shape < 550 then 'assessing'
        when shape < 850 then 'aligned'
        when shape < 930 then 'won'
        when shape < 980 then 'lost'
        else 'withdrawn'
      end as status,
      case when extra < 70 then 1 when extra < 90 then 2 else 3 end as versions,
      shape % 2 = 0 as flag,
      to_timestamp(($4::bigint + n::bigint * $5::bigint) / 1000.0) as created_at
    from shaped
  )`;

function batchSql(t: Template) {
  const lit = (value: string) => `'${value.replaceAll("'", "''")}'`;
  return `
  with ${DEALS_CTE},
  new_deals as (
    insert into deals (id, title, description, value_amount, value_currency, expected_decision_at, status,
      sales_org_id, procurement_org_id, created_by_org_id, created_at, updated_at, closed_at, version, round,
      round_budget, report_ready, sales_round_revision, procurement_round_revision, sales_revision, procurement_revision)
    select id, 'Bench deal ' || n,
      case when flag then 'Renewal of the ' || (n % 97) || ' service contract, with a review of the terms agreed last year and of the service levels.' end,
      ((n % 5000) * 100 + 1000)::numeric(15, 2), 'EUR',
      created_at + interval '90 days',
      status, sales_org_id,
      case when status = 'awaiting_counterparty' then null else procurement_org end,
      sales_org_id, created_at, created_at + interval '1 day',
      case when status in ('won', 'lost', 'withdrawn') then created_at + interval '60 days' end,
      case when status in ('aligned', 'won', 'lost') then 3 + 2 * versions else 2 end,
      case when status in ('aligned', 'won', 'lost') then versions else 1 end,
      5,
      status in ('aligned', 'won', 'lost'),
      case when status in ('aligned', 'won', 'lost') then versions when status = 'assessing' and flag then 1 end,
      case when status in ('aligned', 'won', 'lost') then versions end,
      case when status in ('aligned', 'won', 'lost') then versions when status = 'assessing' and flag then 1 end,
      case when status in ('aligned', 'won', 'lost') then versions end
    from d
    returning 1
  ),
  new_keys as (
    insert into deal_keys (deal_id, wrapped_key, master_key_id, created_at)
    select id, ${lit(t.wrappedKey)}, ${lit(t.masterKeyId)}, created_at from d
    returning 1
  ),
  sides as (
    select d.*, side.name as side,
      case side.name when 'sales' then sales_org_id else procurement_org end as organisation_id
    from d cross join (values ('sales'), ('procurement')) as side (name)
    where status <> 'awaiting_counterparty'
      and (side.name = 'sales' or status <> 'assessing' or flag or n % 3 = 0)
  ),
  new_assessments as (
    insert into assessments (deal_id, side, organisation_id, content, content_fingerprint, status, etag, created_at, updated_at)
    select id, side, organisation_id, ${lit(t.assessmentContent)}, ${lit(t.assessmentFingerprint)},
      case when status = 'assessing' and not (side = 'sales' and flag) then 'draft' else 'submitted' end,
      2 + versions, created_at + interval '2 days', created_at + interval '3 days'
    from sides
    returning 1
  ),
  reported as (
    select d.*, version
    from d cross join lateral generate_series(1, d.versions) as version
    where status in ('aligned', 'won', 'lost')
  ),
  new_submissions as (
    insert into assessment_submissions (deal_id, side, revision, organisation_id, round, content, content_fingerprint, submitted_at)
    select id, side.name, version, case side.name when 'sales' then sales_org_id else procurement_org end, version,
      ${lit(t.assessmentContent)}, ${lit(t.assessmentFingerprint)}, created_at + version * interval '5 days'
    from reported cross join (values ('sales'), ('procurement')) as side (name)
    returning 1
  ),
  new_reports as (
    insert into alignment_reports (deal_id, version, round, algorithm, computed_at, based_on_sales,
      based_on_procurement, disclosure, view_sales, view_procurement)
    select id, version, version, ${lit(t.algorithm)}, created_at + version * interval '5 days', version, version,
      ${lit(t.disclosure)}, ${lit(t.viewSales)}::jsonb, ${lit(t.viewProcurement)}::jsonb
    from reported
    returning 1
  )
  select (select count(*) from new_deals)::int as deals,
    (select count(*) from new_keys)::int as keys,
    (select count(*) from new_assessments)::int as assessments,
    (select count(*) from new_submissions)::int as submissions,
    (select count(*) from new_reports)::int as reports`;
}

/** A progress bar on stdout: redrawn in place on a terminal, a line per 10 % otherwise. */
export function progressBar(label: string, total: number) {
  const started = performance.now();
  const tty = process.stdout.isTTY;
  let lastTenth = -1;
  return (done: number, note = '') => {
    const fraction = total ? done / total : 1;
    const width = 30;
    const filled = Math.round(fraction * width);
    const seconds = (performance.now() - started) / 1000;
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${seconds.toFixed(1)} s ${note}`;
    if (tty) process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (Math.floor(fraction * 10) > lastTenth || done >= total) {
      lastTenth = Math.floor(fraction * 10);
      console.log(line);
    }
  };
}

export interface LoadSummary {
  shape: ScaleShape;
  seconds: number;
  rows: Record<string, number>;
  tableSizesMiB: Record<string, number>;
}

/**
 * Loads the dataset as the migration owner. Triggers (foreign-key checks included) are off for
 * the loading session (`session_replication_role = replica`, what pg_restore does); the loader
 * checks the foreign keys itself afterwards, then VACUUM ANALYZE gives the planner its
 * statistics and the visibility map, as autovacuum would in production.
 */
export async function loadScaleData(
  ownerUrl: string,
  shape: ScaleShape,
  template: Template,
  options: { batchDeals?: number; label?: string } = {},
): Promise<LoadSummary> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const label = options.label ?? 'load';
  try {
    await client.query(`set session_replication_role = replica`);
    await client.query(`set synchronous_commit = off`);
    await client.query(`set statement_timeout = 0`);
    await client.query(`set maintenance_work_mem = '256MB'`);
    const salesOrgs = shape.organisations / 2;
    if (!Number.isInteger(salesOrgs)) throw new Error('organisations must be even');
    const deals = totalDeals(shape);

    await client.query(
      `insert into organisations (id, name, side, created_at)
       select ${orgId('o')}, 'Scale organisation ' || o, case when o % 2 = 0 then 'sales' else 'procurement' end,
         now() - interval '400 days'
       from generate_series(0, $1::int - 1) as o`,
      [shape.organisations],
    );
    await client.query(
      `insert into users (id, organisation_id, email, name, role, password_hash, created_at, updated_at)
       select 'usr_' || substr(${orgId('o')}, 5), ${orgId('o')}, 'user' || o || '@scale.example', 'User ' || o,
         'admin', $2, now() - interval '400 days', now() - interval '400 days'
       from generate_series(0, $1::int - 1) as o`,
      [shape.organisations, template.passwordHash],
    );

    const rows: Record<string, number> = { organisations: shape.organisations, users: shape.organisations };
    const batch = options.batchDeals ?? 20_000;
    const firstMs = Date.now() - 86_400_000 - SPAN_MS;
    const stepMs = Math.max(1, Math.floor(SPAN_MS / deals));
    const sql = batchSql(template);
    const draw = progressBar(label, deals);
    draw(0);
    // Two loading sessions (the machine has two cores), each taking the next batch of deals.
    let next = 0;
    let done = 0;
    const worker = async (session: pg.Client) => {
      for (let from = next; from < deals; from = next) {
        next = from + batch;
        const to = Math.min(deals, from + batch);
        const { rows: counts } = await session.query(sql, [from, to, salesOrgs, firstMs, stepMs]);
        for (const [table, count] of Object.entries(counts[0] as Record<string, number>))
          rows[table] = (rows[table] ?? 0) + count;
        done += to - from;
        draw(done);
      }
    };
    const second = new pg.Client({ connectionString: ownerUrl });
    await second.connect();
    try {
      await second.query(
        `set session_replication_role = replica; set synchronous_commit = off; set statement_timeout = 0`,
      );
      await Promise.all([worker(client), worker(second)]);
    } finally {
      await second.end();
    }

    // The loader's own foreign-key check (triggers were off): every reference must resolve.
    const { rows: dangling } = await client.query(`
      select
        (select count(*) from deals d where not exists (select 1 from organisations o where o.id = d.sales_org_id))
        + (select count(*) from deals d where d.procurement_org_id is not null
             and not exists (select 1 from organisations o where o.id = d.procurement_org_id))
        + (select count(*) from assessments a where not exists (select 1 from deals d where d.id = a.deal_id))
        + (select count(*) from alignment_reports r where not exists (select 1 from deals d where d.id = r.deal_id))
        as dangling`);
    if (Number(dangling[0]?.dangling) !== 0)
      throw new Error(`bulk data has ${dangling[0]?.dangling} dangling references`);

    // What the deals trigger records for each pair of parties (triggers were off): who may see
    // whose name (migration 2026_11_29_160000_organisation_partners).
    await client.query(`
      insert into organisation_partners (organisation_id, partner_id)
      select sales_org_id, procurement_org_id from deals where procurement_org_id is not null
      union
      select procurement_org_id, sales_org_id from deals where procurement_org_id is not null
      on conflict do nothing`);

    await client.query(`set session_replication_role = origin`);
    const vacuumStarted = performance.now();
    process.stdout.write(`${label}: vacuum analyze… `);
    await client.query('vacuum (analyze)');
    console.log(`${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);

    const { rows: sizes } = await client.query(`
      select relname as table, pg_total_relation_size(oid) as bytes
      from pg_class
      where relname in ('organisations', 'users', 'deals', 'deal_keys', 'assessments', 'assessment_submissions', 'alignment_reports')
      order by relname`);
    const tableSizesMiB = Object.fromEntries(
      sizes.map((row: { table: string; bytes: string }) => [
        row.table,
        Math.round(Number(row.bytes) / 2 ** 20),
      ]),
    );
    return { shape, seconds: Math.round((performance.now() - started) / 100) / 10, rows, tableSizesMiB };
  } finally {
    await client.end();
  }
}

/** Organisation `o`'s id and its user's email, as the loader makes them. */
export async function scaleIdentity(ownerUrl: string, o: number) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`select ${orgId('$1::int')} as id`, [o]);
    return { organisationId: rows[0].id as string, email: `user${o}@scale.example` };
  } finally {
    await client.end();
  }
}
