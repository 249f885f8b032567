import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Test } from 'tap';

/* Chromium for the portal's end-to-end tests: launch, wait, scan, and watch for errors. */

export async function launchChromium(t: Test): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  t.teardown(() => browser.close());
  return browser;
}

/** Resolves once no loading indicator is left on the page. */
export async function settled(page: Page) {
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

/** A screenshot into `dir`, and no serious or critical axe violation. */
export async function checkPage(t: Test, page: Page, dir: string, name: string) {
  await settled(page);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  t.same(serious, [], `${name}: no serious or critical accessibility violation`);
}

/** A request that fails on purpose, which Chromium logs as a console error. */
export interface ExpectedFailure {
  status: number;
  path: RegExp;
}

/** Collects console errors and uncaught exceptions in `errors`, but for the `expected` failures. */
export function watchConsole(
  page: Page,
  who: string,
  errors: string[],
  expected: readonly ExpectedFailure[],
) {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const status = /status of (\d{3})/.exec(message.text())?.[1];
    const path = url ? new URL(url).pathname : '';
    if (expected.some((failure) => String(failure.status) === status && failure.path.test(path))) return;
    errors.push(`${who}: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => errors.push(`${who}: uncaught ${error.message}`));
}

export interface Answers {
  objectives: [string, string, string];
  risks: Record<'Operational' | 'Financial' | 'Information security', [number, number]>;
  supplyRisk: number;
  businessImpact: number;
  disclosure: 'Summary' | 'Standard' | 'Detailed';
  /** Private notes: one per objective, then one per risk. */
  notes: string[];
}

/** Fills the assessment form of the portal's assessment page. */
export async function fillAssessment(page: Page, answers: Answers) {
  for (const [index, label] of answers.objectives.entries()) {
    await page.getByLabel(`Objective ${index + 1}`, { exact: true }).selectOption({ label });
    await page
      .getByLabel(`Note on objective ${index + 1} (optional)`, { exact: true })
      .fill(answers.notes[index] ?? '');
  }
  for (const [index, [category, [likelihood, impact]]] of Object.entries(answers.risks).entries()) {
    await page.getByLabel(`${category} likelihood`, { exact: true }).selectOption(String(likelihood));
    await page.getByLabel(`${category} impact`, { exact: true }).selectOption(String(impact));
    await page
      .getByLabel(`${category} note (optional)`, { exact: true })
      .fill(answers.notes[3 + index] ?? '');
  }
  await page.getByLabel('Supply risk', { exact: true }).selectOption(String(answers.supplyRisk));
  await page.getByLabel('Business impact', { exact: true }).selectOption(String(answers.businessImpact));
  await page.getByRole('radio', { name: new RegExp(`^${answers.disclosure}`) }).check();
}
