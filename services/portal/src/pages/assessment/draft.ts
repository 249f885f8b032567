import {
  type AssessmentPart,
  type DisclosureLevel,
  missingParts,
  OBJECTIVE_CATEGORIES,
  OBJECTIVE_CATEGORY_INFO,
  type ObjectiveCategory,
  RISK_BANDS,
  RISK_CATEGORIES,
  RISK_CATEGORY_LABELS,
  type RiskCategory,
} from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import type { Assessment, Deal } from '../../labels.js';

/*
 * The assessment form's draft: its shape, how it is filled from a stored assessment, which
 * parts remain to fill in (the domain's rule, the one submit applies) and the request body it
 * becomes. Pure: no React, no requests.
 */

export type AssessmentInput = Schemas['AssessmentDraftInput'];

export interface ObjectiveDraft {
  category: ObjectiveCategory | '';
  note: string;
}
export interface RiskDraft {
  likelihood: number;
  impact: number;
  note: string;
}
export interface FormState {
  objectives: [ObjectiveDraft, ObjectiveDraft, ObjectiveDraft];
  risks: Record<RiskCategory, RiskDraft>;
  nature: { supplyRisk: number; businessImpact: number };
  disclosure: DisclosureLevel | '';
}

const emptyRisk = (): RiskDraft => ({ likelihood: 0, impact: 0, note: '' });

export const EMPTY: FormState = {
  objectives: [
    { category: '', note: '' },
    { category: '', note: '' },
    { category: '', note: '' },
  ],
  risks: { operational: emptyRisk(), financial: emptyRisk(), informationSecurity: emptyRisk() },
  nature: { supplyRisk: 0, businessImpact: 0 },
  disclosure: '',
};

/** The form of a stored draft; the parts it lacks stay empty. */
export function fromAssessment(assessment: Assessment): FormState {
  const objective = (index: 0 | 1 | 2): ObjectiveDraft => ({
    category: assessment.objectives?.[index]?.category ?? '',
    note: assessment.objectives?.[index]?.note ?? '',
  });
  const risk = (category: RiskCategory): RiskDraft => {
    const stored = assessment.risks?.[category];
    return stored
      ? { likelihood: stored.likelihood, impact: stored.impact, note: stored.note ?? '' }
      : emptyRisk();
  };
  return {
    objectives: [objective(0), objective(1), objective(2)],
    risks: {
      operational: risk('operational'),
      financial: risk('financial'),
      informationSecurity: risk('informationSecurity'),
    },
    nature: assessment.nature ? { ...assessment.nature } : { supplyRisk: 0, businessImpact: 0 },
    disclosure: assessment.disclosure ?? '',
  };
}

/** Field ids are the API's JSON Pointers below /body, so its validation messages land on them. */
export const fieldId = (path: string) => `field-${path.replaceAll('/', '-')}`;

export const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(
    [0, 1, 2].flatMap((index) => [
      [`objectives/${index}/category`, `Objective ${index + 1}`],
      [`objectives/${index}/note`, `Note on objective ${index + 1}`],
    ]),
  ),
  ...Object.fromEntries(
    RISK_CATEGORIES.flatMap((category) => [
      [`risks/${category}/likelihood`, `${RISK_CATEGORY_LABELS[category]} likelihood`],
      [`risks/${category}/impact`, `${RISK_CATEGORY_LABELS[category]} impact`],
      [`risks/${category}/note`, `${RISK_CATEGORY_LABELS[category]} note`],
    ]),
  ),
  'nature/supplyRisk': 'Supply risk',
  'nature/businessImpact': 'Business impact',
  disclosure: 'Disclosure',
};

const withNote = <T extends object>(out: T, note: string): T & { note?: string } =>
  note.trim() ? { ...out, note: note.trim() } : out;

const objectiveInput = (draft: ObjectiveDraft): Schemas['AssessmentObjectiveInput'] | null =>
  draft.category ? withNote({ category: draft.category }, draft.note) : null;

/** A risk category is saved once both its ratings are chosen (the API takes a category whole). */
const riskInput = (draft: RiskDraft): Schemas['RiskRatingInput'] | undefined =>
  draft.likelihood && draft.impact
    ? withNote({ likelihood: draft.likelihood, impact: draft.impact }, draft.note)
    : undefined;

/** The draft body of the form: every part that is filled in, and nothing for the rest. */
export function toInput(form: FormState): AssessmentInput {
  const objectives = form.objectives.map(objectiveInput);
  while (objectives.length > 0 && objectives[objectives.length - 1] === null) objectives.pop();
  const risks: NonNullable<AssessmentInput['risks']> = {};
  for (const category of RISK_CATEGORIES) {
    const rated = riskInput(form.risks[category]);
    if (rated) risks[category] = rated;
  }
  const { supplyRisk, businessImpact } = form.nature;
  return {
    ...(objectives.length ? { objectives } : {}),
    ...(Object.keys(risks).length ? { risks } : {}),
    ...(supplyRisk && businessImpact ? { nature: { supplyRisk, businessImpact } } : {}),
    ...(form.disclosure ? { disclosure: form.disclosure } : {}),
  };
}

/**
 * Answers started but not yet a whole part (a risk rated by half, a nature position by half, a
 * note on an objective not chosen yet): the draft cannot hold them, so they live only in the
 * form until completed, and leaving the page would lose them.
 */
export function hasUnfinishedAnswers(form: FormState): boolean {
  const objectiveNote = form.objectives.some(
    (objective) => !objective.category && objective.note.trim() !== '',
  );
  const risk = RISK_CATEGORIES.some((category) => {
    const { likelihood, impact, note } = form.risks[category];
    return !(likelihood && impact) && Boolean(likelihood || impact || note.trim());
  });
  const nature = !form.nature.supplyRisk !== !form.nature.businessImpact;
  return objectiveNote || risk || nature;
}

const PART_LABELS: Record<AssessmentPart, string> = {
  '/objectives/0': 'Objective 1',
  '/objectives/1': 'Objective 2',
  '/objectives/2': 'Objective 3',
  '/risks/operational': `${RISK_CATEGORY_LABELS.operational} risk (likelihood and impact)`,
  '/risks/financial': `${RISK_CATEGORY_LABELS.financial} risk (likelihood and impact)`,
  '/risks/informationSecurity': `${RISK_CATEGORY_LABELS.informationSecurity} risk (likelihood and impact)`,
  '/nature': 'Nature of the purchase (supply risk and business impact)',
  '/disclosure': 'Disclosure',
};

/** The first field of each part, where a "remaining" link takes the reader. */
const PART_FIELDS: Record<AssessmentPart, string> = {
  '/objectives/0': 'objectives/0/category',
  '/objectives/1': 'objectives/1/category',
  '/objectives/2': 'objectives/2/category',
  '/risks/operational': 'risks/operational/likelihood',
  '/risks/financial': 'risks/financial/likelihood',
  '/risks/informationSecurity': 'risks/informationSecurity/likelihood',
  '/nature': 'nature/supplyRisk',
  '/disclosure': 'disclosure',
};

/** What remains to fill in before submitting, by the same rule the API's submit applies. */
export function remainingParts(
  form: FormState,
): Array<{ part: AssessmentPart; label: string; field: string }> {
  return missingParts(toInput(form)).map((part) => ({
    part,
    label: PART_LABELS[part],
    field: PART_FIELDS[part],
  }));
}

/** The API names categories by code ("business_value"); people read their labels. */
export function withLabels(errors: Record<string, string>): Record<string, string> {
  const named = (message: string) =>
    OBJECTIVE_CATEGORIES.reduce(
      (text, category) => text.replaceAll(`"${category}"`, `“${OBJECTIVE_CATEGORY_INFO[category].label}”`),
      message,
    );
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, named(message)]));
}

export function severityBand(likelihood: number, impact: number) {
  const severity = likelihood * impact;
  return { severity, band: RISK_BANDS.find((band) => severity <= band.maxSeverity)?.band ?? 'critical' };
}

/** What the assessment page loads: the deal, the stored assessment (if any) and its ETag. */
export interface Loaded {
  deal: Deal;
  assessment: Assessment | null;
  etag: string | null;
  /** The reader's role on the deal: only owners write the side's assessment. */
  dealRole: Schemas['DealRole'];
}

/** The message the deal page shows after a submission, by what the submission did. */
export function submittedFlash({ outcome, round }: Schemas['SubmitResult'], otherName: string): string {
  if (outcome === 'closed') return `Submitted. Both sides are in: the report for round ${round} is ready.`;
  if (outcome === 'opened') return `Submitted. You opened round ${round}; its report waits for ${otherName}.`;
  if (outcome === 'replaced') {
    return `Submitted. Your new answers replace your earlier submission for round ${round}.`;
  }
  return `Submitted for round ${round}. The report is computed once ${otherName} submits too.`;
}
