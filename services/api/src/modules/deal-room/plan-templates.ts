/*
 * Built-in plans (issue 17), grounded in the product brief: a strategic purchase is won by
 * engaging early (up to 18 months before formal bidding) and investing in trust; a commodity
 * purchase runs as a competitive, procurement-directed process on savings and compliance. Every
 * date is relative to the deal's expected decision date, so the plan moves when that date does.
 */

type Side = 'sales' | 'procurement';
const before = (days: number) => ({ relativeToDecision: { days: -days } });
const task = (title: string, days: number) => ({ title, due: before(days) });
const step = (title: string, ownerSide: Side, days: number, tasks: ReturnType<typeof task>[] = []) => ({
  title,
  ownerSide,
  due: before(days),
  tasks,
});

export const PLAN_TEMPLATES = [
  {
    id: 'strategic-partnership',
    name: 'Strategic purchase: 18 months of trust-building',
    description:
      'For a strategic partnership: start 18 months before the decision, agree objectives and risk views early, and build trust before any formal bidding.',
    approach: 'collaborative' as const,
    milestones: [
      step('Early engagement: meet the buying committee and the account team', 'sales', 540, [
        task('Introduce the people on each side and their roles', 540),
        task('Each side writes down its three objectives for the deal', 510),
      ]),
      step('Joint discovery: where the value is for both organisations', 'sales', 450, [
        task('Run a value-discovery workshop together', 450),
        task('Reference call or site visit with an existing customer', 420),
      ]),
      step('Align risk views: operational, financial, information security', 'procurement', 360, [
        task('Share the information-security questionnaire', 360),
        task('Review financial stability and continuity plans together', 330),
      ]),
      step('Both sides submit their assessments and read the alignment report', 'procurement', 270),
      step('Co-design the solution and the success measures', 'sales', 180, [
        task('Agree how value will be measured after go-live', 180),
      ]),
      step('Formal RFP or proposal', 'procurement', 90),
      step('Decision', 'procurement', 0),
    ],
  },
  {
    id: 'competitive-commodity',
    name: 'Commodity purchase: a competitive process',
    description:
      'For a commodity purchase without clear differentiation: a procurement-led, competitive process focused on savings and compliance.',
    approach: 'competitive' as const,
    milestones: [
      step('Define the requirements and the specification', 'procurement', 120),
      step('Supplier qualification and compliance checks', 'procurement', 100, [
        task('Collect compliance and certification documents', 100),
        task('Check insurance and financial standing', 90),
      ]),
      step('Issue the RFQ / RFP', 'procurement', 75),
      step('Supplier responses due', 'sales', 45, [
        task('Submit pricing and the service levels offered', 45),
      ]),
      step('Evaluation and negotiation on price and terms', 'procurement', 30),
      step('Award decision', 'procurement', 0),
    ],
  },
];
