import { kraljicQuadrant, MAX_OBJECTIVE_HALVES, matchObjectives, riskBandIndex } from './alignment.js';
import {
  categoryIndex,
  isRating,
  type NaturePosition,
  type Objective,
  type RiskRating,
} from './assessment.js';
import {
  KRALJIC_QUADRANT_INFO,
  type KraljicQuadrant,
  MISALIGNED_SLIM_THRESHOLD,
  OBJECTIVE_CATEGORIES,
  OBJECTIVE_COUNT,
  type ObjectiveCategory,
  PRIORITY_WEIGHTS,
  type PurchaseClass,
  RISK_BANDS,
  RISK_CATEGORIES,
  RISK_CATEGORY_LABELS,
  type RiskBand,
  type RiskCategory,
  type RiskStatus,
} from './taxonomy.js';

/*
 * A side is a team (issue 17): each contributor gives a private, partial view of the parts asked
 * of them. The side's internal spread measures how far its own people stand apart with the same
 * measures the two-sided report uses, and consolidation builds the side's draft from the views.
 */

export const CONTRIBUTION_PARTS = [
  'objectives',
  'operational',
  'financial',
  'informationSecurity',
  'nature',
] as const;
export type ContributionPart = (typeof CONTRIBUTION_PARTS)[number];

export interface ContributionContent {
  objectives?: [Objective, Objective, Objective];
  risks?: Partial<Record<RiskCategory, RiskRating>>;
  nature?: NaturePosition;
}
export interface Contribution {
  id: string;
  content: ContributionContent;
}

/** The parts a content holds, in CONTRIBUTION_PARTS order. */
export function contributionPartsOf(content: ContributionContent): ContributionPart[] {
  return CONTRIBUTION_PARTS.filter((part) => {
    if (part === 'objectives') return content.objectives !== undefined;
    if (part === 'nature') return content.nature !== undefined;
    return content.risks?.[part] !== undefined;
  });
}

interface ObjectivePair {
  between: [string, string];
  score: number;
  aligned: number;
  related: number;
  misaligned: number;
}
interface RiskSpread {
  views: Array<{ contributor: string; band: RiskBand }>;
  spread: number;
  status: RiskStatus;
  lowest?: string;
  highest?: string;
}
interface NatureSpread {
  views: Array<{ contributor: string; quadrant: KraljicQuadrant; purchaseClass: PurchaseClass }>;
  agreed: boolean;
}
export type InternalFinding =
  | { code: 'INTERNAL_RISK_SPREAD'; category: RiskCategory; between: [string, string]; bands: number }
  | { code: 'INTERNAL_OBJECTIVES_DIVERGE'; between: [string, string]; misaligned: number }
  | { code: 'INTERNAL_NATURE_SPLIT'; strategic: string[]; commodity: string[] };
export interface InternalSpread {
  contributors: number;
  objectives: { views: number; pairs: ObjectivePair[] };
  risks: Record<RiskCategory, RiskSpread>;
  nature: NatureSpread;
  findings: InternalFinding[];
}

const STATUS_BY_SPREAD: readonly RiskStatus[] = ['aligned', 'minor_gap', 'major_gap'];
const MAJOR_SPREAD = 2;

function objectiveIndexes(contribution: Contribution): number[] {
  const objectives = contribution.content.objectives ?? [];
  const indexes = objectives.map((objective) => categoryIndex(objective.category));
  if (
    indexes.length !== OBJECTIVE_COUNT ||
    indexes.some((index) => index < 0) ||
    new Set(indexes).size !== indexes.length
  )
    throw new RangeError(`invalid objectives in contribution ${contribution.id}`);
  return indexes;
}

function bandOf(contribution: Contribution, rating: RiskRating): number {
  const band = riskBandIndex(rating.likelihood, rating.impact);
  if (Number.isNaN(band)) throw new RangeError(`invalid rating in contribution ${contribution.id}`);
  return band;
}

function riskSpread(contributions: readonly Contribution[], category: RiskCategory): RiskSpread {
  const rated = contributions.flatMap((contribution) => {
    const rating = contribution.content.risks?.[category];
    return rating ? [{ contributor: contribution.id, index: bandOf(contribution, rating) }] : [];
  });
  const views = rated.map(({ contributor, index }) => ({
    contributor,
    band: (RISK_BANDS[index] ?? RISK_BANDS[0]).band,
  }));
  if (rated.length < 2) return { views, spread: 0, status: 'aligned' };
  let lowest = rated[0] as (typeof rated)[number];
  let highest = lowest;
  for (const view of rated) {
    if (view.index < lowest.index) lowest = view;
    if (view.index > highest.index) highest = view;
  }
  const spread = highest.index - lowest.index;
  const status = STATUS_BY_SPREAD[Math.min(spread, MAJOR_SPREAD)] ?? 'major_gap';
  if (spread === 0) return { views, spread, status };
  return { views, spread, status, lowest: lowest.contributor, highest: highest.contributor };
}

function natureSpread(contributions: readonly Contribution[]): NatureSpread {
  const views = contributions.flatMap((contribution) => {
    const nature = contribution.content.nature;
    if (!nature) return [];
    if (!isRating(nature.supplyRisk) || !isRating(nature.businessImpact))
      throw new RangeError(`invalid nature in contribution ${contribution.id}`);
    const quadrant = kraljicQuadrant(nature.supplyRisk, nature.businessImpact);
    return [
      {
        contributor: contribution.id,
        quadrant,
        purchaseClass: KRALJIC_QUADRANT_INFO[quadrant].purchaseClass,
      },
    ];
  });
  const agreed = views.every((view) => view.purchaseClass === views[0]?.purchaseClass);
  return { views, agreed };
}

/** How far a side's contributors stand apart: objectives pair by pair, each risk's band spread, the nature. */
export function internalSpread(contributions: readonly Contribution[]): InternalSpread {
  const withObjectives = contributions
    .filter((contribution) => contribution.content.objectives !== undefined)
    .map((contribution) => ({ id: contribution.id, indexes: objectiveIndexes(contribution) }));
  const pairs: ObjectivePair[] = [];
  for (let i = 0; i < withObjectives.length; i++) {
    for (let j = i + 1; j < withObjectives.length; j++) {
      const a = withObjectives[i] as (typeof withObjectives)[number];
      const b = withObjectives[j] as (typeof withObjectives)[number];
      const match = matchObjectives(a.indexes, b.indexes);
      pairs.push({
        between: [a.id, b.id],
        score: match.halves / MAX_OBJECTIVE_HALVES,
        aligned: match.aligned,
        related: match.related,
        misaligned: match.misaligned,
      });
    }
  }
  const risks = {
    operational: riskSpread(contributions, 'operational'),
    financial: riskSpread(contributions, 'financial'),
    informationSecurity: riskSpread(contributions, 'informationSecurity'),
  };
  const nature = natureSpread(contributions);
  const findings: InternalFinding[] = [];
  for (const category of RISK_CATEGORIES) {
    const risk = risks[category];
    if (risk.spread >= MAJOR_SPREAD && risk.lowest && risk.highest)
      findings.push({
        code: 'INTERNAL_RISK_SPREAD',
        category,
        between: [risk.lowest, risk.highest],
        bands: risk.spread,
      });
  }
  for (const pair of pairs) {
    if (pair.misaligned >= MISALIGNED_SLIM_THRESHOLD)
      findings.push({
        code: 'INTERNAL_OBJECTIVES_DIVERGE',
        between: pair.between,
        misaligned: pair.misaligned,
      });
  }
  if (!nature.agreed) {
    const of = (purchaseClass: PurchaseClass) =>
      nature.views.filter((view) => view.purchaseClass === purchaseClass).map((view) => view.contributor);
    findings.push({ code: 'INTERNAL_NATURE_SPLIT', strategic: of('strategic'), commodity: of('commodity') });
  }
  return {
    contributors: contributions.length,
    objectives: { views: withObjectives.length, pairs },
    risks,
    nature,
    findings,
  };
}

const listOf = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** A plain sentence for a finding; it names people and parts, never what anyone wrote. */
export function internalFindingMessage(finding: InternalFinding, nameOf: (id: string) => string): string {
  switch (finding.code) {
    case 'INTERNAL_RISK_SPREAD':
      return `${nameOf(finding.between[0])} and ${nameOf(finding.between[1])} differ by ${finding.bands} bands on ${RISK_CATEGORY_LABELS[finding.category].toLowerCase()} risk: settle it inside your side before you submit.`;
    case 'INTERNAL_OBJECTIVES_DIVERGE':
      return `${nameOf(finding.between[0])} and ${nameOf(finding.between[1])} disagree on ${finding.misaligned} of the three objectives: agree on what the deal is for before you consolidate.`;
    case 'INTERNAL_NATURE_SPLIT':
      return `${listOf(finding.strategic.map(nameOf))} see a strategic purchase, ${listOf(finding.commodity.map(nameOf))} a commodity: the approach to the supplier depends on which it is.`;
  }
}

type ObjectivesChoice =
  | { from: string }
  | { combine: string[] }
  | { override: [Objective, Objective, Objective] };
type RiskChoice = { from: string } | { average: string[] } | { override: RiskRating };
type NatureChoice = { from: string } | { average: string[] } | { override: NaturePosition };
export interface ConsolidationPlan {
  objectives?: ObjectivesChoice;
  risks?: Partial<Record<RiskCategory, RiskChoice>>;
  nature?: NatureChoice;
}
interface ConsolidationProblem {
  path: string;
  message: string;
}
interface ConsolidatedParts {
  objectives?: [Objective, Objective, Objective];
  risks?: Partial<Record<RiskCategory, RiskRating>>;
  nature?: NaturePosition;
}
export type Consolidation =
  | {
      ok: true;
      draft: ConsolidatedParts;
      sources: string[];
      rules: Partial<Record<ContributionPart, string>>;
    }
  | { ok: false; problems: ConsolidationProblem[] };

/** The mean of integers rounded half up, in exact integer arithmetic. */
const roundedMean = (values: readonly number[]) =>
  Math.floor((2 * values.reduce((sum, value) => sum + value, 0) + values.length) / (2 * values.length));

/** Collects problems, sources and rules while one plan is applied to a side's contributions. */
class ConsolidationRun {
  readonly problems: ConsolidationProblem[] = [];
  readonly sources = new Set<string>();
  readonly rules: Partial<Record<ContributionPart, string>> = {};
  readonly draft: ConsolidatedParts = {};
  private readonly byId: Map<string, Contribution>;

  constructor(contributions: readonly Contribution[]) {
    this.byId = new Map(contributions.map((contribution) => [contribution.id, contribution]));
  }

  problem(path: string, message: string) {
    this.problems.push({ path, message });
  }

  /** The listed contributions' values of one part, or undefined after recording why not. */
  gather<T>(path: string, ids: readonly string[], partOf: (content: ContributionContent) => T | undefined) {
    if (ids.length === 0) {
      this.problem(path, 'List at least one contribution.');
      return undefined;
    }
    const values: T[] = [];
    ids.forEach((id, index) => {
      const value = this.valueAt(`${path}/${index}`, ids.indexOf(id) !== index, id, partOf);
      if (value !== undefined) values.push(value);
    });
    if (values.length !== ids.length) return undefined;
    for (const id of ids) this.sources.add(id);
    return values;
  }

  private valueAt<T>(
    path: string,
    repeated: boolean,
    id: string,
    partOf: (content: ContributionContent) => T | undefined,
  ): T | undefined {
    if (repeated) {
      this.problem(path, `${id} is listed twice.`);
      return undefined;
    }
    const contribution = this.byId.get(id);
    if (!contribution) {
      this.problem(path, `There is no contribution ${id} on this deal.`);
      return undefined;
    }
    const value = partOf(contribution.content);
    if (value === undefined) this.problem(path, `Contribution ${id} does not hold this part.`);
    return value;
  }
}

const views = (count: number) => `${count} view${count === 1 ? '' : 's'}`;
const copyObjectives = (objectives: readonly Objective[]) =>
  objectives.map((objective) => ({ ...objective })) as [Objective, Objective, Objective];
/*
 * A contribution's notes are one person's words, which the rest of the side may not read (a
 * contributor sees only its own contribution), while every member reads the side's assessment.
 * So whatever is taken from a contribution is taken without its notes.
 */
const categoriesOf = (objectives: readonly Objective[]) =>
  objectives.map((objective) => ({ category: objective.category })) as [Objective, Objective, Objective];
const ratingOf = (rating: RiskRating): RiskRating => ({
  likelihood: rating.likelihood,
  impact: rating.impact,
});

function consolidateObjectives(run: ConsolidationRun, choice: ObjectivesChoice) {
  const partOf = (content: ContributionContent) => content.objectives;
  if ('from' in choice) {
    const [picked] = run.gather('/objectives/from', [choice.from], partOf) ?? [];
    if (!picked) return;
    run.draft.objectives = categoriesOf(picked);
    run.rules.objectives = `picked from ${choice.from}`;
  } else if ('combine' in choice) {
    const lists = run.gather('/objectives/combine', choice.combine, partOf);
    if (!lists) return;
    run.draft.objectives = combineObjectives(lists);
    run.rules.objectives = `combined by priority weights 3-2-1 from ${views(lists.length)}`;
  } else if (validObjectives(choice.override)) {
    run.draft.objectives = copyObjectives(choice.override);
    run.rules.objectives = 'set by the owner';
  } else {
    run.problem('/objectives/override', 'Give three distinct objective categories.');
  }
}

function consolidateRisk(run: ConsolidationRun, category: RiskCategory, choice: RiskChoice) {
  const path = `/risks/${category}`;
  const partOf = (content: ContributionContent) => content.risks?.[category];
  let rating: RiskRating | undefined;
  if ('from' in choice) {
    const [picked] = run.gather(`${path}/from`, [choice.from], partOf) ?? [];
    if (picked) {
      rating = ratingOf(picked);
      run.rules[category] = `picked from ${choice.from}`;
    }
  } else if ('average' in choice) {
    const ratings = run.gather(`${path}/average`, choice.average, partOf);
    if (ratings) {
      rating = {
        likelihood: roundedMean(ratings.map((r) => r.likelihood)),
        impact: roundedMean(ratings.map((r) => r.impact)),
      };
      run.rules[category] = `mean of ${views(ratings.length)}, rounded half up`;
    }
  } else if (isRating(choice.override.likelihood) && isRating(choice.override.impact)) {
    rating = { ...choice.override };
    run.rules[category] = 'set by the owner';
  } else {
    run.problem(`${path}/override`, 'Ratings are whole numbers from 1 to 5.');
  }
  if (rating) run.draft.risks = { ...run.draft.risks, [category]: rating };
}

function consolidateNature(run: ConsolidationRun, choice: NatureChoice) {
  const partOf = (content: ContributionContent) => content.nature;
  if ('from' in choice) {
    const [picked] = run.gather('/nature/from', [choice.from], partOf) ?? [];
    if (!picked) return;
    run.draft.nature = { ...picked };
    run.rules.nature = `picked from ${choice.from}`;
  } else if ('average' in choice) {
    const positions = run.gather('/nature/average', choice.average, partOf);
    if (!positions) return;
    run.draft.nature = {
      supplyRisk: roundedMean(positions.map((p) => p.supplyRisk)),
      businessImpact: roundedMean(positions.map((p) => p.businessImpact)),
    };
    run.rules.nature = `mean of ${views(positions.length)}, rounded half up`;
  } else if (isRating(choice.override.supplyRisk) && isRating(choice.override.businessImpact)) {
    run.draft.nature = { ...choice.override };
    run.rules.nature = 'set by the owner';
  } else {
    run.problem('/nature/override', 'Ratings are whole numbers from 1 to 5.');
  }
}

/** Builds a side's parts from its contributions as the plan says; every problem is reported at once. */
export function consolidate(contributions: readonly Contribution[], plan: ConsolidationPlan): Consolidation {
  const run = new ConsolidationRun(contributions);
  if (plan.objectives) consolidateObjectives(run, plan.objectives);
  for (const category of RISK_CATEGORIES) {
    const choice = plan.risks?.[category];
    if (choice) consolidateRisk(run, category, choice);
  }
  if (plan.nature) consolidateNature(run, plan.nature);
  if (run.problems.length > 0) return { ok: false, problems: run.problems };
  return { ok: true, draft: run.draft, sources: [...run.sources].sort(), rules: run.rules };
}

function validObjectives(objectives: readonly Objective[]): boolean {
  const indexes = objectives.map((objective) => categoryIndex(objective.category));
  return (
    indexes.length === OBJECTIVE_COUNT &&
    indexes.every((index) => index >= 0) &&
    new Set(indexes).size === indexes.length
  );
}

/**
 * The three categories the listed views weigh most (3, 2, 1 by priority); ties go to the higher
 * single best weight, then to taxonomy order. Notes are dropped: they were one person's words.
 */
function combineObjectives(lists: ReadonlyArray<readonly Objective[]>): [Objective, Objective, Objective] {
  const total = new Map<ObjectiveCategory, number>();
  const best = new Map<ObjectiveCategory, number>();
  for (const list of lists) {
    list.forEach((objective, priority) => {
      const weight = PRIORITY_WEIGHTS[priority] ?? 0;
      total.set(objective.category, (total.get(objective.category) ?? 0) + weight);
      best.set(objective.category, Math.max(best.get(objective.category) ?? 0, weight));
    });
  }
  const ranked = [...total.keys()].sort(
    (a, b) =>
      (total.get(b) ?? 0) - (total.get(a) ?? 0) ||
      (best.get(b) ?? 0) - (best.get(a) ?? 0) ||
      OBJECTIVE_CATEGORIES.indexOf(a) - OBJECTIVE_CATEGORIES.indexOf(b),
  );
  return ranked.slice(0, OBJECTIVE_COUNT).map((category) => ({ category })) as [
    Objective,
    Objective,
    Objective,
  ];
}
