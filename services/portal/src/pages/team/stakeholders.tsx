import type { Side } from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { call } from '../../api.js';
import {
  InlineSelect,
  Options,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../components/fields.js';
import { ConfirmButton, ProblemAlert, ResourceState } from '../../components/ui.js';
import { usePortal, useSession } from '../../context.js';
import { useAction, useFields, useResource } from '../../hooks.js';
import { capitalise, type Deal, sideName } from '../../labels.js';

type Stakeholder = Schemas['Stakeholder'];
type StakeholderRole = Stakeholder['role'];
type Stance = Stakeholder['stance'];
type Influence = Stakeholder['influence'];

const ROLES: readonly StakeholderRole[] = [
  'economic_buyer',
  'technical_evaluator',
  'user',
  'legal',
  'procurement',
  'champion',
  'blocker',
];
const ROLE_LABELS: Readonly<Record<StakeholderRole, string>> = {
  economic_buyer: 'Economic buyer',
  technical_evaluator: 'Technical evaluator',
  user: 'User',
  legal: 'Legal or paper process',
  procurement: 'Procurement',
  champion: 'Champion',
  blocker: 'Blocker',
};
const STANCES: readonly Stance[] = ['supportive', 'neutral', 'opposed', 'unknown'];
const STANCE_LABELS: Readonly<Record<Stance, string>> = {
  supportive: 'Supportive',
  neutral: 'Neutral',
  opposed: 'Opposed',
  unknown: 'Unknown',
};
const INFLUENCES: readonly Influence[] = ['low', 'medium', 'high'];
const INFLUENCE_LABELS: Readonly<Record<Influence, string>> = { low: 'Low', medium: 'Medium', high: 'High' };

/** The people in the buying decision, one column per stance; private to the side that draws it. */
export function StakeholderBoard({ deal, canWrite }: { deal: Deal; canWrite: boolean }) {
  const session = useSession();
  const { portal } = usePortal();
  const board = useResource<{ data: Stakeholder[] }>(
    () =>
      call(session.client.GET('/v1/deals/{dealId}/stakeholders', { params: { path: { dealId: deal.id } } })),
    `stakeholders-${deal.id}`,
  );
  const { problem, run } = useAction();
  const path = (stakeholder: Stakeholder) => ({ path: { dealId: deal.id, stakeholderId: stakeholder.id } });
  const setStance = (stakeholder: Stakeholder, stance: Stance) =>
    run(() =>
      call(
        session.client.PATCH('/v1/deals/{dealId}/stakeholders/{stakeholderId}', {
          // A stale card (someone moved it first) answers 412; the reload shows where it is now.
          params: {
            ...path(stakeholder),
            header: { 'if-match': `"s${stakeholder.version}"` },
          },
          body: { stance },
        }),
      ),
    ).then(() => board.reload());
  const remove = (stakeholder: Stakeholder) =>
    run(
      () =>
        call(
          session.client.DELETE('/v1/deals/{dealId}/stakeholders/{stakeholderId}', {
            params: path(stakeholder),
          }),
        ),
      () => void board.reload(),
    );
  return (
    <section className="panel" aria-labelledby="stakeholders-heading">
      <h2 id="stakeholders-heading">Stakeholder map</h2>
      <p className="muted">
        Who decides, on either side, and where they stand. Only your organisation sees this map.
      </p>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <ResourceState resource={board} loading="Loading the map…">
        {(data) => (
          <div className="board">
            {STANCES.map((stance) => (
              <section key={stance} className="board-column" aria-labelledby={`stance-${stance}`}>
                <h3 id={`stance-${stance}`}>{STANCE_LABELS[stance]}</h3>
                <ul className="cards">
                  {data.data
                    .filter((item) => item.stance === stance)
                    .map((item) => (
                      <li key={item.id} className="card">
                        <p className="item-title">{item.name}</p>
                        <p className="small muted">
                          {ROLE_LABELS[item.role]} · {capitalise(sideName(deal, item.side, portal.side))} ·
                          influence {INFLUENCE_LABELS[item.influence].toLowerCase()}
                        </p>
                        {item.notes ? <p className="small">{item.notes}</p> : null}
                        {canWrite ? (
                          <div className="card-actions">
                            <InlineSelect
                              id={`stance-of-${item.id}`}
                              label={`Stance of ${item.name}`}
                              value={item.stance}
                              values={STANCES}
                              labels={STANCE_LABELS}
                              disabled={false}
                              onChange={(next) => void setStance(item, next)}
                            />
                            <ConfirmButton
                              label="Remove"
                              name={`Remove ${item.name}`}
                              confirmLabel="Yes, remove"
                              onConfirm={() => void remove(item)}
                            />
                          </div>
                        ) : null}
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </ResourceState>
      {canWrite ? (
        <AddStakeholder deal={deal} reader={portal.side} onAdded={() => void board.reload()} />
      ) : null}
    </section>
  );
}

function AddStakeholder({ deal, reader, onAdded }: { deal: Deal; reader: Side; onAdded: () => void }) {
  const session = useSession();
  const { values, bind, reset } = useFields({
    name: '',
    side: reader === 'sales' ? 'procurement' : 'sales',
    role: 'economic_buyer',
    influence: 'medium',
    stance: 'unknown',
    notes: '',
  });
  const { busy, problem, submit } = useAction();
  const add = submit(
    () =>
      call(
        session.client.POST('/v1/deals/{dealId}/stakeholders', {
          params: { path: { dealId: deal.id } },
          body: {
            name: values.name,
            side: values.side as Side,
            role: values.role as StakeholderRole,
            influence: values.influence as Influence,
            stance: values.stance as Stance,
            ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
          },
        }),
      ),
    () => {
      reset('name', 'notes');
      onAdded();
    },
  );
  return (
    <form className="stack" onSubmit={add} aria-labelledby="add-stakeholder-heading">
      <h3 id="add-stakeholder-heading">Add a person to the map</h3>
      {problem ? <ProblemAlert problem={problem} fields={['name', 'notes']} /> : null}
      <div className="field-row">
        <TextField id="stakeholder-name" label="Name" required maxLength={200} {...bind('name')} />
        <SelectField id="stakeholder-side" label="Works for" {...bind('side')}>
          <option value="procurement">{capitalise(sideName(deal, 'procurement', reader))}</option>
          <option value="sales">{capitalise(sideName(deal, 'sales', reader))}</option>
        </SelectField>
      </div>
      <div className="field-row">
        <SelectField id="stakeholder-role" label="Role in the decision" {...bind('role')}>
          <Options values={ROLES} labels={ROLE_LABELS} />
        </SelectField>
        <SelectField id="stakeholder-influence" label="Influence" {...bind('influence')}>
          <Options values={INFLUENCES} labels={INFLUENCE_LABELS} />
        </SelectField>
        <SelectField id="stakeholder-stance" label="Stance" {...bind('stance')}>
          <Options values={STANCES} labels={STANCE_LABELS} />
        </SelectField>
      </div>
      <TextAreaField
        id="stakeholder-notes"
        label="Notes (private to your side)"
        maxLength={5000}
        {...bind('notes')}
      />
      <SubmitButton busy={busy} busyLabel="Adding…" label="Add to the map" />
    </form>
  );
}
