import { isDeepStrictEqual } from 'node:util';
import {
  type Assessment,
  computeAlignment,
  DISCLOSURE_LEVELS,
  type DisclosedReport,
  disclose,
  NOTE_MAX_LENGTH,
  SIDES,
} from '@cg/domain';
import fc from 'fast-check';
import t from 'tap';
import { z } from 'zod';
import { assessment, context, holds } from '../../domain/test/arbitraries.js';
import { DisclosedReportSchema } from '../src/alignment-report.js';
import {
  AssessmentDraftInputSchema,
  type AssessmentInput,
  AssessmentInputSchema,
} from '../src/assessment.js';

/*
 * Type-level: the contract types are identical to the domain types (not merely compatible), so a
 * field added, dropped or retyped on either side fails the typecheck of this file.
 */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assessmentTypesAgree: Equals<AssessmentInput, Assessment> = true;
const reportTypesAgree: Equals<z.infer<typeof DisclosedReportSchema>, DisclosedReport> = true;

const valid: Assessment = {
  objectives: [
    { category: 'cost_savings', note: 'why' },
    { category: 'quality' },
    { category: 'innovation' },
  ],
  risks: {
    operational: { likelihood: 3, impact: 4 },
    financial: { likelihood: 1, impact: 2, note: '' },
    informationSecurity: { likelihood: 5, impact: 5 },
  },
  nature: { supplyRisk: 4, businessImpact: 2 },
  disclosure: 'standard',
};

type Json = Record<string, unknown>;

/** A mutable JSON copy of the valid assessment, changed by `change`. */
function variant(
  change: (body: Json & { objectives: Json[]; risks: Record<string, Json>; nature: Json }) => void,
) {
  const body = structuredClone(valid) as unknown as Json & {
    objectives: Json[];
    risks: Record<string, Json>;
    nature: Json;
  };
  change(body);
  return body;
}

function issuePaths(input: unknown): string[] {
  const result = AssessmentInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

t.test('the contract types are the domain types', async (t) => {
  t.ok(assessmentTypesAgree);
  t.ok(reportTypesAgree);
});

t.test('AssessmentInputSchema', async (t) => {
  t.test('accepts a valid assessment unchanged', async (t) => {
    t.strictSame(AssessmentInputSchema.parse(valid), valid);
    const longest = variant((body) => {
      (body.objectives[0] as Json).note = 'n'.repeat(NOTE_MAX_LENGTH);
    });
    t.ok(AssessmentInputSchema.safeParse(longest).success, `a ${NOTE_MAX_LENGTH}-character note is fine`);
  });

  const invalid: Array<[string, unknown, string]> = [
    [
      'duplicate categories',
      variant((body) => {
        (body.objectives[2] as Json).category = 'cost_savings';
      }),
      'objectives.2.category',
    ],
    ['two objectives', variant((body) => body.objectives.pop()), 'objectives'],
    ['four objectives', variant((body) => body.objectives.push({ category: 'compliance' })), 'objectives'],
    [
      'an unknown category',
      variant((body) => {
        (body.objectives[1] as Json).category = 'world_peace';
      }),
      'objectives.1.category',
    ],
    [
      'likelihood 0',
      variant((body) => {
        (body.risks.operational as Json).likelihood = 0;
      }),
      'risks.operational.likelihood',
    ],
    [
      'impact 6',
      variant((body) => {
        (body.risks.financial as Json).impact = 6;
      }),
      'risks.financial.impact',
    ],
    [
      'impact 2.5',
      variant((body) => {
        (body.risks.informationSecurity as Json).impact = 2.5;
      }),
      'risks.informationSecurity.impact',
    ],
    [
      'a rating given as a string',
      variant((body) => {
        body.nature.supplyRisk = '3';
      }),
      'nature.supplyRisk',
    ],
    [
      'business impact 0',
      variant((body) => {
        body.nature.businessImpact = 0;
      }),
      'nature.businessImpact',
    ],
    [
      'a missing risk category',
      variant((body) => {
        delete body.risks.informationSecurity;
      }),
      'risks.informationSecurity',
    ],
    [
      'an unknown disclosure level',
      variant((body) => {
        body.disclosure = 'everything';
      }),
      'disclosure',
    ],
    [
      'an unknown top-level key',
      variant((body) => {
        body.owner = 'x';
      }),
      '',
    ],
    [
      'an unknown objective key',
      variant((body) => {
        (body.objectives[0] as Json).priority = 1;
      }),
      'objectives.0',
    ],
    [
      'an unknown risk key',
      variant((body) => {
        (body.risks.financial as Json).severity = 2;
      }),
      'risks.financial',
    ],
    [
      'an unknown nature key',
      variant((body) => {
        body.nature.quadrant = 'strategic';
      }),
      'nature',
    ],
    [
      'an objective note of 2001 characters',
      variant((body) => {
        (body.objectives[0] as Json).note = 'n'.repeat(NOTE_MAX_LENGTH + 1);
      }),
      'objectives.0.note',
    ],
    [
      'a risk note of 2001 characters',
      variant((body) => {
        (body.risks.operational as Json).note = 'n'.repeat(NOTE_MAX_LENGTH + 1);
      }),
      'risks.operational.note',
    ],
    [
      'a null note',
      variant((body) => {
        (body.objectives[1] as Json).note = null;
      }),
      'objectives.1.note',
    ],
  ];
  for (const [name, input, path] of invalid) {
    t.test(`refuses ${name}, at ${path || 'the root'}`, async (t) => {
      t.strictSame(issuePaths(input), [path]);
    });
  }

  t.test('the duplicate-category message says what is wrong', async (t) => {
    const result = AssessmentInputSchema.safeParse(invalid[0]?.[1]);
    t.equal(result.success, false);
    t.match(result.error?.issues[0]?.message, /distinct.*"cost_savings" is chosen twice/);
  });
});

/** Breaks a valid assessment in one of the ways the contract must refuse, and names the path. */
const malformed = fc
  .tuple(assessment(), fc.nat(2), fc.constantFrom(0, 6, 2.5, -1, 1.5), fc.nat(9))
  .map(([input, index, badRating, kind]) => {
    const body = structuredClone(input) as unknown as {
      objectives: Json[];
      risks: Record<string, Json>;
      nature: Json;
    } & Json;
    const risk = ['operational', 'financial', 'informationSecurity'][index] ?? 'operational';
    const objective = body.objectives[index] as Json;
    switch (kind) {
      case 0: {
        const other = body.objectives[(index + 1) % 3] as Json;
        objective.category = other.category;
        // The later of the two duplicates carries the issue.
        return { body, path: `objectives.${Math.max(index, (index + 1) % 3)}.category` };
      }
      case 1:
        body.objectives.splice(index, 1);
        return { body, path: 'objectives' };
      case 2:
        body.objectives.push({ category: objective.category === 'scalability' ? 'quality' : 'scalability' });
        return { body, path: 'objectives' };
      case 3:
        (body.risks[risk] as Json).likelihood = badRating;
        return { body, path: `risks.${risk}.likelihood` };
      case 4:
        (body.risks[risk] as Json).impact = badRating;
        return { body, path: `risks.${risk}.impact` };
      case 5:
        body.nature[index % 2 === 0 ? 'supplyRisk' : 'businessImpact'] = badRating;
        return { body, path: `nature.${index % 2 === 0 ? 'supplyRisk' : 'businessImpact'}` };
      case 6:
        objective.rank = index;
        return { body, path: `objectives.${index}` };
      case 7:
        (body.risks[risk] as Json).score = index;
        return { body, path: `risks.${risk}` };
      case 8:
        objective.note = 'x'.repeat(NOTE_MAX_LENGTH + 1);
        return { body, path: `objectives.${index}.note` };
      default:
        (body.risks[risk] as Json).note = 'x'.repeat(NOTE_MAX_LENGTH + 1 + index);
        return { body, path: `risks.${risk}.note` };
    }
  });

t.test('properties', async (t) => {
  holds(
    t,
    'every valid assessment passes the contract unchanged',
    fc.property(assessment(), (input) => {
      const result = AssessmentInputSchema.safeParse(input);
      return result.success && JSON.stringify(result.data) === JSON.stringify(input);
    }),
  );

  holds(
    t,
    'every malformed assessment fails, with an issue at the broken path',
    fc.property(malformed, ({ body, path }) => issuePaths(body).includes(path)),
  );

  holds(
    t,
    'every disclosed report, at every level for each reader, passes DisclosedReportSchema',
    fc.property(assessment(), assessment(), context, (sales, procurement, alignmentContext) => {
      const report = computeAlignment(sales, procurement, alignmentContext);
      return DISCLOSURE_LEVELS.every((level) =>
        SIDES.every((reader) => {
          const disclosed = disclose(report, level, reader);
          const result = DisclosedReportSchema.safeParse(disclosed);
          // Same content and the same key order: the domain emits fields in the contract's order.
          return result.success && JSON.stringify(result.data) === JSON.stringify(disclosed);
        }),
      );
    }),
  );
});

t.test('DisclosedReportSchema refuses what a reader must never get', async (t) => {
  const report = computeAlignment(valid, valid, {
    dealCreatedAt: '2026-01-01T00:00:00Z',
    basedOn: { sales: 1, procurement: 1 },
  });
  const summary = disclose(report, 'summary', 'sales');
  t.ok(DisclosedReportSchema.safeParse(summary).success);
  t.notOk(
    DisclosedReportSchema.safeParse({ ...summary, componentScores: report.componentScores }).success,
    'extra keys',
  );
  t.notOk(DisclosedReportSchema.safeParse({ ...summary, score: 100.5 }).success, 'a fractional score');
  const detailed = disclose(report, 'detailed', 'sales');
  const leaky = structuredClone(detailed) as unknown as { risks: { operational: Json } };
  leaky.risks.operational.gap = 0;
  t.notOk(DisclosedReportSchema.safeParse(leaky).success, 'an internal gap');
});

t.test('the schemas convert to JSON Schema for the OpenAPI document', async (t) => {
  const assessmentJson = z.toJSONSchema(AssessmentInputSchema, { target: 'draft-2020-12' });
  const reportJson = z.toJSONSchema(DisclosedReportSchema, { target: 'draft-2020-12' });
  const assessmentDefinitions = Object.keys(assessmentJson.$defs ?? {});
  const reportDefinitions = Object.keys(reportJson.$defs ?? {});
  for (const id of [
    'AssessmentContent',
    'AssessmentObjective',
    'ObjectiveCategory',
    'RiskRating',
    'DisclosureLevel',
  ]) {
    t.ok(assessmentDefinitions.includes(id), `AssessmentInput defines ${id}`);
  }
  for (const id of ['DisclosedReport', 'Recommendation', 'RecommendationCode', 'RiskAlignment', 'Side']) {
    t.ok(reportDefinitions.includes(id), `DisclosedReport defines ${id}`);
  }
  t.match(assessmentJson.$defs?.AssessmentContent, {
    additionalProperties: false,
    description: /private assessment/,
  });
});

t.test('AssessmentDraftInputSchema (issue 17: a draft may be incomplete)', async (t) => {
  const draftPaths = (input: unknown): string[] => {
    const result = AssessmentDraftInputSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };
  t.strictSame(AssessmentDraftInputSchema.parse({}), {}, 'an empty draft');
  t.strictSame(AssessmentDraftInputSchema.parse({ nature: valid.nature }), { nature: valid.nature });
  t.strictSame(
    AssessmentDraftInputSchema.parse({ objectives: [null, { category: 'quality' }] }),
    { objectives: [null, { category: 'quality' }] },
    'a gap in the objectives',
  );
  t.strictSame(draftPaths({ risks: { financial: { likelihood: 6, impact: 1 } } }), [
    'risks.financial.likelihood',
  ]);
  t.strictSame(draftPaths({ objectives: [{ category: 'quality' }, { category: 'quality' }] }), [
    'objectives.1.category',
  ]);
  t.strictSame(draftPaths({ risks: { financial: { likelihood: 2 } } }), ['risks.financial.impact']);
  t.strictSame(draftPaths({ disclosure: 'all' }), ['disclosure']);
  t.ok(draftPaths({ extra: 1 }).length > 0, 'unknown fields are refused');
  holds(
    t,
    'every complete assessment is a draft, unchanged',
    fc.property(assessment(), (a) => isDeepStrictEqual(AssessmentDraftInputSchema.parse(a), a)),
  );
});
