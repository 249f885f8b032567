/**
 * @cg/domain — the alignment engine of Common Ground: taxonomy, alignment, disclosure, rounds and
 * recommendations. Pure TypeScript without runtime dependencies or I/O, so the same code runs in
 * the service and in the portals.
 */

export {
  type AlignmentContext,
  affinity,
  computeAlignment,
  engagementFor,
  kraljicQuadrant,
  riskBandIndex,
  scoreBand,
} from './alignment.js';
export {
  type Assessment,
  assessmentProblems,
  canonicalAssessment,
  type NaturePosition,
  type Objective,
  type RiskAssessment,
  type RiskRating,
} from './assessment.js';
export {
  type DisclosedReport,
  type DisclosedRisk,
  disclose,
  effectiveDisclosure,
  type Recommendation,
} from './disclosure.js';
export {
  ASSESSMENT_PARTS,
  type AssessmentDraft,
  type AssessmentPart,
  canonicalDraft,
  completeAssessment,
  missingParts,
} from './draft.js';
export {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
} from './notifications.js';
export {
  isShownAt,
  RECOMMENDATION_CODES,
  RECOMMENDATION_MIN_LEVEL,
  type RecommendationCode,
  RISK_UNDERRATED_CODES,
  recommendationMessage,
} from './recommendations.js';
export type { AlignmentReport, RiskAlignment, Timing } from './report.js';
export {
  DEFAULT_ROUND_BUDGET,
  initialRoundsState,
  type RoundsState,
  roundsLeft,
  type SubmitContext,
  type SubmitOutcome,
  type SubmitRefusal,
  type SubmitResult,
  submit,
  waitingFor,
} from './rounds.js';
export * from './taxonomy.js';
export {
  CONTRIBUTION_PARTS,
  type Consolidation,
  type ConsolidationPlan,
  type Contribution,
  type ContributionContent,
  type ContributionPart,
  consolidate,
  contributionPartsOf,
  type InternalFinding,
  type InternalSpread,
  internalFindingMessage,
  internalSpread,
} from './team.js';
export { wholeMonthsBetween } from './time.js';
