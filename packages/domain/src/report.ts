/*
 * The shape of an alignment report: computed by alignment.ts, cut to a disclosure level by
 * disclosure.ts. It lives apart from both so that neither has to import the other's module for it.
 */
import type { RecommendationCode } from './recommendations.js';
import type {
  Approach,
  DisclosureLevel,
  Engagement,
  KraljicQuadrant,
  ObjectiveCategory,
  RiskStatus,
  ScoreBand,
  Side,
} from './taxonomy.js';

export interface RiskAlignment {
  status: RiskStatus;
  /** Difference of the two sides' band indexes, 0–3. Internal: never disclosed. */
  gap: number;
  /** The side whose band is lower; present exactly when gap ≥ 1. */
  underratedBy?: Side;
}

export interface Timing {
  /** Whole calendar months (UTC) from the deal's creation to its expected decision, never negative. */
  monthsToDecision: number;
  engagement: Engagement;
}

/**
 * The full report, for the service only: it holds component scores and gaps that no disclosure
 * level shows. What a side may read is `disclose(report, level, side)`.
 */
export interface AlignmentReport {
  algorithm: string;
  basedOn: { sales: number; procurement: number };
  /** The lower of the two sides' chosen levels: the most either side may ever be shown of this report. */
  disclosure: DisclosureLevel;
  /** 0–100. */
  score: number;
  band: ScoreBand;
  /** Each 0–1, weighted 0.5 / 0.35 / 0.15 into the score. */
  componentScores: { objectives: number; risks: number; nature: number };
  objectives: {
    aligned: number;
    related: number;
    misaligned: number;
    /** The categories both sides chose, in taxonomy order. */
    shared: ObjectiveCategory[];
  };
  risks: { operational: RiskAlignment; financial: RiskAlignment; informationSecurity: RiskAlignment };
  nature: {
    quadrants: { sales: KraljicQuadrant; procurement: KraljicQuadrant };
    /** Both sides put the purchase in the same class (strategic or commodity). */
    agreed: boolean;
    /** Follows procurement's class. */
    approach: Approach;
  };
  timing?: Timing;
  /** In RECOMMENDATION_CODES order. */
  recommendations: RecommendationCode[];
}
