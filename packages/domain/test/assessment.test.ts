import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import t from 'tap';
import { type Assessment, assessmentProblems, canonicalAssessment, RISK_CATEGORIES } from '../src/index.js';
import { assessment, category, disclosureLevel, holds, rating } from './arbitraries.js';

const example: Assessment = {
  objectives: [
    { category: 'cost_savings', note: 'close "this" quarter\n' },
    { category: 'quality', note: '' },
    { category: 'innovation' },
  ],
  risks: {
    operational: { likelihood: 3, impact: 4 },
    financial: { likelihood: 1, impact: 2, note: 'fine' },
    informationSecurity: { likelihood: 5, impact: 5 },
  },
  nature: { supplyRisk: 4, businessImpact: 2 },
  disclosure: 'standard',
};

/** The content of an assessment with notes normalized as documented: absent ≡ ''. */
function content(a: Assessment) {
  return {
    objectives: a.objectives.map((objective) => [objective.category, objective.note ?? '']),
    risks: RISK_CATEGORIES.map((name) => [
      a.risks[name].likelihood,
      a.risks[name].impact,
      a.risks[name].note ?? '',
    ]),
    nature: [a.nature.supplyRisk, a.nature.businessImpact],
    disclosure: a.disclosure,
  };
}

t.test('canonicalAssessment', async (t) => {
  t.test('serializes all content in a fixed order', async (t) => {
    t.equal(
      canonicalAssessment(example),
      '["cg.assessment.v1",["cost_savings","close \\"this\\" quarter\\n"],["quality",""],["innovation",""],' +
        '[3,4,""],[1,2,"fine"],[5,5,""],[4,2],"standard"]',
    );
  });

  t.test('an absent note and an empty note are the same content', async (t) => {
    const withEmptyNotes = structuredClone(example);
    withEmptyNotes.objectives[2].note = '';
    withEmptyNotes.risks.operational.note = '';
    t.equal(canonicalAssessment(withEmptyNotes), canonicalAssessment(example));
    const withoutNotes = structuredClone(example);
    delete withoutNotes.objectives[1].note;
    t.equal(canonicalAssessment(withoutNotes), canonicalAssessment(example));
  });

  t.test('a note boundary cannot be shifted to fake equal content', async (t) => {
    const a = structuredClone(example);
    a.objectives[0].note = 'x"],["quality","';
    a.objectives[1].note = '';
    const b = structuredClone(example);
    b.objectives[0].note = 'x';
    b.objectives[1].note = '"],["quality","';
    t.not(canonicalAssessment(a), canonicalAssessment(b));
  });

  t.test('unknown keys are ignored', async (t) => {
    const extended = { ...structuredClone(example), comment: 'not content' } as Assessment;
    t.equal(canonicalAssessment(extended), canonicalAssessment(example));
  });
});

/** An assessment and a copy of it with at most one field changed, often to the same value. */
const nearPair = fc
  .tuple(
    assessment(fc.constantFrom(undefined, '', 'x', 'y')),
    fc.nat(12),
    category,
    rating,
    disclosureLevel,
    fc.constantFrom(undefined, '', 'x'),
  )
  .map(([original, field, newCategory, newRating, newLevel, newNote]) => {
    const changed = structuredClone(original);
    const objective = changed.objectives[field % 3 === 0 ? 0 : field % 3 === 1 ? 1 : 2];
    const risk = changed.risks[RISK_CATEGORIES[field % 3] ?? 'operational'];
    switch (field) {
      case 0:
      case 1:
      case 2:
        // Keep categories distinct: swap with the holder of the new category, if any.
        for (const other of changed.objectives)
          if (other.category === newCategory) other.category = objective.category;
        objective.category = newCategory;
        break;
      case 3:
      case 4:
      case 5:
        if (newNote === undefined) delete objective.note;
        else objective.note = newNote;
        break;
      case 6:
        risk.likelihood = newRating;
        break;
      case 7:
        risk.impact = newRating;
        break;
      case 8:
        if (newNote === undefined) delete risk.note;
        else risk.note = newNote;
        break;
      case 9:
        changed.nature.supplyRisk = newRating;
        break;
      case 10:
        changed.nature.businessImpact = newRating;
        break;
      case 11:
        changed.disclosure = newLevel;
        break;
      default:
        break;
    }
    return [original, changed] as const;
  });

t.test('properties', async (t) => {
  holds(
    t,
    'equal canonical forms exactly when the content is equal',
    fc.property(nearPair, ([a, b]) => {
      return (
        (canonicalAssessment(a) === canonicalAssessment(b)) === isDeepStrictEqual(content(a), content(b))
      );
    }),
  );

  holds(
    t,
    'different content never collides, whatever the notes contain',
    fc.property(
      assessment(fc.option(fc.string({ unit: 'binary' }), { nil: undefined })),
      assessment(),
      (a, b) => {
        return (
          (canonicalAssessment(a) === canonicalAssessment(b)) === isDeepStrictEqual(content(a), content(b))
        );
      },
    ),
  );

  holds(
    t,
    'the key order of the input objects does not matter',
    fc.property(assessment(), (a) => {
      const reversed: Assessment = JSON.parse(JSON.stringify(a), (_key, value: unknown) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      );
      return canonicalAssessment(reversed) === canonicalAssessment(a);
    }),
  );

  holds(
    t,
    'valid assessments have no problems',
    fc.property(assessment(), (a) => assessmentProblems(a).length === 0),
  );
});

t.test('assessmentProblems names what is wrong', async (t) => {
  const broken = structuredClone(example);
  broken.objectives[2].category = 'quality';
  broken.risks.financial.impact = 0;
  broken.nature.businessImpact = 2.5;
  t.strictSame(assessmentProblems(broken), [
    'objectives.2.category: duplicate category',
    'risks.financial.impact: must be an integer 1–5',
    'nature.businessImpact: must be an integer 1–5',
  ]);
});
