import { useState } from 'react';
import { call } from '../api.js';
import { PageHeading, ResourceState } from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { usePageTitle, useResource } from '../hooks.js';
import { CLOSED_STATUSES, type Deal } from '../labels.js';
import { Link } from '../router.js';
import { MyContribution } from './team/contribution.js';
import { type DealTeam, TeamPanel } from './team/members.js';
import { Consolidate, InternalSpread, ShareSpread } from './team/spread.js';
import { StakeholderBoard } from './team/stakeholders.js';

/** The side's team for one deal, as `GET …/team` answers it. */
export function useDealTeam(dealId: string) {
  const session = useSession();
  return useResource<DealTeam>(
    () => call(session.client.GET('/v1/deals/{dealId}/team', { params: { path: { dealId } } })),
    `team-${dealId}`,
  );
}

/**
 * The side's private room for one deal: its team, each person's contribution, how far the side
 * stands apart, the owner's consolidation and the stakeholder map. Nothing here reaches the other side.
 */
export function TeamPage({ dealId }: { dealId: string }) {
  const session = useSession();
  const { portal } = usePortal();
  const deal = useResource<Deal>(
    () => call(session.client.GET('/v1/deals/{dealId}', { params: { path: { dealId } } })),
    `deal-${dealId}`,
  );
  const team = useDealTeam(dealId);
  usePageTitle(deal.data ? `Team · ${deal.data.title}` : 'Team');
  return (
    <>
      <p className="breadcrumb">
        <Link to={`${portal.basePath}/deals`}>Deals</Link> ›{' '}
        <Link to={`${portal.basePath}/deals/${encodeURIComponent(dealId)}`}>
          {deal.data?.title ?? 'Deal'}
        </Link>
      </p>
      <PageHeading sub="Private to your organisation: the other side never sees any of it, nor learns that it exists.">
        Your side’s team
      </PageHeading>
      <ResourceState resource={deal} loading="Loading the deal…">
        {(dealData) => (
          <ResourceState resource={team} loading="Loading the team…">
            {(teamData) => <TeamRoom deal={dealData} team={teamData} reloadTeam={() => void team.reload()} />}
          </ResourceState>
        )}
      </ResourceState>
    </>
  );
}

function TeamRoom({ deal, team, reloadTeam }: { deal: Deal; team: DealTeam; reloadTeam: () => void }) {
  const [version, setVersion] = useState(0);
  const changed = () => {
    setVersion((value) => value + 1);
    reloadTeam();
  };
  const open = !CLOSED_STATUSES.includes(deal.status);
  const { role } = team.you;
  const seesSpread = role === 'owner' || team.spreadShared;
  return (
    <div className="stack">
      <TeamPanel deal={deal} team={team} onChanged={changed} />
      {open && role !== 'viewer' ? <MyContribution deal={deal} team={team} onSaved={changed} /> : null}
      {seesSpread ? <InternalSpread deal={deal} team={team} version={version} /> : null}
      {role === 'owner' ? <ShareSpread deal={deal} team={team} onChanged={changed} /> : null}
      {open && role === 'owner' ? <Consolidate deal={deal} version={version} onDone={changed} /> : null}
      <StakeholderBoard deal={deal} canWrite={open && role !== 'viewer'} />
    </div>
  );
}
