import { RISK_CATEGORIES, type RiskCategory } from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { type FormEvent, useState } from 'react';
import { call, fieldErrors } from '../../api.js';
import { Alert, ProblemAlert } from '../../components/ui.js';
import { useSession } from '../../context.js';
import { useAction, useResource } from '../../hooks.js';
import type { Deal } from '../../labels.js';
import { EMPTY, type FormState, fromAssessment, toInput } from '../assessment/draft.js';
import { NatureFieldset, ObjectivesFieldset, RisksFieldset } from '../assessment/fieldsets.js';
import { type ContributionPart, type DealTeam, PART_LABELS } from './members.js';

type ContributionContent = Schemas['ContributionContentInput'];

/** A saved contribution read as the part of an assessment it is. */
type Saved = Parameters<typeof fromAssessment>[0];

/** The contribution body of the form: the asked parts that are whole (objectives only all three). */
function contributionBody(form: FormState, asked: readonly ContributionPart[]): ContributionContent {
  const input = toInput(form);
  const objectives = input.objectives?.filter((objective) => objective !== null);
  const risks = Object.fromEntries(
    RISK_CATEGORIES.filter((category) => asked.includes(category) && input.risks?.[category]).map(
      (category) => [category, input.risks?.[category]],
    ),
  );
  return {
    ...(asked.includes('objectives') && objectives?.length === 3
      ? { objectives: objectives as NonNullable<ContributionContent['objectives']> }
      : {}),
    ...(Object.keys(risks).length > 0 ? { risks } : {}),
    ...(asked.includes('nature') && input.nature ? { nature: input.nature } : {}),
  };
}

/** Your own private view of the parts you are asked for; owners may give one too. */
export function MyContribution({ deal, team, onSaved }: { deal: Deal; team: DealTeam; onSaved: () => void }) {
  const session = useSession();
  const asked: readonly ContributionPart[] =
    team.you.role === 'owner'
      ? ['objectives', 'operational', 'financial', 'informationSecurity', 'nature']
      : team.you.askedParts;
  // No contribution yet answers 404, which is an empty form, not an error.
  const mine = useResource<{ saved: Saved | null }>(async () => {
    const result = await call(
      session.client.GET('/v1/deals/{dealId}/contributions/mine', { params: { path: { dealId: deal.id } } }),
    );
    if (result.ok) return { ...result, data: { saved: result.data.content as Saved } };
    return result.problem.status === 404
      ? { ok: true as const, data: { saved: null }, response: new Response() }
      : result;
  }, `contribution-${deal.id}`);
  if (mine.status !== 'ready') return null;
  return <ContributionForm deal={deal} asked={asked} saved={mine.data.saved} onSaved={onSaved} />;
}

function ContributionForm({
  deal,
  asked,
  saved,
  onSaved,
}: {
  deal: Deal;
  asked: readonly ContributionPart[];
  saved: Saved | null;
  onSaved: () => void;
}) {
  const session = useSession();
  const [form, setForm] = useState<FormState>(() => (saved ? fromAssessment(saved) : EMPTY));
  const { busy, problem, notice, notify, run } = useAction();
  const errors = fieldErrors(problem);
  const categories = RISK_CATEGORIES.filter((category) => asked.includes(category));
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () =>
        call(
          session.client.PUT('/v1/deals/{dealId}/contributions/mine', {
            params: { path: { dealId: deal.id } },
            body: contributionBody(form, asked),
          }),
        ),
      () => {
        notify('Your contribution is saved. Only your side’s owners see it.');
        onSaved();
      },
    );
  };
  const setRisk = (category: RiskCategory, change: Partial<FormState['risks'][RiskCategory]>) =>
    setForm((previous) => ({
      ...previous,
      risks: { ...previous.risks, [category]: { ...previous.risks[category], ...change } },
    }));
  return (
    <form className="stack" onSubmit={save} aria-labelledby="contribution-heading">
      <h2 id="contribution-heading">Your contribution</h2>
      <p className="muted">
        You are asked for: {asked.map((part) => PART_LABELS[part]).join(', ')}. Your view stays inside your
        organisation; the other side never learns that it exists.
      </p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {problem ? <ProblemAlert problem={problem} /> : null}
      {asked.includes('objectives') ? (
        <ObjectivesFieldset
          objectives={form.objectives}
          errors={errors}
          onChange={(index, change) =>
            setForm((previous) => {
              const objectives = [...previous.objectives] as FormState['objectives'];
              objectives[index] = { ...objectives[index], ...change } as FormState['objectives'][number];
              return { ...previous, objectives };
            })
          }
        />
      ) : null}
      {categories.length > 0 ? (
        <RisksFieldset risks={form.risks} errors={errors} categories={categories} onChange={setRisk} />
      ) : null}
      {asked.includes('nature') ? (
        <NatureFieldset
          nature={form.nature}
          errors={errors}
          onChange={(change) =>
            setForm((previous) => ({ ...previous, nature: { ...previous.nature, ...change } }))
          }
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save my contribution'}
        </button>
      </div>
    </form>
  );
}
