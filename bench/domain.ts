/**
 * Micro-benchmark of the alignment engine on one core: reports per second for computeAlignment
 * alone, and for computeAlignment followed by disclose (what a read of a fresh report costs).
 * Run: node --import tsx bench/domain.ts
 */
import { performance } from 'node:perf_hooks';
// The bench package does not depend on @cg/domain; a relative import keeps package.json untouched.
import {
  type AlignmentReport,
  type Assessment,
  computeAlignment,
  DISCLOSURE_LEVELS,
  disclose,
  OBJECTIVE_CATEGORIES,
  type ObjectiveCategory,
  SIDES,
} from '../packages/domain/src/index.js';

const PAIRS = 10_000;
const WARM_UP_ROUNDS = 20;
const MIN_WINDOW_MS = 1_000;
const WINDOWS = 5;

/** mulberry32: a small seeded PRNG, so every run measures the same inputs. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seededRandom(20261101);
const integer = (max: number): number => Math.floor(random() * max);
const rating = (): number => 1 + integer(5);

function pick<T>(items: readonly T[]): T {
  const item = items[integer(items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function threeDistinctCategories(): [ObjectiveCategory, ObjectiveCategory, ObjectiveCategory] {
  const pool = [...OBJECTIVE_CATEGORIES];
  const take = (): ObjectiveCategory => {
    const [category] = pool.splice(integer(pool.length), 1);
    if (category === undefined) throw new Error('category pool exhausted');
    return category;
  };
  return [take(), take(), take()];
}

function randomAssessment(): Assessment {
  const [first, second, third] = threeDistinctCategories();
  return {
    objectives: [{ category: first, note: 'private' }, { category: second }, { category: third }],
    risks: {
      operational: { likelihood: rating(), impact: rating() },
      financial: { likelihood: rating(), impact: rating() },
      informationSecurity: { likelihood: rating(), impact: rating(), note: 'private' },
    },
    nature: { supplyRisk: rating(), businessImpact: rating() },
    disclosure: pick(DISCLOSURE_LEVELS),
  };
}

const pairs = Array.from({ length: PAIRS }, () => ({
  sales: randomAssessment(),
  procurement: randomAssessment(),
  context: {
    dealCreatedAt: '2026-01-15T09:30:00Z',
    // A third of the deals have no decision date, as in the wild.
    expectedDecisionAt:
      integer(3) === 0 ? null : `20${26 + integer(3)}-0${1 + integer(9)}-1${integer(10)}T12:00:00Z`,
    basedOn: { sales: 1 + integer(5), procurement: 1 + integer(5) },
  },
  reader: pick(SIDES),
}));

/** Keeps results observable so the JIT cannot drop the work. */
let checksum = 0;

function computeOnly(): void {
  for (const pair of pairs) checksum += computeAlignment(pair.sales, pair.procurement, pair.context).score;
}

function computeAndDisclose(): void {
  for (const pair of pairs) {
    const report: AlignmentReport = computeAlignment(pair.sales, pair.procurement, pair.context);
    checksum += disclose(report, report.disclosure, pair.reader).recommendations.length;
  }
}

/** Reports per second over one window of at least MIN_WINDOW_MS. */
function sample(pass: () => void): number {
  let reports = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_WINDOW_MS) {
    pass();
    reports += PAIRS;
    elapsed = performance.now() - started;
  }
  return (reports / elapsed) * 1000;
}

/**
 * The median of several windows: a shared or virtualised machine steals time in bursts, and the
 * median is what the code does when it is not being stolen from half the time.
 */
function measure(name: string, pass: () => void): void {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) pass();
  const samples = Array.from({ length: WINDOWS }, () => sample(pass)).sort((a, b) => a - b);
  const format = (value: number | undefined) => Math.round(value ?? 0).toLocaleString('en-US');
  console.log(
    `${name}: ${format(samples[Math.floor(WINDOWS / 2)])} reports/s (1 core, node ${process.version}; ` +
      `median of ${WINDOWS} windows of ≥ ${MIN_WINDOW_MS / 1000} s, range ${format(samples[0])}–${format(samples.at(-1))})`,
  );
}

measure('computeAlignment', computeOnly);
measure('computeAlignment + disclose', computeAndDisclose);
console.log(`(checksum ${checksum})`);
