import fc from 'fast-check';
import t from 'tap';
import {
  ASSESSMENT_PARTS,
  type Assessment,
  type AssessmentDraft,
  type AssessmentPart,
  canonicalAssessment,
  canonicalDraft,
  completeAssessment,
  missingParts,
} from '../src/index.js';
import { assessment, holds } from './arbitraries.js';

const example: Assessment = {
  objectives: [{ category: 'cost_savings', note: 'n' }, { category: 'quality' }, { category: 'innovation' }],
  risks: {
    operational: { likelihood: 3, impact: 4 },
    financial: { likelihood: 1, impact: 2 },
    informationSecurity: { likelihood: 5, impact: 5 },
  },
  nature: { supplyRisk: 4, businessImpact: 2 },
  disclosure: 'standard',
};

/** The draft with one part taken out, the way a side that has not filled it in yet would save it. */
function without(full: Assessment, part: AssessmentPart): AssessmentDraft {
  const draft: AssessmentDraft = structuredClone(full);
  if (part.startsWith('/objectives/')) {
    const slot = Number(part.slice('/objectives/'.length));
    const objectives: Array<Assessment['objectives'][number] | null> = [...full.objectives];
    objectives[slot] = null;
    draft.objectives = objectives;
  } else if (part.startsWith('/risks/')) {
    const risks: AssessmentDraft['risks'] = { ...full.risks };
    delete risks[part.slice('/risks/'.length) as keyof typeof risks];
    draft.risks = risks;
  } else if (part === '/nature') delete draft.nature;
  else delete draft.disclosure;
  return draft;
}

t.test('missingParts by example', async (t) => {
  t.strictSame(missingParts({}), [...ASSESSMENT_PARTS], 'an empty draft misses everything');
  t.strictSame(missingParts(example), [], 'a complete assessment misses nothing');
  t.strictSame(
    missingParts({ objectives: [{ category: 'quality' }] }),
    [
      '/objectives/1',
      '/objectives/2',
      '/risks/operational',
      '/risks/financial',
      '/risks/informationSecurity',
      '/nature',
      '/disclosure',
    ],
    'only the first objective',
  );
  t.strictSame(
    missingParts({
      objectives: [null, { category: 'quality' }, null],
      risks: { financial: { likelihood: 2, impact: 2 } },
      nature: { supplyRisk: 1, businessImpact: 1 },
      disclosure: 'summary',
    }),
    ['/objectives/0', '/objectives/2', '/risks/operational', '/risks/informationSecurity'],
    'gaps in the middle are named by slot',
  );
});

t.test('completeAssessment and canonicalDraft', async (t) => {
  t.strictSame(completeAssessment(example), example);
  t.equal(completeAssessment(without(example, '/nature')), undefined);
  t.equal(
    canonicalDraft(example),
    canonicalAssessment(example),
    'a complete draft has the assessment’s form',
  );
  t.not(canonicalDraft(without(example, '/disclosure')), canonicalDraft(without(example, '/nature')));
  t.equal(
    canonicalDraft({ objectives: [{ category: 'quality', note: '' }] }),
    canonicalDraft({ objectives: [{ category: 'quality' }, null] }),
    'an empty note and a trailing null slot are no content',
  );
});

t.test('properties of completeness', async (t) => {
  holds(
    t,
    'any complete assessment has no missing parts',
    fc.property(assessment(), (a) => missingParts(a).length === 0),
  );
  holds(
    t,
    'removing any one part makes exactly that part missing',
    fc.property(assessment(), fc.constantFrom(...ASSESSMENT_PARTS), (a, part) => {
      const missing = missingParts(without(a, part));
      return (
        missing.length === 1 && missing[0] === part && completeAssessment(without(a, part)) === undefined
      );
    }),
  );
  holds(
    t,
    'removing any set of parts makes exactly that set missing',
    fc.property(assessment(), fc.subarray([...ASSESSMENT_PARTS]), (a, parts) => {
      const draft = parts.reduce<AssessmentDraft>((d, part) => without(d as Assessment, part), a);
      return JSON.stringify(missingParts(draft)) === JSON.stringify(parts);
    }),
  );
  holds(
    t,
    'an incomplete draft never has the canonical form of a complete assessment',
    fc.property(assessment(), assessment(), fc.constantFrom(...ASSESSMENT_PARTS), (a, b, part) => {
      return canonicalDraft(without(a, part)) !== canonicalAssessment(b);
    }),
  );
});
