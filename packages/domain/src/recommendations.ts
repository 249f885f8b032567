import {
  type DisclosureLevel,
  IDEAL_ENGAGEMENT_MONTHS,
  LATE_ENGAGEMENT_MONTHS,
  RISK_CATEGORIES,
  type RiskCategory,
  type Side,
} from './taxonomy.js';

/**
 * Stable codes: clients switch on them, so a code is never renamed or reused for another meaning.
 * The order here is the order recommendations are listed in a report.
 */
export const RECOMMENDATION_CODES = [
  'OBJECTIVES_MISALIGNED',
  'RISK_VIEWS_DIVERGE',
  'RISK_UNDERRATED_OPERATIONAL',
  'RISK_UNDERRATED_FINANCIAL',
  'RISK_UNDERRATED_INFORMATION_SECURITY',
  'NATURE_MISMATCH',
  'BUILD_TRUST',
  'EXPECT_COMPETITIVE_PROCESS',
  'ENGAGE_EARLIER',
] as const;
export type RecommendationCode = (typeof RECOMMENDATION_CODES)[number];

/**
 * The lowest disclosure level at which a code may be shown. Summary gets only codes that name no
 * category and reveal nothing the summary does not (RISK_VIEWS_DIVERGE stands in for the
 * per-category risk codes there; the nature codes reveal procurement's class, a standard-level fact).
 */
export const RECOMMENDATION_MIN_LEVEL: Readonly<Record<RecommendationCode, DisclosureLevel>> = {
  OBJECTIVES_MISALIGNED: 'summary',
  RISK_VIEWS_DIVERGE: 'summary',
  RISK_UNDERRATED_OPERATIONAL: 'standard',
  RISK_UNDERRATED_FINANCIAL: 'standard',
  RISK_UNDERRATED_INFORMATION_SECURITY: 'standard',
  NATURE_MISMATCH: 'standard',
  BUILD_TRUST: 'standard',
  EXPECT_COMPETITIVE_PROCESS: 'standard',
  ENGAGE_EARLIER: 'summary',
};

export const RISK_UNDERRATED_CODES: Readonly<Record<RiskCategory, RecommendationCode>> = {
  operational: 'RISK_UNDERRATED_OPERATIONAL',
  financial: 'RISK_UNDERRATED_FINANCIAL',
  informationSecurity: 'RISK_UNDERRATED_INFORMATION_SECURITY',
};

const levelRank: Readonly<Record<DisclosureLevel, number>> = { summary: 0, standard: 1, detailed: 2 };

export function isShownAt(code: RecommendationCode, level: DisclosureLevel): boolean {
  return levelRank[level] >= levelRank[RECOMMENDATION_MIN_LEVEL[code]];
}

/*
 * Messages. Rules they keep (tests scan for them): written to the reader ("you" is the reader, the
 * other party is "the buyer" or "the supplier"); no objective category or its label; no note; no
 * number from an assessment (6 and 18 months are constants of the product); nothing the code's
 * minimum level does not already reveal; the same text at every level that shows the code.
 */

const counterpartyOf: Readonly<Record<Side, string>> = { sales: 'buyer', procurement: 'supplier' };

const riskNames: Readonly<Record<RiskCategory, string>> = {
  operational: 'operational risk',
  financial: 'financial risk',
  informationSecurity: 'information-security risk',
};

type SideMessages = Readonly<Record<Side, string>>;

const fixedMessages: Readonly<
  Record<Exclude<RecommendationCode, `RISK_UNDERRATED_${string}`>, SideMessages>
> = {
  OBJECTIVES_MISALIGNED: {
    sales:
      'At least two of the three objectives on each side do not line up, and deals like that rarely close. ' +
      'Before investing further, ask the buyer what success looks like for them and test whether your offer serves it.',
    procurement:
      'At least two of the three objectives on each side do not line up, and deals like that rarely close. ' +
      'Before going further, tell the supplier plainly what success looks like for you and ask how their offer serves it.',
  },
  RISK_VIEWS_DIVERGE: {
    sales:
      "Your view of at least one risk is far from the buyer's. A risk that alarms one side and blindsides the other " +
      'can stop the deal: walk through the risks together early.',
    procurement:
      "Your view of at least one risk is far from the supplier's. Raise your concerns early and hear how the " +
      'supplier sees them, so that neither side is blindsided late in the process.',
  },
  NATURE_MISMATCH: {
    sales:
      'You and the buyer see the nature of this purchase differently (strategic versus commodity). Settle it before ' +
      'shaping your proposal: it decides whether the buyer runs a competitive or a collaborative process.',
    procurement:
      'You and the supplier see the nature of this purchase differently (strategic versus commodity). Make your view ' +
      'explicit early: it decides how you will run the process and how much the supplier should invest.',
  },
  BUILD_TRUST: {
    sales:
      'The buyer sees this as a strategic purchase. Invest in trust: involve their stakeholders early, be open about ' +
      'your roadmap and constraints, and allow time for a collaborative process.',
    procurement:
      'You see this as a strategic purchase. Invest in trust with the supplier: share your needs openly, involve them ' +
      'early and allow time; a purely price-led process would work against you.',
  },
  EXPECT_COMPETITIVE_PROCESS: {
    sales:
      'The buyer sees this as a commodity purchase. Expect an assertive, directive and competitive process focused on ' +
      'price and terms, unless you show clear value or differentiation.',
    procurement:
      'You see this as a commodity purchase. An assertive, competitive process focused on price and terms is ' +
      'appropriate; stay open to a supplier that shows clear value or differentiation.',
  },
  ENGAGE_EARLIER: {
    sales:
      `The decision is due less than ${LATE_ENGAGEMENT_MONTHS} months after this deal was opened, and by the time ` +
      'an RFP is issued most of the work is done. Engage the buyer now on what is still open, and in future engage up to ' +
      `${IDEAL_ENGAGEMENT_MONTHS} months before formal bidding starts.`,
    procurement:
      `The decision is due less than ${LATE_ENGAGEMENT_MONTHS} months after this deal was opened, which leaves the ` +
      'supplier little time to shape value. Share your requirements now, and in future involve suppliers up to ' +
      `${IDEAL_ENGAGEMENT_MONTHS} months before formal bidding starts.`,
  },
};

/** For each reader: the message when the reader is the side that rates the risk lower, and when it is not. */
interface UnderratedMessages {
  readerUnderrates: string;
  counterpartyUnderrates: string;
}

function underratedMessages(category: RiskCategory, reader: Side): UnderratedMessages {
  const risk = riskNames[category];
  const counterparty = counterpartyOf[reader];
  return reader === 'sales'
    ? {
        readerUnderrates:
          `You rate ${risk} much lower than the ${counterparty} does. Study it before the ${counterparty} raises it: ` +
          'find out what drives their concern and prepare a credible answer.',
        counterpartyUnderrates:
          `The ${counterparty} rates ${risk} much lower than you do. Raise it early and explain the exposure you ` +
          'see, before it surfaces late and undermines trust.',
      }
    : {
        readerUnderrates:
          `You rate ${risk} much lower than the ${counterparty} does. Study it: find out what drives their ` +
          'concern, as it may point to an exposure you have not yet accounted for.',
        counterpartyUnderrates:
          `The ${counterparty} rates ${risk} much lower than you do. Raise it early and ask how they will ` +
          'address it, rather than letting it surface as a late objection.',
      };
}

/** Built once: disclosing is on the read path of every report. */
const underratedMessagesByCode: ReadonlyMap<
  RecommendationCode,
  { readonly category: RiskCategory; readonly messages: Readonly<Record<Side, UnderratedMessages>> }
> = new Map(
  RISK_CATEGORIES.map((category) => [
    RISK_UNDERRATED_CODES[category],
    {
      category,
      messages: {
        sales: underratedMessages(category, 'sales'),
        procurement: underratedMessages(category, 'procurement'),
      },
    },
  ]),
);

/**
 * The message of a code for a reader. `risks` tells which side rated each risk category lower; it
 * is only consulted for the RISK_UNDERRATED_* codes.
 */
export function recommendationMessage(
  code: RecommendationCode,
  reader: Side,
  risks: Readonly<Record<RiskCategory, { readonly underratedBy?: Side }>>,
): string {
  const underrated = underratedMessagesByCode.get(code);
  if (underrated !== undefined) {
    const messages = underrated.messages[reader];
    return risks[underrated.category].underratedBy === reader
      ? messages.readerUnderrates
      : messages.counterpartyUnderrates;
  }
  return fixedMessages[code as keyof typeof fixedMessages][reader];
}
