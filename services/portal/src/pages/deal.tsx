import { otherSide, type Side } from '@cg/domain';
import { useEffect, useState } from 'react';
import { call, type Result } from '../api.js';
import { Options, SelectField } from '../components/fields.js';
import {
  Alert,
  Badge,
  ConfirmButton,
  PageHeading,
  ProblemAlert,
  ResourceState,
  ShowMore,
} from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { useAction, useFlash, usePagedList, usePageTitle, useResource } from '../hooks.js';
import {
  type Assessment,
  CLOSED_STATUSES,
  capitalise,
  DEAL_STATUS_LABELS,
  type Deal,
  describeEvent,
  formatDate,
  formatDateTime,
  formatMoney,
  sideName,
} from '../labels.js';
import { useLiveDeal } from '../live.js';
import { portalOfSide } from '../portals.js';
import { Link } from '../router.js';
import { EditDeal } from './deal/edit.js';
import { AlignmentView } from './deal/report.js';
import { statusTone } from './deals.js';
import { InvitePanel } from './invite.js';
import { Milestones, useMilestones } from './milestones.js';
import type { DealRole } from './team/members.js';
import { useDealTeam } from './team.js';

/** Everything the deal page loads, reloaded together (and whenever its live stream says it changed). */
function useDealPage(dealId: string) {
  const session = useSession();
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
  const team = useDealTeam(dealId);
  const [timelineVersion, setTimelineVersion] = useState(0);
  const touchTimeline = () => setTimelineVersion((version) => version + 1);

  const reloadAll = () => {
    void deal.reload();
    void milestones.reload();
    void alignment.reload();
    void assessment.reload();
    touchTimeline();
  };

  // While the deal is open the page follows its live stream (`live.ts`): what the other side, or
  // this person in another tab, does shows within a second, without a reload. What is on screen
  // stays while it is read again (the timeline too: `liveVersion` reloads it in place).
  const [liveVersion, setLiveVersion] = useState(0);
  const reloadLive = () => {
    void deal.reload();
    void milestones.reload();
    void alignment.reload();
    void assessment.reload();
    setLiveVersion((version) => version + 1);
  };
  const open = deal.data ? !CLOSED_STATUSES.includes(deal.data.status) : false;
  useLiveDeal(dealId, open, reloadLive);
  return {
    deal,
    alignment,
    assessment,
    milestones,
    team,
    timelineVersion,
    liveVersion,
    touchTimeline,
    reloadAll,
  };
}

type DealPageState = ReturnType<typeof useDealPage>;

export function DealPage({ dealId }: { dealId: string }) {
  const { portal } = usePortal();
  const flash = useFlash();
  const state = useDealPage(dealId);
  const { deal } = state;
  usePageTitle(deal.data?.title ?? 'Deal');

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
      <ResourceState resource={deal} loading="Loading the deal…">
        {(data) => <DealLayout deal={data} state={state} />}
      </ResourceState>
    </>
  );
}

function DealLayout({ deal, state }: { deal: Deal; state: DealPageState }) {
  const { portal } = usePortal();
  const { alignment, assessment, milestones, touchTimeline, reloadAll } = state;
  const mySide = portal.side;
  const open = !CLOSED_STATUSES.includes(deal.status);
  // Owners run the side (assessment, invitation, deal details); contributors work on the plan too.
  const role: DealRole = state.team.data?.you.role ?? 'viewer';
  const canWrite = role === 'owner';
  const worksOnPlan = role !== 'viewer';
  return (
    <div className="deal-layout">
      <div className="deal-main">
        <DealFacts deal={deal} reader={mySide} />
        {deal.parties[otherSide(mySide)] === null && open && canWrite ? (
          <InvitePanel deal={deal} onIssued={touchTimeline} />
        ) : null}
        <section className="panel" aria-labelledby="alignment-heading">
          {alignment.status !== 'ready' ? <h2 id="alignment-heading">Alignment</h2> : null}
          <ResourceState resource={alignment} loading="Loading the alignment…">
            {(data) => (
              <AlignmentView
                deal={deal}
                alignment={data}
                assessment={assessment.data ?? null}
                reader={mySide}
                canWrite={canWrite && open}
                onChanged={reloadAll}
              />
            )}
          </ResourceState>
        </section>
        <Milestones
          deal={deal}
          milestones={milestones}
          canWrite={worksOnPlan && open}
          people={state.team.data?.members ?? []}
          live={state.liveVersion}
          onChanged={touchTimeline}
        />
      </div>
      <div className="deal-aside">
        <YourAssessment deal={deal} assessment={assessment} canWrite={canWrite && open} />
        <TeamSummary deal={deal} team={state.team} />
        {open && canWrite ? <EditDeal deal={deal} onSaved={reloadAll} /> : null}
        <RoundsPanel deal={deal} reader={mySide} />
        {open && canWrite ? <CloseDeal deal={deal} onClosed={reloadAll} /> : null}
        <Timeline
          deal={deal}
          reader={mySide}
          version={state.timelineVersion}
          live={state.liveVersion}
          milestoneTitles={new Map((milestones.data?.data ?? []).map((item) => [item.id, item.title]))}
        />
      </div>
    </div>
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
        <Options values={OUTCOMES} labels={DEAL_STATUS_LABELS} />
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
  canWrite,
}: {
  deal: Deal;
  assessment: DealPageState['assessment'];
  canWrite: boolean;
}) {
  const { portal } = usePortal();
  const submission = deal.submissions[portal.side];
  const to = `${portal.basePath}/deals/${encodeURIComponent(deal.id)}/assessment`;
  const state = (stored: Assessment | null): string => {
    if (!stored) return 'Not started.';
    if (stored.status === 'submitted') return `Submitted (submission ${stored.revision}).`;
    if (submission.revision) return `Draft with changes since submission ${submission.revision}.`;
    return 'Draft, not submitted yet.';
  };
  return (
    <section className="panel" aria-labelledby="your-assessment-heading">
      <h2 id="your-assessment-heading">Your assessment</h2>
      <p className="muted small">Private to your organisation.</p>
      <ResourceState resource={assessment} loading="Loading…" retry={false}>
        {(stored) => <p>{state(stored)}</p>}
      </ResourceState>
      <Link to={to} className={`button ${assessment.data ? 'secondary' : 'primary'}`}>
        {!canWrite
          ? 'View your assessment'
          : assessment.data
            ? 'Open your assessment'
            : 'Fill in your assessment'}
      </Link>
    </section>
  );
}

/** The side's team in a line, and the way into its private room. */
function TeamSummary({ deal, team }: { deal: Deal; team: DealPageState['team'] }) {
  const { portal } = usePortal();
  return (
    <section className="panel" aria-labelledby="team-summary-heading">
      <h2 id="team-summary-heading">Your team</h2>
      <p className="muted small">Private to your organisation.</p>
      <ResourceState resource={team} loading="Loading…" retry={false}>
        {(data) => (
          <p>
            {data.members.length === 1 ? '1 person' : `${data.members.length} people`} ·{' '}
            {data.members.filter((member) => member.contribution).length} contributions · you are{' '}
            {data.you.role === 'owner' ? 'an owner' : `a ${data.you.role}`}
          </p>
        )}
      </ResourceState>
      <Link to={`${portal.basePath}/deals/${encodeURIComponent(deal.id)}/team`} className="button secondary">
        Open the team room
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

function Timeline({
  deal,
  reader,
  version,
  live,
  milestoneTitles,
}: {
  deal: Deal;
  reader: Side;
  version: number;
  /** Changes when the live stream brought something new: the list is read again in place. */
  live: number;
  milestoneTitles: ReadonlyMap<string, string>;
}) {
  const session = useSession();
  const events = usePagedList(
    (cursor) =>
      call(
        session.client.GET('/v1/deals/{dealId}/events', {
          params: { path: { dealId: deal.id }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    `${deal.id}:${version}`,
  );
  const reload = events.first.reload;
  useEffect(() => {
    if (live > 0) void reload();
  }, [live, reload]);
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ResourceState
        resource={events.first}
        loading="Loading the timeline…"
        empty={<p className="muted">Nothing has happened yet.</p>}
        isEmpty={() => events.items.length === 0}
      >
        {() => (
          <ol className="timeline">
            {events.items.map((event) => (
              <li key={event.id}>
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                <span>{describeEvent(event, deal, reader, milestoneTitles)}</span>
              </li>
            ))}
          </ol>
        )}
      </ResourceState>
      <ShowMore list={events} label="Show earlier events" className="button secondary small" />
    </section>
  );
}
