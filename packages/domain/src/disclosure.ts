import { isShownAt, type RecommendationCode, recommendationMessage } from './recommendations.js';
import type { AlignmentReport, RiskAlignment, Timing } from './report.js';
import {
  type Approach,
  DISCLOSURE_LEVELS,
  type DisclosureLevel,
  type KraljicQuadrant,
  type ObjectiveCategory,
  type RiskStatus,
  type ScoreBand,
  type Side,
} from './taxonomy.js';

export interface DisclosedRisk {
  status: RiskStatus;
  underratedBy?: Side;
}

export interface Recommendation {
  code: RecommendationCode;
  message: string;
}

/**
 * What one side may read of a report. Parts a level does not allow are absent (no key at all), so
 * that a serializer or a client cannot leak them by accident.
 */
export interface DisclosedReport {
  algorithm: string;
  disclosure: DisclosureLevel;
  score: number;
  band: ScoreBand;
  timing?: Timing;
  /** standard and detailed. */
  objectives?: { aligned: number; related: number; misaligned: number; shared: ObjectiveCategory[] };
  /** standard and detailed. */
  risks?: { operational: DisclosedRisk; financial: DisclosedRisk; informationSecurity: DisclosedRisk };
  /** standard and detailed; quadrants only at detailed. */
  nature?: {
    agreed: boolean;
    approach: Approach;
    quadrants?: { sales: KraljicQuadrant; procurement: KraljicQuadrant };
  };
  recommendations: Recommendation[];
}

/** The lower (less revealing) of two levels: a deal shows what both sides consented to. */
export function effectiveDisclosure(a: DisclosureLevel, b: DisclosureLevel): DisclosureLevel {
  return DISCLOSURE_LEVELS.indexOf(a) <= DISCLOSURE_LEVELS.indexOf(b) ? a : b;
}

function discloseRisk(risk: RiskAlignment): DisclosedRisk {
  return risk.underratedBy === undefined
    ? { status: risk.status }
    : { status: risk.status, underratedBy: risk.underratedBy };
}

function discloseTiming(timing: Timing): Timing {
  return { monthsToDecision: timing.monthsToDecision, engagement: timing.engagement };
}

/**
 * Cuts a full report to a disclosure level, with recommendation messages worded for the reader.
 * The level is capped at the report's own `disclosure` (what both sides consented to when it was
 * computed), so asking for more than was consented yields no more. Each level's output is a subset
 * of the next level's apart from the `disclosure` field itself, and a recommendation's message does
 * not depend on the level.
 */
export function disclose(report: AlignmentReport, level: DisclosureLevel, reader: Side): DisclosedReport {
  const disclosure = effectiveDisclosure(level, report.disclosure);
  const { risks, timing } = report;
  const recommendations: Recommendation[] = [];
  for (const code of report.recommendations) {
    if (isShownAt(code, disclosure)) {
      recommendations.push({ code, message: recommendationMessage(code, reader, risks) });
    }
  }
  // Objects are built whole, in the API's field order, rather than by deleting from a copy: a
  // field that is not written cannot leak.
  if (disclosure === 'summary') {
    return timing === undefined
      ? { algorithm: report.algorithm, disclosure, score: report.score, band: report.band, recommendations }
      : {
          algorithm: report.algorithm,
          disclosure,
          score: report.score,
          band: report.band,
          timing: discloseTiming(timing),
          recommendations,
        };
  }
  const { objectives, nature } = report;
  const disclosedObjectives = {
    aligned: objectives.aligned,
    related: objectives.related,
    misaligned: objectives.misaligned,
    shared: objectives.shared.slice(),
  };
  const disclosedRisks = {
    operational: discloseRisk(risks.operational),
    financial: discloseRisk(risks.financial),
    informationSecurity: discloseRisk(risks.informationSecurity),
  };
  const disclosedNature =
    disclosure === 'detailed'
      ? {
          agreed: nature.agreed,
          approach: nature.approach,
          quadrants: { sales: nature.quadrants.sales, procurement: nature.quadrants.procurement },
        }
      : { agreed: nature.agreed, approach: nature.approach };
  return timing === undefined
    ? {
        algorithm: report.algorithm,
        disclosure,
        score: report.score,
        band: report.band,
        objectives: disclosedObjectives,
        risks: disclosedRisks,
        nature: disclosedNature,
        recommendations,
      }
    : {
        algorithm: report.algorithm,
        disclosure,
        score: report.score,
        band: report.band,
        timing: discloseTiming(timing),
        objectives: disclosedObjectives,
        risks: disclosedRisks,
        nature: disclosedNature,
        recommendations,
      };
}
