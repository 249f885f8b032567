/**
 * fast-check generators of valid domain input, shared by the domain and contract tests (not a test
 * file itself: tap only runs *.test.ts).
 */
import fc from 'fast-check';
import {
  type AlignmentContext,
  type Assessment,
  DISCLOSURE_LEVELS,
  type DisclosureLevel,
  OBJECTIVE_CATEGORIES,
  type Objective,
  type ObjectiveCategory,
  RATING_MAX,
  RATING_MIN,
  type RiskRating,
} from '../src/index.js';

/** Every property runs at least this many cases. */
const PROPERTY_RUNS = 1000;

/** The part of a tap test a property needs; keeps this helper independent of tap's plugin types. */
interface Reporter {
  pass(message: string): unknown;
  fail(message: string): unknown;
}

/** Runs a property with PROPERTY_RUNS cases and reports it as one tap assertion (with the shrunk counterexample). */
export function holds<Ts>(t: Reporter, name: string, property: fc.IProperty<Ts>): void {
  try {
    fc.assert(property, { numRuns: PROPERTY_RUNS });
    t.pass(name);
  } catch (error) {
    t.fail(`${name}\n${error instanceof Error ? error.message : String(error)}`);
  }
}

export const rating = fc.integer({ min: RATING_MIN, max: RATING_MAX });
export const category = fc.constantFrom(...OBJECTIVE_CATEGORIES);
export const disclosureLevel = fc.constantFrom<DisclosureLevel>(...DISCLOSURE_LEVELS);

/** Any note the contract accepts, including the empty string; undefined means "no note". */
const anyNote: fc.Arbitrary<string | undefined> = fc.option(fc.string({ maxLength: 40 }), {
  nil: undefined,
});

/** A note that cannot occur in a report by accident, to scan disclosed output for leaks. */
export const plantedNote: fc.Arbitrary<string | undefined> = fc.uuid().map((id) => `private-note-${id}`);

const threeCategories: fc.Arbitrary<[ObjectiveCategory, ObjectiveCategory, ObjectiveCategory]> = fc
  .uniqueArray(category, { minLength: 3, maxLength: 3 })
  .map(([first, second, third]) => {
    if (first === undefined || second === undefined || third === undefined) throw new Error('expected 3');
    return [first, second, third];
  });

function objective(category: ObjectiveCategory, note: string | undefined): Objective {
  return note === undefined ? { category } : { category, note };
}

function riskRating(likelihood: number, impact: number, note: string | undefined): RiskRating {
  return note === undefined ? { likelihood, impact } : { likelihood, impact, note };
}

/** A valid assessment; `note` decides what goes into the six note fields. */
export function assessment(note: fc.Arbitrary<string | undefined> = anyNote): fc.Arbitrary<Assessment> {
  const risk = fc
    .tuple(rating, rating, note)
    .map(([likelihood, impact, text]) => riskRating(likelihood, impact, text));
  return fc
    .record({
      categories: threeCategories,
      notes: fc.tuple(note, note, note),
      operational: risk,
      financial: risk,
      informationSecurity: risk,
      supplyRisk: rating,
      businessImpact: rating,
      disclosure: disclosureLevel,
    })
    .map((generated) => ({
      objectives: [
        objective(generated.categories[0], generated.notes[0]),
        objective(generated.categories[1], generated.notes[1]),
        objective(generated.categories[2], generated.notes[2]),
      ],
      risks: {
        operational: generated.operational,
        financial: generated.financial,
        informationSecurity: generated.informationSecurity,
      },
      nature: { supplyRisk: generated.supplyRisk, businessImpact: generated.businessImpact },
      disclosure: generated.disclosure,
    }));
}

const instant = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) })
  .map((milliseconds) => new Date(milliseconds).toISOString());

export const context: fc.Arbitrary<AlignmentContext> = fc.record({
  dealCreatedAt: instant,
  expectedDecisionAt: fc.option(instant, { nil: null }),
  basedOn: fc.record({
    sales: fc.integer({ min: 1, max: 50 }),
    procurement: fc.integer({ min: 1, max: 50 }),
  }),
});

export const FIXED_CONTEXT: AlignmentContext = {
  dealCreatedAt: '2026-01-15T09:00:00Z',
  basedOn: { sales: 1, procurement: 1 },
};
