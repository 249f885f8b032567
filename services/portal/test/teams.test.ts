import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import t from 'tap';
import { build } from '../../api/test/helpers/build.js';
import { sharedDeal } from '../../api/test/helpers/deals.js';
import { PASSWORD, type SignedUp } from '../../api/test/helpers/identity.js';
import {
  checkPage,
  type ExpectedFailure,
  fillAssessment,
  launchChromium,
  settled,
  watchConsole,
} from './helpers/browser.js';
import { ensurePortalBuilt, PORTAL_DIR } from './helpers/portal.js';

/*
 * Issue 17 done-when, in Chromium: three people on the buyer side (owner, CISO, finance) and two
 * on the supplier side (owner, account executive) run one deal. The CISO contributes information
 * security only; the buyer's owner reads the side's spread, consolidates and submits; both sides
 * run the plan from a template with tasks and comments; an owner edits the deal. Every page is
 * scanned with axe, and every API answer either side's browsers received is searched for the
 * other side's canaries.
 */

const RESULTS = join(PORTAL_DIR, 'test-results', 'teams');
t.setTimeout(400_000);

const canary = (label: string) => `CANARY-${label}-${randomUUID().slice(0, 8)}`;

interface Person {
  name: string;
  email: string;
}

/** One person's browser, which keeps the body of every API answer it received. */
interface Seat {
  who: string;
  page: Page;
  received: string[];
}

t.test('a buying committee and an account team run one deal in the portals', async (t) => {
  await ensurePortalBuilt();
  await mkdir(RESULTS, { recursive: true });
  const { app } = await build(t, { config: { WEBHOOK_WORKER_ENABLED: false } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}`;
  const { sales, procurement, dealId } = await sharedDeal(app);
  const colleague = async (admin: SignedUp, name: string): Promise<Person> => {
    const email = `${name.toLowerCase().replaceAll(' ', '.')}.${randomUUID().slice(0, 6)}@example.test`;
    const res = await app.inject({
      method: 'POST',
      url: '/v1/organisation/members',
      headers: admin.auth,
      payload: { email, name, role: 'member', password: PASSWORD },
    });
    if (res.statusCode !== 201) throw new Error(`member: ${res.statusCode} ${res.body}`);
    return { name, email };
  };
  const ciso = await colleague(procurement, 'Sam Ciso');
  const finance = await colleague(procurement, 'Fiona Finance');
  const accountExec = await colleague(sales, 'Alex Account');
  const buyerSecrets = {
    ciso: canary('ciso'),
    finance: canary('finance'),
    stakeholder: canary('buyer-map'),
    assessment: canary('buyer-assessment'),
  };
  const supplierSecrets = { assessment: canary('supplier-assessment'), stakeholder: canary('supplier-map') };

  const browser = await launchChromium(t);
  const consoleErrors: string[] = [];
  // A person with no contribution yet reads `…/contributions/mine` as 404 (an empty form).
  const expected: ExpectedFailure[] = [
    { status: 404, path: /^\/v1\/deals\/[^/]+\/(assessment|contributions\/mine)$/ },
  ];
  const seat = async (who: string, portal: 'buyer' | 'supplier', email: string): Promise<Seat> =>
    signIn(browser, base, who, portal, email, consoleErrors, expected);
  const buyerOwner = await seat('buyer owner', 'buyer', procurement.email);
  const cisoSeat = await seat('buyer CISO', 'buyer', ciso.email);
  const financeSeat = await seat('buyer finance', 'buyer', finance.email);
  const supplierOwner = await seat('supplier owner', 'supplier', sales.email);
  const accountSeat = await seat('supplier account executive', 'supplier', accountExec.email);
  const teamUrl = (portal: 'buyer' | 'supplier') =>
    `${base}/${portal}/deals/${encodeURIComponent(dealId)}/team`;
  const dealUrl = (portal: 'buyer' | 'supplier') => `${base}/${portal}/deals/${encodeURIComponent(dealId)}`;

  await t.test('when each owner builds a team, then only the parts asked are asked', async (t) => {
    const page = buyerOwner.page;
    await page.goto(teamUrl('buyer'));
    await page.getByRole('heading', { name: 'Your side’s team' }).waitFor();
    await settled(page);
    await addToTeam(page, ciso.name, ['informationSecurity']);
    await addToTeam(page, finance.name, null);
    t.equal(await page.locator('.table tbody tr').count(), 3, 'the owner and two contributors');
    await checkPage(t, page, RESULTS, 'buyer-team');

    await supplierOwner.page.goto(teamUrl('supplier'));
    await supplierOwner.page.getByRole('heading', { name: 'Your side’s team' }).waitFor();
    await settled(supplierOwner.page);
    await addToTeam(supplierOwner.page, accountExec.name, null);
    t.equal(
      await supplierOwner.page.locator('.table tbody tr').count(),
      2,
      'the supplier sees only its own two',
    );
  });

  await t.test('when the CISO opens the team room, then only information security is asked', async (t) => {
    const page = cisoSeat.page;
    await page.goto(teamUrl('buyer'));
    await page.getByRole('heading', { name: 'Your contribution' }).waitFor();
    await settled(page);
    t.match(
      await page.locator('#contribution-heading + p').textContent(),
      /asked for: Information security risk\./,
    );
    t.equal(await page.getByLabel('Objective 1', { exact: true }).count(), 0, 'no objectives asked');
    t.equal(
      await page.getByLabel('Financial likelihood', { exact: true }).count(),
      0,
      'no financial risk asked',
    );
    t.equal(await page.getByLabel('Supply risk', { exact: true }).count(), 0, 'no nature asked');
    await page.getByLabel('Information security likelihood', { exact: true }).selectOption('5');
    await page.getByLabel('Information security impact', { exact: true }).selectOption('5');
    await page.getByLabel('Information security note (optional)', { exact: true }).fill(buyerSecrets.ciso);
    await page.getByRole('button', { name: 'Save my contribution' }).click();
    await page.getByText('Your contribution is saved.').waitFor();
    t.equal(await page.getByRole('heading', { name: 'Where your side stands' }).count(), 0, 'not shared yet');
    t.equal(
      await page.getByRole('heading', { name: 'Build your side’s assessment' }).count(),
      0,
      'not an owner',
    );
    await checkPage(t, page, RESULTS, 'ciso-contribution');
  });

  await t.test('when finance contributes and adds to the stakeholder map, then both are kept', async (t) => {
    const page = financeSeat.page;
    await page.goto(teamUrl('buyer'));
    await page.getByRole('heading', { name: 'Your contribution' }).waitFor();
    await settled(page);
    await page.getByLabel('Objective 1', { exact: true }).selectOption({ label: 'Business value' });
    await page.getByLabel('Note on objective 1 (optional)', { exact: true }).fill(buyerSecrets.finance);
    await page.getByLabel('Objective 2', { exact: true }).selectOption({ label: 'Quality' });
    await page.getByLabel('Objective 3', { exact: true }).selectOption({ label: 'Long-term partnership' });
    for (const [category, likelihood, impact] of [
      ['Operational', '2', '3'],
      ['Financial', '2', '2'],
      ['Information security', '1', '2'],
    ] as const) {
      await page.getByLabel(`${category} likelihood`, { exact: true }).selectOption(likelihood);
      await page.getByLabel(`${category} impact`, { exact: true }).selectOption(impact);
    }
    await page.getByLabel('Supply risk', { exact: true }).selectOption('4');
    await page.getByLabel('Business impact', { exact: true }).selectOption('4');
    await page.getByRole('button', { name: 'Save my contribution' }).click();
    await page.getByText('Your contribution is saved.').waitFor();

    await page.getByLabel('Name', { exact: true }).fill('Pat Economic');
    await page.getByLabel('Role in the decision', { exact: true }).selectOption({ label: 'Economic buyer' });
    await page.getByLabel('Stance', { exact: true }).selectOption({ label: 'Supportive' });
    await page.getByLabel('Notes (private to your side)', { exact: true }).fill(buyerSecrets.stakeholder);
    await page.getByRole('button', { name: 'Add to the map' }).click();
    await page
      .locator('.board-column', { has: page.locator('#stance-supportive') })
      .locator('.card', { hasText: 'Pat Economic' })
      .waitFor();
    t.pass('the stakeholder is on the board, under supportive');
    await checkPage(t, page, RESULTS, 'finance-contribution-and-map');
  });

  await t.test(
    'when the buyer owner reads the spread, consolidates and submits, then the round opens',
    async (t) => {
      const page = buyerOwner.page;
      await page.goto(teamUrl('buyer'));
      await page.getByRole('heading', { name: 'Where your side stands' }).waitFor();
      await settled(page);
      await page
        .getByText(/Fiona Finance and Sam Ciso differ by 3 bands on information security risk/)
        .waitFor();
      const infosec = page.getByRole('group', { name: 'Information security risk, who stands where' });
      t.match(
        await infosec.locator('.band-critical').textContent(),
        /Sam Ciso/,
        'the CISO stands at critical',
      );
      t.match(await infosec.locator('.band-low').textContent(), /Fiona Finance/, 'finance stands at low');
      await checkPage(t, page, RESULTS, 'buyer-spread');
      await page.getByRole('button', { name: 'Share with the team' }).click();
      await page.getByText('Your contributors see this spread.').waitFor();

      const build = page.getByRole('region', { name: 'Build your side’s assessment' });
      await build.getByLabel('Objectives', { exact: true }).selectOption({ label: 'From Fiona Finance' });
      await page
        .getByLabel('Operational risk', { exact: true })
        .selectOption({ label: 'From Fiona Finance' });
      await build.getByLabel('Financial risk', { exact: true }).selectOption({ label: 'From Fiona Finance' });
      await build
        .getByLabel('Information security risk', { exact: true })
        .selectOption({ label: 'From Sam Ciso' });
      await build
        .getByLabel('Nature of the purchase', { exact: true })
        .selectOption({ label: 'From Fiona Finance' });
      t.equal(
        await build
          .getByLabel('Information security risk', { exact: true })
          .locator('option', { hasText: 'Average' })
          .count(),
        1,
        'two views of information security can be averaged',
      );
      await page.getByRole('button', { name: 'Build the draft' }).click();
      await page.getByText(/Your draft now holds 5 parts built from 2 contributions/).waitFor();

      await page.goto(`${dealUrl('buyer')}/assessment`);
      await page.getByRole('heading', { name: 'Your private assessment' }).waitFor();
      await settled(page);
      t.equal(
        await page.getByLabel('Information security likelihood', { exact: true }).inputValue(),
        '5',
        'the CISO’s view',
      );
      t.equal(
        await page.getByLabel('Objective 1', { exact: true }).inputValue(),
        'business_value',
        'finance’s objectives',
      );
      await page.getByRole('radio', { name: /^Detailed/ }).check();
      await page.getByLabel('Note on objective 2 (optional)', { exact: true }).fill(buyerSecrets.assessment);
      await page.getByText('Everything is filled in: you can submit.').waitFor();
      await page.getByRole('button', { name: 'Submit' }).click();
      await page.locator('.alert-success', { hasText: 'Submitted' }).waitFor();
      t.pass('the owner submitted the consolidated assessment');

      await cisoSeat.page.goto(`${dealUrl('buyer')}/assessment`);
      await cisoSeat.page.getByText(/Only your side’s owners change and submit its assessment/).waitFor();
      t.equal(
        await cisoSeat.page.getByRole('button', { name: 'Submit' }).count(),
        0,
        'a contributor cannot submit',
      );
      await cisoSeat.page.goto(teamUrl('buyer'));
      await cisoSeat.page.getByRole('heading', { name: 'Where your side stands' }).waitFor();
      t.pass('the shared spread reaches the contributor');
    },
  );

  await t.test(
    'when both sides run the plan from a template, then tasks and comments are shared',
    async (t) => {
      const page = accountSeat.page;
      await page.goto(dealUrl('supplier'));
      await page.getByRole('heading', { name: 'Mutual action plan' }).waitFor();
      await settled(page);
      await page
        .getByLabel('Template', { exact: true })
        .selectOption({ label: 'Strategic purchase: 18 months of trust-building' });
      await page.getByRole('button', { name: 'Apply template' }).click();
      await page.getByText(/Added 7 milestones from the template/).waitFor();
      const first = page.locator('.milestone').first();
      await first.getByText('Tasks and comments').click();
      await first
        .locator('.task', { hasText: 'Introduce the people on each side and their roles' })
        .waitFor();
      await first.getByLabel('New task', { exact: true }).fill('Send the security whitepaper');
      await first.getByLabel('Assigned to', { exact: true }).selectOption({ label: 'Alex Account' });
      await first.getByRole('button', { name: 'Add task' }).click();
      await first.locator('.task', { hasText: 'Send the security whitepaper' }).waitFor();
      await first
        .getByRole('textbox', { name: /^Comment/ })
        .fill('Kick-off booked for Tuesday @Fiona Finance');
      await first.getByRole('button', { name: 'Post comment' }).click();
      await first.locator('.comment', { hasText: 'Kick-off booked for Tuesday @Fiona Finance' }).waitFor();
      await page.getByLabel('Template name', { exact: true }).fill('Our enterprise motion');
      await page.getByRole('button', { name: 'Save as template' }).click();
      await page.getByText(/Saved “Our enterprise motion”/).waitFor();
      await page
        .getByLabel('Template', { exact: true })
        .locator('option', { hasText: 'Our enterprise motion' })
        .waitFor({ state: 'attached' });
      t.pass('the saved plan is offered as a template');
      await checkPage(t, page, RESULTS, 'supplier-plan');

      const buyer = financeSeat.page;
      await buyer.goto(dealUrl('buyer'));
      await buyer.getByRole('heading', { name: 'Mutual action plan' }).waitFor();
      await settled(buyer);
      const same = buyer.locator('.milestone').first();
      await same.getByText('Tasks and comments').click();
      await same.locator('.comment', { hasText: 'Kick-off booked for Tuesday @Fiona Finance' }).waitFor();
      await same
        .getByLabel('Status of task Send the security whitepaper', { exact: true })
        .selectOption('done');
      await same.getByText(/1 of 3 tasks done/).waitFor();
      t.pass('the buyer’s finance person completes the supplier’s task, and progress rolls up');
      await same.getByLabel('New task', { exact: true }).fill('Confirm the committee’s availability');
      await same.getByLabel('Assigned to', { exact: true }).selectOption({ label: 'Sam Ciso' });
      await same.getByRole('button', { name: 'Add task' }).click();
      await same.locator('.task', { hasText: 'Confirm the committee’s availability' }).waitFor();
      await same.getByRole('textbox', { name: /^Comment/ }).fill('Whitepaper received, thanks @Alex Account');
      await same.getByRole('button', { name: 'Post comment' }).click();
      await same.locator('.comment', { hasText: 'Whitepaper received' }).waitFor();
      await checkPage(t, buyer, RESULTS, 'buyer-plan');
      await page.reload();
      const theirs = page.locator('.milestone').first();
      await theirs.getByText(/1 of 4 tasks done/).waitFor();
      await theirs.getByText('Tasks and comments').click();
      await theirs.locator('.task', { hasText: 'Confirm the committee’s availability' }).waitFor();
      t.match(
        await theirs.locator('.task', { hasText: 'Confirm the committee’s availability' }).textContent(),
        /Sam Ciso/,
        'the other side sees the name of the person assigned, and only that',
      );
      await theirs.locator('.comment', { hasText: 'Whitepaper received, thanks @Alex Account' }).waitFor();
      t.pass('the supplier sees the buyer’s task, its comment and the progress');
    },
  );

  await t.test(
    'when the supplier owner edits the deal and submits, then the buyer sees the report',
    async (t) => {
      const page = supplierOwner.page;
      await page.goto(dealUrl('supplier'));
      await page.getByRole('button', { name: 'Edit the deal' }).click();
      await page.getByLabel('Deal title', { exact: true }).fill('Fleet telematics, phase one');
      await page.getByLabel('Estimated value', { exact: true }).fill('250000');
      await page.getByLabel('Expected decision', { exact: true }).fill('2027-09-30');
      await page.getByRole('button', { name: 'Save the deal' }).click();
      await page.getByText('The deal is updated for both sides.').waitFor();
      await page.getByRole('heading', { name: 'Fleet telematics, phase one' }).waitFor();
      await checkPage(t, page, RESULTS, 'supplier-deal-edited');

      await page.goto(teamUrl('supplier'));
      await page.getByRole('heading', { name: 'Stakeholder map' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill('Robin Procurement');
      await page.getByLabel('Role in the decision', { exact: true }).selectOption({ label: 'Procurement' });
      await page
        .getByLabel('Notes (private to your side)', { exact: true })
        .fill(supplierSecrets.stakeholder);
      await page.getByRole('button', { name: 'Add to the map' }).click();
      await page.locator('.card', { hasText: 'Robin Procurement' }).waitFor();

      await page.goto(`${dealUrl('supplier')}/assessment`);
      await page.getByRole('heading', { name: 'Your private assessment' }).waitFor();
      await settled(page);
      await fillAssessment(page, {
        objectives: ['Business value', 'Quality', 'Innovation'],
        risks: { Operational: [2, 3], Financial: [2, 2], 'Information security': [3, 4] },
        supplyRisk: 4,
        businessImpact: 4,
        disclosure: 'Detailed',
        notes: [supplierSecrets.assessment],
      });
      await page.getByRole('button', { name: 'Submit' }).click();
      await page.locator('.alert-success', { hasText: 'Submitted' }).waitFor();

      await buyerOwner.page.goto(dealUrl('buyer'));
      await buyerOwner.page.getByRole('heading', { name: 'Fleet telematics, phase one' }).waitFor();
      await buyerOwner.page.getByRole('heading', { name: 'Alignment report' }).waitFor();
      t.pass('the buyer sees the edited deal and the report');
    },
  );

  await t.test('when a deal is created with a plan template, then its plan is there at once', async (t) => {
    const page = buyerOwner.page;
    await page.goto(`${base}/buyer/deals/new`);
    await page.getByRole('heading', { name: 'New deal' }).waitFor();
    await settled(page);
    await page.getByLabel('Title', { exact: true }).fill('Office supplies framework');
    await page.getByLabel('Expected decision date', { exact: true }).fill('2027-06-30');
    await page
      .getByLabel('Mutual action plan', { exact: true })
      .selectOption({ label: 'Commodity purchase: a competitive process' });
    await checkPage(t, page, RESULTS, 'buyer-new-deal-with-plan');
    await page.getByRole('button', { name: 'Create deal' }).click();
    await page.getByRole('heading', { name: 'Office supplies framework', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Mutual action plan' }).waitFor();
    await settled(page);
    t.equal(await page.locator('.milestone').count(), 6, 'the template’s milestones, without applying it');
    t.match(await page.locator('.milestone').last().textContent(), /Award decision/);
  });

  await t.test(
    'when every answer each browser received is searched, then no canary crossed sides',
    async (t) => {
      const buyerSeats = [buyerOwner, cisoSeat, financeSeat];
      const supplierSeats = [supplierOwner, accountSeat];
      for (const reader of supplierSeats) {
        // Read every page the supplier has, so that what they would show is among the answers.
        for (const url of [dealUrl('supplier'), teamUrl('supplier')]) {
          await reader.page.goto(url);
          await settled(reader.page);
        }
      }
      const sweep = (readers: Seat[], secrets: Record<string, string>, side: string) => {
        const answers = readers.flatMap((reader) =>
          reader.received.map((body) => ({ who: reader.who, body })),
        );
        t.ok(answers.length > 20, `${answers.length} answers to ${side} browsers swept`);
        for (const [label, secret] of Object.entries(secrets)) {
          const leaks = answers.filter((answer) => answer.body.includes(secret)).map((answer) => answer.who);
          t.same(leaks, [], `the ${label} canary reached no ${side} browser`);
        }
      };
      sweep(supplierSeats, buyerSecrets, 'supplier');
      sweep(buyerSeats, supplierSecrets, 'buyer');
      t.notOk(
        financeSeat.received.some((body) => body.includes(buyerSecrets.ciso)),
        'a contributor does not receive another contributor’s view either',
      );
      t.ok(
        buyerOwner.received.some((body) => body.includes(buyerSecrets.ciso)),
        'the sweep can see a canary where it belongs (the owner read the CISO’s view)',
      );
    },
  );

  t.strictSame(consoleErrors, [], 'no page logged an error');
});

async function signIn(
  browser: Browser,
  base: string,
  who: string,
  portal: 'buyer' | 'supplier',
  email: string,
  errors: string[],
  expected: readonly ExpectedFailure[],
): Promise<Seat> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  watchConsole(page, who, errors, expected);
  const received: string[] = [];
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/v1/')) return;
    if ((response.headers()['content-type'] ?? '').startsWith('text/event-stream')) return;
    void response
      .text()
      .then((body) => received.push(body))
      .catch(() => undefined);
  });
  await page.goto(`${base}/${portal}/sign-in`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your deals' }).waitFor();
  return { who, page, received };
}

/** Adds a colleague from the owner's team panel; `parts` null asks for every part. */
async function addToTeam(page: Page, name: string, parts: string[] | null) {
  const value = await page.locator('#team-person option', { hasText: name }).getAttribute('value');
  await page.getByLabel('Person', { exact: true }).selectOption(value ?? '');
  await page.getByLabel('Role on this deal', { exact: true }).selectOption('contributor');
  if (parts) {
    for (const part of ['objectives', 'operational', 'financial', 'informationSecurity', 'nature'])
      await page.getByRole('checkbox', { name: new RegExp(`^${part}\\b`) }).setChecked(parts.includes(part));
  }
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await page.getByText(`${name} is now a contributor of this deal.`).waitFor();
  await page.getByRole('cell', { name: new RegExp(`^${name} `) }).waitFor();
}
