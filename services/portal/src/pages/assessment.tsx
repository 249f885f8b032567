import { otherSide } from '@cg/domain';
import { call, type Result } from '../api.js';
import { Alert, PageHeading, ProblemAlert, ResourceState } from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { usePageTitle, useResource } from '../hooks.js';
import { CLOSED_STATUSES } from '../labels.js';
import { portalOfSide } from '../portals.js';
import { Link, navigate } from '../router.js';
import { type Loaded, submittedFlash } from './assessment/draft.js';
import {
  DisclosureFieldset,
  NatureFieldset,
  ObjectivesFieldset,
  RisksFieldset,
} from './assessment/fieldsets.js';
import {
  ErrorSummary,
  FormActions,
  PrivacyCallout,
  RemainingParts,
  StatusLine,
} from './assessment/notices.js';
import { useAssessmentDraft } from './assessment/use-draft.js';

async function loadBoth(session: ReturnType<typeof useSession>, dealId: string): Promise<Result<Loaded>> {
  const [deal, assessment, team] = await Promise.all([
    call(session.client.GET('/v1/deals/{dealId}', { params: { path: { dealId } } })),
    call(session.client.GET('/v1/deals/{dealId}/assessment', { params: { path: { dealId } } })),
    call(session.client.GET('/v1/deals/{dealId}/team', { params: { path: { dealId } } })),
  ]);
  if (!deal.ok) return deal;
  if (!team.ok) return team;
  const dealRole = team.data.you.role;
  if (!assessment.ok) {
    if (assessment.problem.status === 404) {
      return {
        ok: true,
        data: { deal: deal.data, assessment: null, etag: null, dealRole },
        response: deal.response,
      };
    }
    return assessment;
  }
  return {
    ok: true,
    data: {
      deal: deal.data,
      assessment: assessment.data,
      etag: assessment.response.headers.get('etag'),
      dealRole,
    },
    response: assessment.response,
  };
}

export function AssessmentPage({ dealId }: { dealId: string }) {
  const session = useSession();
  const { portal } = usePortal();
  const loaded = useResource(() => loadBoth(session, dealId), dealId);
  usePageTitle(`Assessment · ${loaded.data?.deal.title ?? 'Deal'}`);
  const dealPath = `${portal.basePath}/deals/${encodeURIComponent(dealId)}`;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`${portal.basePath}/deals`}>Deals</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={dealPath}>{loaded.data?.deal.title ?? 'Deal'}</Link>
      </p>
      <PageHeading>Your private assessment</PageHeading>
      <ResourceState resource={loaded} loading="Loading your assessment…">
        {(data) => <AssessmentForm loaded={data} dealPath={dealPath} />}
      </ResourceState>
    </>
  );
}

function readOnlyReason(closed: boolean, role: Loaded['dealRole']): string {
  if (closed) return 'This deal is closed; its assessment can no longer change.';
  if (role === 'contributor')
    return 'Only your side’s owners change and submit its assessment: give your view in the team room.';
  return 'Viewers can read but not change assessments.';
}

function AssessmentForm({ loaded, dealPath }: { loaded: Loaded; dealPath: string }) {
  const { portal, me } = usePortal();
  const { deal } = loaded;
  const otherName =
    deal.parties[otherSide(portal.side)]?.name ?? `the ${portalOfSide(otherSide(portal.side)).noun}`;
  const draft = useAssessmentDraft(loaded, (result) =>
    navigate(dealPath, { flash: submittedFlash(result, otherName) }),
  );
  const { form, errors, problem, busy } = draft;
  const closed = CLOSED_STATUSES.includes(deal.status);
  const readOnly = closed || loaded.dealRole !== 'owner';

  return (
    <>
      <PrivacyCallout ownName={me.organisation.name} otherName={otherName} />
      <StatusLine deal={deal} side={portal.side} saved={draft.saved} />
      {readOnly ? <Alert tone="info">{readOnlyReason(closed, loaded.dealRole)}</Alert> : null}
      {draft.notice ? <Alert tone="success">{draft.notice}</Alert> : null}
      {Object.keys(errors).length > 0 ? (
        <ErrorSummary title={problem?.title ?? 'Some answers need attention'} errors={errors} />
      ) : problem ? (
        <ProblemAlert problem={problem} />
      ) : null}

      {readOnly ? null : <RemainingParts remaining={draft.remaining} />}

      <form
        className="assessment"
        onSubmit={(event) => void draft.onSave(event)}
        onBlur={draft.onBlur}
        noValidate
      >
        <fieldset disabled={readOnly || busy === 'submit'} className="plain">
          <ObjectivesFieldset objectives={form.objectives} errors={errors} onChange={draft.setObjective} />
          <RisksFieldset risks={form.risks} errors={errors} onChange={draft.setRisk} />
          <NatureFieldset nature={form.nature} errors={errors} onChange={draft.setNature} />
          <DisclosureFieldset
            value={form.disclosure}
            error={errors.disclosure}
            onChange={draft.setDisclosure}
          />
        </fieldset>
        {readOnly ? null : (
          <FormActions
            busy={busy}
            saveState={draft.saveState}
            unfinished={draft.unfinished}
            saved={draft.saved}
            remaining={draft.remaining.length}
            round={deal.round.number}
            onSubmit={() => void draft.onSubmit()}
          />
        )}
      </form>
    </>
  );
}
