import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import t from 'tap';
import { build } from '../../api/test/helpers/build.js';
import { sharedDeal } from '../../api/test/helpers/deals.js';
import { PASSWORD } from '../../api/test/helpers/identity.js';
import { checkPage, type ExpectedFailure, launchChromium, settled, watchConsole } from './helpers/browser.js';
import { ensurePortalBuilt, PORTAL_DIR } from './helpers/portal.js';

/*
 * Drafts that behave like drafts (issue 17), in Chromium: half an assessment autosaves, survives
 * a reload, the page lists what remains, Submit waits for the rest, and leaving with unsaved
 * edits asks first (in-app links and beforeunload).
 */

const RESULTS = join(PORTAL_DIR, 'test-results', 'drafts');
t.setTimeout(300_000);

const status = (page: Page) => page.locator('.save-status');
const remainingItems = async (page: Page) =>
  (await page.locator('.remaining li').allTextContents()).map((text) => text.trim());
/** Whether a beforeunload now would ask the person to stay (what the browser's prompt depends on). */
const wouldWarnOnUnload = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

t.test('a half-filled assessment in the supplier portal', async (t) => {
  await ensurePortalBuilt();
  await mkdir(RESULTS, { recursive: true });
  const { app } = await build(t, { config: { WEBHOOK_WORKER_ENABLED: false } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}`;
  const { sales, dealId } = await sharedDeal(app);
  const browser = await launchChromium(t);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const expected: ExpectedFailure[] = [{ status: 404, path: /^\/v1\/deals\/[^/]+\/assessment$/ }];
  watchConsole(page, 'supplier', consoleErrors, expected);
  const assessmentUrl = `${base}/supplier/deals/${encodeURIComponent(dealId)}/assessment`;
  const note = `canary-draft-${randomUUID()}`;

  await t.test('when the supplier signs in and opens the assessment, then everything remains', async (t) => {
    await page.goto(`${base}/supplier/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill(sales.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your deals' }).waitFor();
    await page.goto(assessmentUrl);
    await page.getByRole('heading', { name: 'Your private assessment' }).waitFor();
    await settled(page);
    t.equal((await remainingItems(page)).length, 8, 'all eight parts remain');
    t.ok(await page.getByRole('button', { name: 'Submit' }).isDisabled(), 'Submit waits for the rest');
  });

  await t.test('when half the form is filled in, then it is saved without pressing anything', async (t) => {
    await page.getByLabel('Objective 1', { exact: true }).selectOption({ label: 'Business value' });
    await page.getByLabel('Note on objective 1 (optional)', { exact: true }).fill(note);
    await page.getByLabel('Objective 2', { exact: true }).selectOption({ label: 'Quality' });
    await page.getByLabel('Operational likelihood', { exact: true }).selectOption('2');
    await page.getByLabel('Operational impact', { exact: true }).selectOption('4');
    await page.getByLabel('Information security likelihood', { exact: true }).selectOption('3');
    await status(page)
      .getByText(/^Saved/)
      .waitFor();
    t.strictSame(await remainingItems(page), [
      'Objective 3',
      'Financial risk (likelihood and impact)',
      'Information security risk (likelihood and impact)',
      'Nature of the purchase (supply risk and business impact)',
      'Disclosure',
    ]);
    t.match(await page.locator('#submit-hint').textContent(), /Fill in the 5 remaining parts to submit/);
    t.match(await status(page).textContent(), /risk rated by half/, 'the status says what is not kept yet');
    t.ok(await wouldWarnOnUnload(page), 'a risk rated by half is not in the draft: leaving asks');
    await checkPage(t, page, RESULTS, 'half-filled');
  });

  await t.test('when the page is reloaded, then the saved half is still there', async (t) => {
    // The half-rated risk makes the page ask before unloading; this reload goes ahead anyway.
    const leave = (dialog: Dialog) => void dialog.accept();
    page.on('dialog', leave);
    await page.reload();
    await page.getByRole('heading', { name: 'Your private assessment' }).waitFor();
    page.off('dialog', leave);
    await settled(page);
    t.equal(await page.getByLabel('Objective 1', { exact: true }).inputValue(), 'business_value');
    t.equal(await page.getByLabel('Note on objective 1 (optional)', { exact: true }).inputValue(), note);
    t.equal(await page.getByLabel('Objective 2', { exact: true }).inputValue(), 'quality');
    t.equal(await page.getByLabel('Operational impact', { exact: true }).inputValue(), '4');
    t.equal(
      await page.getByLabel('Information security likelihood', { exact: true }).inputValue(),
      '',
      'a risk category rated by half is not part of the draft yet (it is saved whole)',
    );
    t.equal((await remainingItems(page)).length, 5, 'the remaining list is shown again');
    t.ok(await page.getByRole('button', { name: 'Submit' }).isDisabled());
  });

  await t.test('when the supplier leaves with unsaved edits, then the portal asks first', async (t) => {
    await page.getByLabel('Objective 3', { exact: true }).selectOption({ label: 'Innovation' });
    t.ok(await wouldWarnOnUnload(page), 'closing or reloading the tab would ask');
    const dialogs: string[] = [];
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('.breadcrumb').getByRole('link', { name: 'Deals' }).click();
    t.equal(dialogs.length, 1, 'an in-app link asks');
    t.match(dialogs[0], /not saved/);
    t.match(page.url(), /\/assessment$/, 'staying keeps the page and its edits');
    t.equal(await page.getByLabel('Objective 3', { exact: true }).inputValue(), 'innovation');
    await status(page)
      .getByText(/^Saved/)
      .waitFor();
    t.notOk(await wouldWarnOnUnload(page), 'once saved, leaving does not ask');
    await page.locator('.breadcrumb').getByRole('link', { name: 'Deals' }).click();
    await page.getByRole('heading', { name: 'Your deals' }).waitFor();
    t.equal(dialogs.length, 1, 'and no further question');
  });

  await t.test('when the rest is filled in, then Submit is enabled and submits', async (t) => {
    await page.goto(assessmentUrl);
    await page.getByRole('heading', { name: 'Your private assessment' }).waitFor();
    await settled(page);
    t.equal(await page.getByLabel('Objective 3', { exact: true }).inputValue(), 'innovation');
    await page.getByLabel('Financial likelihood', { exact: true }).selectOption('2');
    await page.getByLabel('Financial impact', { exact: true }).selectOption('2');
    await page.getByLabel('Information security likelihood', { exact: true }).selectOption('3');
    await page.getByLabel('Information security impact', { exact: true }).selectOption('5');
    await page.getByLabel('Supply risk', { exact: true }).selectOption('4');
    await page.getByLabel('Business impact', { exact: true }).selectOption('4');
    await page.getByRole('radio', { name: /^Standard/ }).check();
    await page.getByText('Everything is filled in: you can submit.').waitFor();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('.alert-success', { hasText: 'Submitted for round 1' }).waitFor();
    t.pass('submitted');
  });

  t.strictSame(consoleErrors, [], 'no page logged an error');
});
