import {
  type DisclosureLevel,
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
 * answers are missing and the request body it becomes. Pure: no React, no requests.
 */

export type AssessmentInput = Schemas['AssessmentContentInput'];

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

export function fromAssessment(assessment: Assessment): FormState {
  const objective = (index: 0 | 1 | 2): ObjectiveDraft => ({
    category: assessment.objectives[index]?.category ?? '',
    note: assessment.objectives[index]?.note ?? '',
  });
  const risk = (category: RiskCategory): RiskDraft => ({
    likelihood: assessment.risks[category].likelihood,
    impact: assessment.risks[category].impact,
    note: assessment.risks[category].note ?? '',
  });
  return {
    objectives: [objective(0), objective(1), objective(2)],
    risks: {
      operational: risk('operational'),
      financial: risk('financial'),
      informationSecurity: risk('informationSecurity'),
    },
    nature: { ...assessment.nature },
    disclosure: assessment.disclosure,
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

/** Missing answers, keyed like the API's validation paths. */
function missingAnswers(form: FormState): Record<string, string> {
  const missing: Record<string, string> = {};
  form.objectives.forEach((objective, index) => {
    if (!objective.category) missing[`objectives/${index}/category`] = 'Choose an objective.';
  });
  for (const category of RISK_CATEGORIES) {
    if (!form.risks[category].likelihood) missing[`risks/${category}/likelihood`] = 'Choose a likelihood.';
    if (!form.risks[category].impact) missing[`risks/${category}/impact`] = 'Choose an impact.';
  }
  if (!form.nature.supplyRisk) missing['nature/supplyRisk'] = 'Choose a supply risk.';
  if (!form.nature.businessImpact) missing['nature/businessImpact'] = 'Choose a business impact.';
  if (!form.disclosure) missing.disclosure = 'Choose how much the report may reveal.';
  return missing;
}

const withNote = <T extends object>(out: T, note: string): T & { note?: string } =>
  note.trim() ? { ...out, note: note.trim() } : out;

const objectiveInput = (draft: ObjectiveDraft): Schemas['AssessmentObjectiveInput'] =>
  withNote({ category: draft.category as ObjectiveCategory }, draft.note);

const riskInput = (draft: RiskDraft): Schemas['RiskRatingInput'] =>
  withNote({ likelihood: draft.likelihood, impact: draft.impact }, draft.note);

/** Missing answers, keyed like the API's validation paths; the body when nothing is missing. */
export function toInput(form: FormState): { input?: AssessmentInput; missing: Record<string, string> } {
  const missing = missingAnswers(form);
  if (Object.keys(missing).length || !form.disclosure) return { missing };
  return {
    missing,
    input: {
      objectives: [
        objectiveInput(form.objectives[0]),
        objectiveInput(form.objectives[1]),
        objectiveInput(form.objectives[2]),
      ],
      risks: {
        operational: riskInput(form.risks.operational),
        financial: riskInput(form.risks.financial),
        informationSecurity: riskInput(form.risks.informationSecurity),
      },
      nature: { supplyRisk: form.nature.supplyRisk, businessImpact: form.nature.businessImpact },
      disclosure: form.disclosure,
    },
  };
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
