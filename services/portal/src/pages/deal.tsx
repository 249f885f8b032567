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
import { useState } from 'react';
import { call, type Problem, type Result } from '../api.js';
import { ScoreGauge } from '../components/gauge.js';
import { KraljicMatrix } from '../components/kraljic.js';
import {
  Alert,
  Badge,
  ConfirmButton,
  CopyField,
  LoadError,
  Loading,
  PageHeading,
  ProblemAlert,
  SelectField,
} from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { useAction, useFlash, useInterval, usePageTitle, useResource } from '../hooks.js';
import {
  APPROACH_INFO,
  type Assessment,
  BAND_INFO,
  CLOSED_STATUSES,
  capitalise,
  DEAL_STATUS_LABELS,
  type Deal,
  describeEvent,
  ENGAGEMENT_INFO,
  formatDate,
  formatDateTime,
  formatMoney,
  RISK_STATUS_LABELS,
  sideName,
} from '../labels.js';
import { portalOfSide } from '../portals.js';
import { Link } from '../router.js';
import { statusTone } from './deals.js';
import { Milestones, useMilestones } from './milestones.js';

type Alignment = Schemas['Alignment'];
type Report = Schemas['AlignmentCurrent'];
type DealEvent = Schemas['DealEvent'];

const POLL_MS = 15_000;

export function DealPage({ dealId }: { dealId: string }) {
  const session = useSession();
  const { portal, me } = usePortal();
  const flash = useFlash();
  const path = { params: { path: { dealId } } };
  const deal = useResource(() => call(session.client.GET('/v1/deals/{dealId}', path)), dealId);
  const alignment = useResource(() => call(session.client.GET('/v1/deals/{dealId}/alignment', path)), dealId);
  const assessment = useResource(async (): Promise<Result<Assessment | null>> => {
    const result = await call(session.client.GET('/v1/deals/{dealId}/assessment', path));
    if (!result.ok && result.problem.status === 404)
      return { ok: true, data: null, response: new Response() };
    return result;
  }, dealId);
  const milestones = useMilestones(dealId);
  const [timelineVersion, setTimelineVersion] = useState(0);
  usePageTitle(deal.data?.title ?? 'Deal');

  const reloadAll = () => {
    void deal.reload();
    void milestones.reload();
    void alignment.reload();
    void assessment.reload();
    setTimelineVersion((version) => version + 1);
  };

  const waiting =
    alignment.data?.status === 'awaiting_submissions' ||
    (alignment.data?.status === 'ready' && alignment.data.pendingRound !== undefined);
  const open = deal.data ? !CLOSED_STATUSES.includes(deal.data.status) : false;
  useInterval(reloadAll, POLL_MS, waiting && open);

  const mySide = portal.side;
  const theirSide = otherSide(mySide);
  const canWrite = me.role !== 'viewer';

  return (
    <>
      <p className="breadcrumb">
        <Link to={`${portal.basePath}/deals`}>Deals</Link>
      </p>
      <div className="page-head-row">
        <PageHeading>{deal.data?.title ?? 'Deal'}</PageHeading>
        {deal.data ? (
          <Badge tone={statusTone(deal.data.status)}>{DEAL_STATUS_LABELS[deal.data.status]}</Badge>
        ) : null}
      </div>
      {flash ? <Alert tone="success">{flash}</Alert> : null}
      {deal.status === 'loading' ? <Loading label="Loading the deal…" /> : null}
      {deal.status === 'error' ? (
        <LoadError problem={deal.problem} onRetry={() => void deal.reload()} />
      ) : null}
      {deal.status === 'ready' ? (
        <div className="deal-layout">
          <div className="deal-main">
            <DealFacts deal={deal.data} reader={mySide} />
            {deal.data.parties[theirSide] === null && open && canWrite ? (
              <InvitePanel deal={deal.data} onIssued={() => setTimelineVersion((version) => version + 1)} />
            ) : null}
            <section className="panel" aria-labelledby="alignment-heading">
              {alignment.status === 'loading' ? (
                <>
                  <h2 id="alignment-heading">Alignment</h2>
                  <Loading label="Loading the alignment…" />
                </>
              ) : null}
              {alignment.status === 'error' ? (
                <>
                  <h2 id="alignment-heading">Alignment</h2>
                  <LoadError problem={alignment.problem} onRetry={() => void alignment.reload()} />
                </>
              ) : null}
              {alignment.status === 'ready' ? (
                <AlignmentView
                  deal={deal.data}
                  alignment={alignment.data}
                  assessment={assessment.data ?? null}
                  reader={mySide}
                  canWrite={canWrite && open}
                  onChanged={reloadAll}
                />
              ) : null}
            </section>
            <Milestones
              deal={deal.data}
              milestones={milestones}
              canWrite={canWrite && open}
              onChanged={() => setTimelineVersion((version) => version + 1)}
            />
          </div>
          <div className="deal-aside">
            <YourAssessment
              deal={deal.data}
              assessment={assessment.data ?? null}
              loading={assessment.status === 'loading'}
              problem={assessment.problem}
              canWrite={canWrite && open}
            />
            <RoundsPanel deal={deal.data} reader={mySide} />
            {open && canWrite ? <CloseDeal deal={deal.data} onClosed={reloadAll} /> : null}
            <Timeline
              deal={deal.data}
              reader={mySide}
              version={timelineVersion}
              milestoneTitles={new Map((milestones.data?.data ?? []).map((item) => [item.id, item.title]))}
            />
          </div>
        </div>
      ) : null}
    </>
  );
}

function DealFacts({ deal, reader }: { deal: Deal; reader: Side }) {
  const counterparty = deal.parties[otherSide(reader)];
  const other = portalOfSide(otherSide(reader));
  return (
    <section className="panel facts-panel" aria-label="Deal details">
      {deal.description ? <p className="description">{deal.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>{capitalise(other.noun)}</dt>
          <dd>{counterparty ? counterparty.name : <span className="muted">Not joined yet</span>}</dd>
        </div>
        <div>
          <dt>Estimated value</dt>
          <dd>{formatMoney(deal.value)}</dd>
        </div>
        <div>
          <dt>Expected decision</dt>
          <dd>{formatDate(deal.expectedDecisionAt)}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDate(deal.createdAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

function InvitePanel({ deal, onIssued }: { deal: Deal; onIssued: () => void }) {
  const session = useSession();
  const { portal } = usePortal();
  const [invitation, setInvitation] = useState<Schemas['Invitation']>();
  const { busy, problem, run } = useAction();
  const other = portalOfSide(otherSide(portal.side));

  const issue = async () => {
    await run(
      () =>
        call(
          session.client.POST('/v1/deals/{dealId}/invitations', { params: { path: { dealId: deal.id } } }),
        ),
      (data) => {
        setInvitation(data);
        onIssued();
      },
    );
  };

  return (
    <section className="panel invite" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite the {other.noun}</h2>
      <p>
        The {other.noun} joins this deal with a one-time code in the {other.name.toLowerCase()}. Send it
        through a channel you trust; a new code voids the previous one.
      </p>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {invitation ? (
        <CopyField
          label="Invitation code"
          value={invitation.code}
          hint={`Works once, until ${formatDateTime(invitation.expiresAt)}.`}
        />
      ) : null}
      <div className="actions">
        <button
          type="button"
          className={`button ${invitation ? 'secondary' : 'primary'}`}
          disabled={busy}
          onClick={() => void issue()}
        >
          {busy ? 'Issuing…' : invitation ? 'Issue a new code' : 'Invite counterparty'}
        </button>
      </div>
    </section>
  );
}

const OUTCOMES = ['won', 'lost', 'withdrawn'] as const;
type Outcome = (typeof OUTCOMES)[number];

function CloseDeal({ deal, onClosed }: { deal: Deal; onClosed: () => void }) {
  const session = useSession();
  const [outcome, setOutcome] = useState<Outcome>('won');
  const { busy, problem, run } = useAction();

  const close = async () => {
    await run(
      () =>
        call(
          session.client.PATCH('/v1/deals/{dealId}', {
            params: { path: { dealId: deal.id } },
            body: { status: outcome },
          }),
        ),
      () => {
        onClosed();
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="close-heading">
      <h2 id="close-heading">Close the deal</h2>
      <p className="muted small">A closed deal is read-only for both sides.</p>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <SelectField
        label="Outcome"
        value={outcome}
        onChange={(event) => setOutcome(event.target.value as Outcome)}
      >
        {OUTCOMES.map((item) => (
          <option key={item} value={item}>
            {DEAL_STATUS_LABELS[item]}
          </option>
        ))}
      </SelectField>
      <ConfirmButton
        label="Close the deal"
        confirmLabel={`Yes, close as ${DEAL_STATUS_LABELS[outcome].toLowerCase()}`}
        disabled={busy}
        onConfirm={() => void close()}
      />
    </section>
  );
}

function YourAssessment({
  deal,
  assessment,
  loading,
  problem,
  canWrite,
}: {
  deal: Deal;
  assessment: Assessment | null;
  loading: boolean;
  problem: Problem | undefined;
  canWrite: boolean;
}) {
  const { portal } = usePortal();
  const submission = deal.submissions[portal.side];
  const to = `${portal.basePath}/deals/${encodeURIComponent(deal.id)}/assessment`;
  let state: string;
  if (!assessment) state = 'Not started.';
  else if (assessment.status === 'submitted') state = `Submitted (submission ${assessment.revision}).`;
  else if (submission.revision) state = `Draft with changes since submission ${submission.revision}.`;
  else state = 'Draft, not submitted yet.';
  return (
    <section className="panel" aria-labelledby="your-assessment-heading">
      <h2 id="your-assessment-heading">Your assessment</h2>
      <p className="muted small">Private to your organisation.</p>
      {loading ? <Loading label="Loading…" /> : null}
      {problem ? <LoadError problem={problem} /> : null}
      {!loading && !problem ? <p>{state}</p> : null}
      <Link to={to} className={`button ${assessment ? 'secondary' : 'primary'}`}>
        {!canWrite ? 'View your assessment' : assessment ? 'Open your assessment' : 'Fill in your assessment'}
      </Link>
    </section>
  );
}

function RoundsPanel({ deal, reader }: { deal: Deal; reader: Side }) {
  const { round } = deal;
  return (
    <section className="panel" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">Round</h2>
      <p className="round-number">
        Round {round.number} <span className="muted">of {round.budget}</span>
      </p>
      <p>
        {round.roundsLeft === 0
          ? 'No more rounds can be opened.'
          : round.roundsLeft === 1
            ? '1 more round can be opened.'
            : `${round.roundsLeft} more rounds can be opened.`}{' '}
        <span className="muted small">
          A report needs both sides’ submission for its round, so nobody can probe the other side alone.
        </span>
      </p>
      <ul className="plain-list">
        {([reader, otherSide(reader)] as const).map((side) => (
          <li key={side} className={`submission ${deal.submissions[side].submitted ? 'is-in' : 'is-out'}`}>
            <span aria-hidden="true">{deal.submissions[side].submitted ? '●' : '○'}</span>{' '}
            {capitalise(sideName(deal, side, reader))}:{' '}
            {deal.submissions[side].submitted ? 'submitted' : 'not submitted'} for round {round.number}
          </li>
        ))}
      </ul>
    </section>
  );
}

function waitingText(deal: Deal, sides: readonly Side[], reader: Side): string {
  const names = sides.map((side) => sideName(deal, side, reader));
  return names.length ? names.join(' and ') : 'nobody';
}

function AlignmentView({
  deal,
  alignment,
  assessment,
  reader,
  canWrite,
  onChanged,
}: {
  deal: Deal;
  alignment: Alignment;
  assessment: Assessment | null;
  reader: Side;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { portal } = usePortal();
  const assessmentPath = `${portal.basePath}/deals/${encodeURIComponent(deal.id)}/assessment`;
  if (alignment.status === 'awaiting_submissions') {
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
  return (
    <ReportView
      deal={deal}
      report={alignment}
      assessment={assessment}
      reader={reader}
      canWrite={canWrite}
      onChanged={onChanged}
    />
  );
}

function PendingRound({
  deal,
  report,
  assessment,
  reader,
  canWrite,
  onChanged,
}: {
  deal: Deal;
  report: Report;
  assessment: Assessment | null;
  reader: Side;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const session = useSession();
  const { portal } = usePortal();
  const { busy, problem, run } = useAction();
  const assessmentPath = `${portal.basePath}/deals/${encodeURIComponent(deal.id)}/assessment`;
  const pending = report.pendingRound;
  if (!pending) return null;
  const mine = pending.waitingFor.includes(reader);

  const confirm = async () => {
    await run(
      () =>
        call(
          session.client.POST('/v1/deals/{dealId}/assessment/submit', {
            params: { path: { dealId: deal.id } },
          }),
        ),
      () => {
        onChanged();
      },
    );
  };

  return (
    <div className="pending-round">
      <p className="waiting-title">
        Round {pending.round} is open: waiting for {waitingText(deal, pending.waitingFor, reader)}.
      </p>
      {mine ? (
        <>
          <p>
            {capitalise(sideName(deal, otherSide(reader), reader))} revised its assessment and opened round{' '}
            {pending.round}. Its report is computed when you submit for it too — unchanged, or after revising
            your own answers. You are not told what changed.
          </p>
          {assessment?.status === 'draft' ? (
            <Alert tone="warning">
              Your assessment has saved changes you have not submitted; confirming submits them as they are
              now.
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
      ) : (
        <p className="muted">The report below is from round {report.round} until then.</p>
      )}
    </div>
  );
}

function ReportView({
  deal,
  report,
  assessment,
  reader,
  canWrite,
  onChanged,
}: {
  deal: Deal;
  report: Report;
  assessment: Assessment | null;
  reader: Side;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const theirs = otherSide(reader);
  const theirName = capitalise(sideName(deal, theirs, reader));
  const band = BAND_INFO[report.band];
  const ownFromAssessment: KraljicQuadrant | undefined = assessment
    ? kraljicQuadrant(assessment.nature.supplyRisk, assessment.nature.businessImpact)
    : undefined;
  const mine = report.nature?.quadrants?.[reader] ?? ownFromAssessment;
  const theirsQuadrant = report.nature?.quadrants?.[theirs];
  const ownIsDraft =
    !report.nature?.quadrants && assessment !== null && assessment.revision !== report.basedOn[reader];

  return (
    <div className="report">
      <div className="report-head">
        <h2 id="alignment-heading">Alignment report</h2>
        <p className="muted small">
          Round {report.round} · computed {formatDateTime(report.computedAt)} · disclosure:{' '}
          {DISCLOSURE_LEVEL_INFO[report.disclosure].label.toLowerCase()} · algorithm {report.algorithm}
        </p>
      </div>
      <PendingRound
        deal={deal}
        report={report}
        assessment={assessment}
        reader={reader}
        canWrite={canWrite}
        onChanged={onChanged}
      />
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

      {report.objectives ? (
        <section className="report-section" aria-labelledby="common-ground-heading">
          <h3 id="common-ground-heading">Common ground</h3>
          {report.objectives.shared.length ? (
            <ul className="chips">
              {report.objectives.shared.map((category) => (
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
              <dd>{report.objectives.aligned}</dd>
            </div>
            <div>
              <dt>Related</dt>
              <dd>{report.objectives.related}</dd>
            </div>
            <div>
              <dt>Misaligned</dt>
              <dd>{report.objectives.misaligned}</dd>
            </div>
          </dl>
          <p className="muted small">
            Out of three objectives per side. Only shared objectives are ever named.
          </p>
        </section>
      ) : null}

      {report.risks ? (
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
                const risk = report.risks?.[category];
                if (!risk) return null;
                return (
                  <tr key={category}>
                    <th scope="row">{RISK_CATEGORY_LABELS[category]}</th>
                    <td>
                      <span className={`risk-status risk-${risk.status}`}>
                        {RISK_STATUS_LABELS[risk.status]}
                      </span>
                    </td>
                    <td>{risk.underratedBy ? capitalise(sideName(deal, risk.underratedBy, reader)) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="report-section" aria-labelledby="nature-report-heading">
        <h3 id="nature-report-heading">Nature of the purchase</h3>
        {report.nature ? (
          <>
            <p>
              <strong>
                {report.nature.agreed
                  ? 'Both sides see the same kind of purchase.'
                  : 'The sides see the purchase differently: one as strategic, the other as a commodity.'}
              </strong>
            </p>
            <p>
              Approach: <strong>{APPROACH_INFO[report.nature.approach].label}</strong> —{' '}
              {APPROACH_INFO[report.nature.approach].explanation}
            </p>
          </>
        ) : null}
        {mine ? (
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
        ) : null}
        {!report.nature && !mine ? <p className="muted">Not disclosed at the summary level.</p> : null}
      </section>

      <section className="report-section" aria-labelledby="recommendations-heading">
        <h3 id="recommendations-heading">Recommendations</h3>
        {report.recommendations.length ? (
          <ul className="recommendations">
            {report.recommendations.map((recommendation) => (
              <li key={recommendation.code}>{recommendation.message}</li>
            ))}
          </ul>
        ) : (
          <p>No recommendations: keep going.</p>
        )}
      </section>

      <section className="report-section" aria-labelledby="timing-heading">
        <h3 id="timing-heading">Engagement timing</h3>
        {report.timing ? (
          <p>
            <strong>{ENGAGEMENT_INFO[report.timing.engagement].label}</strong>:{' '}
            {report.timing.monthsToDecision === 1 ? '1 month' : `${report.timing.monthsToDecision} months`}{' '}
            from the deal’s creation to the expected decision.{' '}
            {ENGAGEMENT_INFO[report.timing.engagement].explanation}
          </p>
        ) : (
          <p className="muted">The deal has no expected decision date.</p>
        )}
      </section>

      {report.disclosure === 'summary' ? (
        <p className="muted small">
          At the summary level the report shows the score, the band and recommendations only. Both sides must
          choose “standard” or “detailed” to see more.
        </p>
      ) : null}
    </div>
  );
}

function Timeline({
  deal,
  reader,
  version,
  milestoneTitles,
}: {
  deal: Deal;
  reader: Side;
  version: number;
  milestoneTitles: ReadonlyMap<string, string>;
}) {
  const session = useSession();
  const [more, setMore] = useState<DealEvent[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const events = useResource(async () => {
    setMore([]);
    setCursor(undefined);
    return call(
      session.client.GET('/v1/deals/{dealId}/events', {
        params: { path: { dealId: deal.id }, query: { limit: 20 } },
      }),
    );
  }, `${deal.id}:${version}`);

  const loadMore = async (from: string) => {
    setBusy(true);
    const result = await call(
      session.client.GET('/v1/deals/{dealId}/events', {
        params: { path: { dealId: deal.id }, query: { limit: 20, cursor: from } },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setMore((previous) => [...previous, ...result.data.data]);
    setCursor(result.data.nextCursor);
  };

  const all = events.data ? [...events.data.data, ...more] : [];
  const next = cursor === undefined ? events.data?.nextCursor : cursor;
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {events.status === 'loading' ? <Loading label="Loading the timeline…" /> : null}
      {events.status === 'error' ? (
        <LoadError problem={events.problem} onRetry={() => void events.reload()} />
      ) : null}
      {events.status === 'ready' && all.length === 0 ? (
        <p className="muted">Nothing has happened yet.</p>
      ) : null}
      {all.length ? (
        <ol className="timeline">
          {all.map((event) => (
            <li key={event.id}>
              <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
              <span>{describeEvent(event, deal, reader, milestoneTitles)}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {problem ? <LoadError problem={problem} /> : null}
      {next ? (
        <button
          type="button"
          className="button secondary small"
          disabled={busy}
          onClick={() => void loadMore(next)}
        >
          {busy ? 'Loading…' : 'Show earlier events'}
        </button>
      ) : null}
    </section>
  );
}
