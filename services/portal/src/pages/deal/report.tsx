import {
  DISCLOSURE_LEVEL_INFO,
  KRALJIC_QUADRANT_INFO,
  type KraljicQuadrant,
  kraljicQuadrant,
  OBJECTIVE_CATEGORY_INFO,
  otherSide,
  RISK_CATEGORIES,
  RISK_CATEGORY_LABELS,
  type Side,
} from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { call } from '../../api.js';
import { ScoreGauge } from '../../components/gauge.js';
import { KraljicMatrix } from '../../components/kraljic.js';
import { Alert, ProblemAlert } from '../../components/ui.js';
import { usePortal, useSession } from '../../context.js';
import { useAction } from '../../hooks.js';
import {
  APPROACH_INFO,
  type Assessment,
  BAND_INFO,
  capitalise,
  type Deal,
  ENGAGEMENT_INFO,
  formatDateTime,
  RISK_STATUS_LABELS,
  sideName,
} from '../../labels.js';
import { Link } from '../../router.js';

export type Alignment = Schemas['Alignment'];
type Report = Schemas['AlignmentCurrent'];

/** What the alignment panel knows: the deal, the reader's side and assessment, and what it may do. */
interface ReportContext {
  deal: Deal;
  assessment: Assessment | null;
  reader: Side;
  canWrite: boolean;
  onChanged: () => void;
}

function waitingText(deal: Deal, sides: readonly Side[], reader: Side): string {
  const names = sides.map((side) => sideName(deal, side, reader));
  return names.length ? names.join(' and ') : 'nobody';
}

function useAssessmentPath(deal: Deal): string {
  const { portal } = usePortal();
  return `${portal.basePath}/deals/${encodeURIComponent(deal.id)}/assessment`;
}

/** The alignment panel: "waiting for …" until both sides have submitted, the report afterwards. */
export function AlignmentView({ alignment, ...context }: ReportContext & { alignment: Alignment }) {
  const { deal, assessment, reader, canWrite } = context;
  const assessmentPath = useAssessmentPath(deal);
  if (alignment.status !== 'awaiting_submissions') return <ReportView report={alignment} {...context} />;
  const me = alignment.waitingFor.includes(reader);
  return (
    <>
      <h2 id="alignment-heading">Alignment</h2>
      <div className="waiting">
        <p className="waiting-title">Waiting for {waitingText(deal, alignment.waitingFor, reader)}.</p>
        <p className="muted">
          The report stays sealed until both sides have submitted their assessment; nothing is revealed
          before.
        </p>
        {me && canWrite ? (
          <Link to={assessmentPath} className="button primary">
            {assessment ? 'Finish your assessment' : 'Fill in your assessment'}
          </Link>
        ) : null}
      </div>
    </>
  );
}

function ConfirmRound({
  report,
  deal,
  assessment,
  reader,
  canWrite,
  onChanged,
}: ReportContext & { report: Report }) {
  const session = useSession();
  const { busy, problem, run } = useAction();
  const assessmentPath = useAssessmentPath(deal);
  const confirm = () =>
    run(
      () =>
        call(
          session.client.POST('/v1/deals/{dealId}/assessment/submit', {
            params: { path: { dealId: deal.id } },
          }),
        ),
      () => onChanged(),
    );
  return (
    <>
      <p>
        {capitalise(sideName(deal, otherSide(reader), reader))} revised its assessment and opened round{' '}
        {report.pendingRound?.round}. Its report is computed when you submit for it too — unchanged, or after
        revising your own answers. You are not told what changed.
      </p>
      {assessment?.status === 'draft' ? (
        <Alert tone="warning">
          Your assessment has saved changes you have not submitted; confirming submits them as they are now.
        </Alert>
      ) : null}
      {problem ? <ProblemAlert problem={problem} /> : null}
      {canWrite ? (
        <div className="actions">
          <button type="button" className="button primary" disabled={busy} onClick={() => void confirm()}>
            {busy ? 'Confirming…' : 'Confirm round'}
          </button>
          <Link to={assessmentPath} className="button secondary">
            Revise your assessment
          </Link>
        </div>
      ) : null}
    </>
  );
}

/** A round the other side opened: the reader confirms it (or revises), or waits for the other side. */
function PendingRound(props: ReportContext & { report: Report }) {
  const { deal, report, reader } = props;
  const pending = report.pendingRound;
  if (!pending) return null;
  return (
    <div className="pending-round">
      <p className="waiting-title">
        Round {pending.round} is open: waiting for {waitingText(deal, pending.waitingFor, reader)}.
      </p>
      {pending.waitingFor.includes(reader) ? (
        <ConfirmRound {...props} />
      ) : (
        <p className="muted">The report below is from round {report.round} until then.</p>
      )}
    </div>
  );
}

function ReportHead({ report }: { report: Report }) {
  return (
    <div className="report-head">
      <h2 id="alignment-heading">Alignment report</h2>
      <p className="muted small">
        Round {report.round} · computed {formatDateTime(report.computedAt)} · disclosure:{' '}
        {DISCLOSURE_LEVEL_INFO[report.disclosure].label.toLowerCase()} · algorithm {report.algorithm}
      </p>
    </div>
  );
}

function ScoreBand({ report }: { report: Report }) {
  const band = BAND_INFO[report.band];
  return (
    <div className="score-row">
      <ScoreGauge score={report.score} band={report.band} />
      <div>
        <p className="band-title">{band.label}</p>
        <p>{band.explanation}</p>
        {report.objectives && report.objectives.misaligned >= 2 ? (
          <p className="muted small">
            Two or more of the three objectives are misaligned, which makes the chances slim whatever the
            score.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function CommonGround({ objectives }: { objectives: NonNullable<Report['objectives']> }) {
  return (
    <section className="report-section" aria-labelledby="common-ground-heading">
      <h3 id="common-ground-heading">Common ground</h3>
      {objectives.shared.length ? (
        <ul className="chips">
          {objectives.shared.map((category) => (
            <li key={category} className="chip" title={OBJECTIVE_CATEGORY_INFO[category].explanation}>
              {OBJECTIVE_CATEGORY_INFO[category].label}
            </li>
          ))}
        </ul>
      ) : (
        <p>No objective was chosen by both sides.</p>
      )}
      <dl className="stats">
        <div>
          <dt>Aligned</dt>
          <dd>{objectives.aligned}</dd>
        </div>
        <div>
          <dt>Related</dt>
          <dd>{objectives.related}</dd>
        </div>
        <div>
          <dt>Misaligned</dt>
          <dd>{objectives.misaligned}</dd>
        </div>
      </dl>
      <p className="muted small">Out of three objectives per side. Only shared objectives are ever named.</p>
    </section>
  );
}

function RiskViews({
  risks,
  deal,
  reader,
}: {
  risks: NonNullable<Report['risks']>;
  deal: Deal;
  reader: Side;
}) {
  return (
    <section className="report-section" aria-labelledby="risks-report-heading">
      <h3 id="risks-report-heading">Risk views</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Risk</th>
            <th scope="col">Status</th>
            <th scope="col">Rated lower by</th>
          </tr>
        </thead>
        <tbody>
          {RISK_CATEGORIES.map((category) => {
            const risk = risks[category];
            if (!risk) return null;
            return (
              <tr key={category}>
                <th scope="row">{RISK_CATEGORY_LABELS[category]}</th>
                <td>
                  <span className={`risk-status risk-${risk.status}`}>{RISK_STATUS_LABELS[risk.status]}</span>
                </td>
                <td>{risk.underratedBy ? capitalise(sideName(deal, risk.underratedBy, reader)) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Positions({ report, deal, assessment, reader }: ReportContext & { report: Report }) {
  const theirs = otherSide(reader);
  const theirName = capitalise(sideName(deal, theirs, reader));
  const ownFromAssessment: KraljicQuadrant | undefined = assessment?.nature
    ? kraljicQuadrant(assessment.nature.supplyRisk, assessment.nature.businessImpact)
    : undefined;
  const mine = report.nature?.quadrants?.[reader] ?? ownFromAssessment;
  const theirsQuadrant = report.nature?.quadrants?.[theirs];
  const ownIsDraft =
    !report.nature?.quadrants && assessment !== null && assessment.revision !== report.basedOn[reader];
  if (!mine) return report.nature ? null : <p className="muted">Not disclosed at the summary level.</p>;
  return (
    <>
      <KraljicMatrix mine={mine} theirs={theirsQuadrant} mineLabel="You" theirsLabel={theirName} />
      <p className="muted small">
        Your position: {KRALJIC_QUADRANT_INFO[mine].label}
        {ownIsDraft ? ' (from your current assessment, which has changed since this report)' : ''}.{' '}
        {theirsQuadrant
          ? `${theirName}: ${KRALJIC_QUADRANT_INFO[theirsQuadrant].label}.`
          : `${theirName}’s position is shown only when both sides agree to the detailed level.`}
      </p>
    </>
  );
}

function NatureView(props: ReportContext & { report: Report }) {
  const { nature } = props.report;
  return (
    <section className="report-section" aria-labelledby="nature-report-heading">
      <h3 id="nature-report-heading">Nature of the purchase</h3>
      {nature ? (
        <>
          <p>
            <strong>
              {nature.agreed
                ? 'Both sides see the same kind of purchase.'
                : 'The sides see the purchase differently: one as strategic, the other as a commodity.'}
            </strong>
          </p>
          <p>
            Approach: <strong>{APPROACH_INFO[nature.approach].label}</strong> —{' '}
            {APPROACH_INFO[nature.approach].explanation}
          </p>
        </>
      ) : null}
      <Positions {...props} />
    </section>
  );
}

function Recommendations({ recommendations }: { recommendations: Report['recommendations'] }) {
  return (
    <section className="report-section" aria-labelledby="recommendations-heading">
      <h3 id="recommendations-heading">Recommendations</h3>
      {recommendations.length ? (
        <ul className="recommendations">
          {recommendations.map((recommendation) => (
            <li key={recommendation.code}>{recommendation.message}</li>
          ))}
        </ul>
      ) : (
        <p>No recommendations: keep going.</p>
      )}
    </section>
  );
}

function EngagementTiming({ timing }: { timing: Report['timing'] }) {
  return (
    <section className="report-section" aria-labelledby="timing-heading">
      <h3 id="timing-heading">Engagement timing</h3>
      {timing ? (
        <p>
          <strong>{ENGAGEMENT_INFO[timing.engagement].label}</strong>:{' '}
          {timing.monthsToDecision === 1 ? '1 month' : `${timing.monthsToDecision} months`} from the deal’s
          creation to the expected decision. {ENGAGEMENT_INFO[timing.engagement].explanation}
        </p>
      ) : (
        <p className="muted">The deal has no expected decision date.</p>
      )}
    </section>
  );
}

/** The alignment report of the latest closed round, in the parts its disclosure level allows. */
function ReportView(props: ReportContext & { report: Report }) {
  const { report, deal, reader } = props;
  return (
    <div className="report">
      <ReportHead report={report} />
      <PendingRound {...props} />
      <ScoreBand report={report} />
      {report.objectives ? <CommonGround objectives={report.objectives} /> : null}
      {report.risks ? <RiskViews risks={report.risks} deal={deal} reader={reader} /> : null}
      <NatureView {...props} />
      <Recommendations recommendations={report.recommendations} />
      <EngagementTiming timing={report.timing} />
      {report.disclosure === 'summary' ? (
        <p className="muted small">
          At the summary level the report shows the score, the band and recommendations only. Both sides must
          choose “standard” or “detailed” to see more.
        </p>
      ) : null}
    </div>
  );
}
