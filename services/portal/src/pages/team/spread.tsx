import {
  KRALJIC_QUADRANT_INFO,
  RISK_BANDS,
  RISK_CATEGORIES,
  RISK_CATEGORY_LABELS,
  type RiskCategory,
} from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { useState } from 'react';
import { call } from '../../api.js';
import { Alert, Badge, ProblemAlert, ResourceState } from '../../components/ui.js';
import { usePortal, useSession } from '../../context.js';
import { useAction, useResource } from '../../hooks.js';
import { capitalise, type Deal, RISK_STATUS_LABELS } from '../../labels.js';
import type { DealTeam } from './members.js';

type InternalAlignment = Schemas['InternalAlignment'];
type ConsolidationRequest = Schemas['ConsolidationRequestInput'];
type ContributionSummary = { id: string; parts: readonly string[]; contributor: { name: string } };

const BANDS = RISK_BANDS.map((entry) => entry.band);

/** One risk category drawn as a row of bands, each holding the people who rate it there. */
function RiskSpreadRow({
  category,
  spread,
}: {
  category: RiskCategory;
  spread: InternalAlignment['risks'][RiskCategory];
}) {
  return (
    <fieldset className="spread-row plain">
      <legend className="visually-hidden">{`${RISK_CATEGORY_LABELS[category]} risk, who stands where`}</legend>
      <p className="item-title">
        {RISK_CATEGORY_LABELS[category]}{' '}
        <Badge
          tone={spread.status === 'aligned' ? 'good' : spread.status === 'minor_gap' ? 'waiting' : 'alert'}
        >
          {spread.views.length < 2
            ? 'One view or none'
            : `${RISK_STATUS_LABELS[spread.status]} · ${spread.spread} bands apart`}
        </Badge>
      </p>
      <ol className="spread-bands">
        {BANDS.map((band) => (
          <li key={band} className={`spread-band band-${band}`}>
            <span className="small muted">{capitalise(band)}</span>
            <span className="spread-people">
              {spread.views
                .filter((view) => view.band === band)
                .map((view) => view.name)
                .join(', ') || '·'}
            </span>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

/** The side's own spread, before it commits to a view; owners share it with the team. */
export function InternalSpread({ deal, team, version }: { deal: Deal; team: DealTeam; version: number }) {
  const session = useSession();
  const spread = useResource(
    () =>
      call(
        session.client.GET('/v1/deals/{dealId}/internal-alignment', {
          params: { path: { dealId: deal.id } },
        }),
      ),
    `spread-${deal.id}-${version}-${team.spreadShared}`,
  );
  return (
    <section className="panel" aria-labelledby="spread-heading">
      <h2 id="spread-heading">Where your side stands</h2>
      <p className="muted">
        Computed from your team’s contributions by the report’s own engine. The other side never sees it.
      </p>
      <ResourceState resource={spread} loading="Measuring your side…">
        {(data) => (
          <>
            {data.recommendations.length > 0 ? (
              <ul className="recommendations">
                {data.recommendations.map((item) => (
                  <li key={item.message}>{item.message}</li>
                ))}
              </ul>
            ) : (
              <p>
                {data.contributors.length < 2
                  ? 'Fewer than two contributions so far.'
                  : 'Your side agrees on everything measured.'}
              </p>
            )}
            {RISK_CATEGORIES.map((category) => (
              <RiskSpreadRow key={category} category={category} spread={data.risks[category]} />
            ))}
            <p className="small">
              Nature:{' '}
              {data.nature.views.length === 0
                ? 'no views yet'
                : data.nature.views
                    .map((view) => `${view.name}: ${KRALJIC_QUADRANT_INFO[view.quadrant].label}`)
                    .join('; ')}
            </p>
          </>
        )}
      </ResourceState>
    </section>
  );
}

export function ShareSpread({
  deal,
  team,
  onChanged,
}: {
  deal: Deal;
  team: DealTeam;
  onChanged: () => void;
}) {
  const session = useSession();
  const { busy, problem, run } = useAction();
  const toggle = () =>
    run(
      () =>
        call(
          session.client.PUT('/v1/deals/{dealId}/internal-alignment/sharing', {
            params: { path: { dealId: deal.id } },
            body: { shared: !team.spreadShared },
          }),
        ),
      onChanged,
    );
  return (
    <div className="stack">
      {problem ? <ProblemAlert problem={problem} /> : null}
      <p className="small muted">
        {team.spreadShared ? 'Your contributors see this spread.' : 'Only owners see this spread so far.'}
      </p>
      <button type="button" className="button secondary" disabled={busy} onClick={() => void toggle()}>
        {team.spreadShared ? 'Stop sharing with the team' : 'Share with the team'}
      </button>
    </div>
  );
}

type Rule = 'keep' | 'average' | `from:${string}`;
type Part = 'objectives' | RiskCategory | 'nature';
const PARTS: readonly Part[] = ['objectives', ...RISK_CATEGORIES, 'nature'];
const PART_NAMES: Readonly<Record<Part, string>> = {
  objectives: 'Objectives',
  operational: 'Operational risk',
  financial: 'Financial risk',
  informationSecurity: 'Information security risk',
  nature: 'Nature of the purchase',
};

const holds = (contribution: ContributionSummary, part: Part) => contribution.parts.includes(part as string);

function planOf(
  rules: Readonly<Record<Part, Rule>>,
  contributions: readonly ContributionSummary[],
): ConsolidationRequest {
  const choice = (part: Part) => {
    const rule = rules[part];
    if (rule === 'keep') return undefined;
    if (rule.startsWith('from:')) return { from: rule.slice('from:'.length) };
    const ids = contributions
      .filter((contribution) => holds(contribution, part))
      .map((contribution) => contribution.id);
    return part === 'objectives' ? { combine: ids } : { average: ids };
  };
  const risks = Object.fromEntries(
    RISK_CATEGORIES.flatMap((category) => {
      const chosen = choice(category);
      return chosen ? [[category, chosen]] : [];
    }),
  );
  const objectives = choice('objectives');
  const nature = choice('nature');
  return {
    ...(objectives ? { objectives } : {}),
    ...(Object.keys(risks).length > 0 ? { risks } : {}),
    ...(nature ? { nature } : {}),
  } as ConsolidationRequest;
}

/** The owner builds the side's draft from the contributions, part by part, and reviews it before submitting. */
export function Consolidate({ deal, version, onDone }: { deal: Deal; version: number; onDone: () => void }) {
  const session = useSession();
  const { portal } = usePortal();
  const contributions = useResource(
    () =>
      call(session.client.GET('/v1/deals/{dealId}/contributions', { params: { path: { dealId: deal.id } } })),
    `contributions-${deal.id}-${version}`,
  );
  const [rules, setRules] = useState<Record<Part, Rule>>(
    () => Object.fromEntries(PARTS.map((part) => [part, 'keep'])) as Record<Part, Rule>,
  );
  const { busy, problem, notice, notify, run } = useAction();
  const apply = (list: readonly ContributionSummary[]) =>
    run(
      () =>
        call(
          session.client.POST('/v1/deals/{dealId}/assessment/consolidate', {
            params: { path: { dealId: deal.id } },
            body: planOf(rules, list),
          }),
        ),
      (result) => {
        notify(
          `Your draft now holds ${Object.keys(result.rules).length} parts built from ${result.sources.length} contributions.`,
        );
        onDone();
      },
    );
  return (
    <section className="panel" aria-labelledby="consolidate-heading">
      <h2 id="consolidate-heading">Build your side’s assessment</h2>
      <p className="muted">
        Pick one person’s view, average everyone’s (objectives are combined by priority 3-2-1), or keep what
        the draft holds. Submitting stays your act, on the assessment page.
      </p>
      {notice ? (
        <Alert tone="success">
          {notice}{' '}
          <a href={`${portal.basePath}/deals/${deal.id}/assessment`}>Review and submit the assessment</a>
        </Alert>
      ) : null}
      {problem ? <ProblemAlert problem={problem} /> : null}
      <ResourceState
        resource={contributions}
        loading="Loading the contributions…"
        empty={<p>No contributions yet.</p>}
      >
        {(data) => (
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              void apply(data.data);
            }}
          >
            {PARTS.map((part) => {
              const givers = data.data.filter((contribution) => holds(contribution, part));
              return (
                <div className="field" key={part}>
                  <label htmlFor={`rule-${part}`}>{PART_NAMES[part]}</label>
                  <select
                    id={`rule-${part}`}
                    className="input"
                    value={rules[part]}
                    onChange={(event) =>
                      setRules((previous) => ({ ...previous, [part]: event.target.value as Rule }))
                    }
                  >
                    <option value="keep">Keep the draft’s value</option>
                    {givers.length > 1 ? (
                      <option value="average">
                        {part === 'objectives' ? 'Combine' : 'Average'} all {givers.length} views
                      </option>
                    ) : null}
                    {givers.map((contribution) => (
                      <option key={contribution.id} value={`from:${contribution.id}`}>
                        From {contribution.contributor.name}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
            <div className="form-actions">
              <button type="submit" className="button primary" disabled={busy}>
                {busy ? 'Building…' : 'Build the draft'}
              </button>
            </div>
          </form>
        )}
      </ResourceState>
    </section>
  );
}
