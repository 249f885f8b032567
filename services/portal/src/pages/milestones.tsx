import { otherSide, type Side } from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { type FormEvent, useState } from 'react';
import { call, fieldErrors, type Problem } from '../api.js';
import {
  Alert,
  ConfirmButton,
  LoadError,
  Loading,
  ProblemAlert,
  SelectField,
  TextField,
} from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { type Resource, useAction, useResource } from '../hooks.js';
import { capitalise, type Deal, formatDate, sideName } from '../labels.js';

type Milestone = Schemas['Milestone'];
type MilestoneStatus = Schemas['MilestoneStatus'];

const STATUSES: readonly MilestoneStatus[] = ['open', 'done', 'blocked'];
const STATUS_LABELS: Readonly<Record<MilestoneStatus, string>> = {
  open: 'Open',
  done: 'Done',
  blocked: 'Blocked',
};

/**
 * The mutual action plan: milestones both parties see and edit, each owned by one side, with a
 * due date and a status.
 */
export type MilestonePage = { data: Milestone[]; nextCursor: string | null };

/** The deal's milestones (the plan is short: one page of 100). */
export function useMilestones(dealId: string) {
  const session = useSession();
  return useResource<MilestonePage>(
    () =>
      call(
        session.client.GET('/v1/deals/{dealId}/milestones', {
          params: { path: { dealId }, query: { limit: 100 } },
        }),
      ),
    dealId,
  );
}

export function Milestones({
  deal,
  milestones,
  canWrite,
  onChanged,
}: {
  deal: Deal;
  milestones: Resource<MilestonePage> & { reload: () => Promise<void> };
  canWrite: boolean;
  onChanged: () => void;
}) {
  const session = useSession();
  const { portal } = usePortal();
  const [problem, setProblem] = useState<Problem>();

  const changed = async () => {
    await milestones.reload();
    onChanged();
  };

  const setStatus = async (milestone: Milestone, status: MilestoneStatus) => {
    setProblem(undefined);
    const result = await call(
      session.client.PATCH('/v1/deals/{dealId}/milestones/{milestoneId}', {
        params: { path: { dealId: deal.id, milestoneId: milestone.id } },
        body: { status },
      }),
    );
    if (!result.ok) setProblem(result.problem);
    await changed();
  };

  const remove = async (milestone: Milestone) => {
    setProblem(undefined);
    const result = await call(
      session.client.DELETE('/v1/deals/{dealId}/milestones/{milestoneId}', {
        params: { path: { dealId: deal.id, milestoneId: milestone.id } },
      }),
    );
    if (!result.ok) setProblem(result.problem);
    await changed();
  };

  const list = milestones.data?.data ?? [];
  const done = list.filter((milestone) => milestone.status === 'done').length;
  return (
    <section className="panel" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Mutual action plan</h2>
      <p className="muted">
        Shared with {sideName(deal, otherSide(portal.side), portal.side)}: both sides see and update these
        milestones.
      </p>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {milestones.status === 'loading' ? <Loading label="Loading the action plan…" /> : null}
      {milestones.status === 'error' ? (
        <LoadError problem={milestones.problem} onRetry={() => void milestones.reload()} />
      ) : null}
      {milestones.status === 'ready' && list.length === 0 ? <p>No milestones yet.</p> : null}
      {list.length ? (
        <>
          <p className="small muted">
            {done} of {list.length} done
          </p>
          <ul className="milestones">
            {list.map((milestone) => (
              <li key={milestone.id} className={`milestone milestone-${milestone.status}`}>
                <div className="milestone-main">
                  <p className="item-title">{milestone.title}</p>
                  <p className="small muted">
                    Owner: {capitalise(sideName(deal, milestone.ownerSide, portal.side))} · Due{' '}
                    {milestone.dueAt ? formatDate(milestone.dueAt) : 'whenever'}
                  </p>
                </div>
                <div className="milestone-actions">
                  <label className="visually-hidden" htmlFor={`status-${milestone.id}`}>
                    Status of {milestone.title}
                  </label>
                  <select
                    id={`status-${milestone.id}`}
                    className="input compact"
                    value={milestone.status}
                    disabled={!canWrite}
                    onChange={(event) => void setStatus(milestone, event.target.value as MilestoneStatus)}
                  >
                    {STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {STATUS_LABELS[status]}
                      </option>
                    ))}
                  </select>
                  {canWrite ? (
                    <ConfirmButton
                      label="Delete"
                      name={`Delete ${milestone.title}`}
                      confirmLabel="Yes, delete"
                      onConfirm={() => void remove(milestone)}
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canWrite ? <AddMilestone deal={deal} reader={portal.side} onAdded={() => void changed()} /> : null}
    </section>
  );
}

function AddMilestone({ deal, reader, onAdded }: { deal: Deal; reader: Side; onAdded: () => void }) {
  const session = useSession();
  const [title, setTitle] = useState('');
  const [ownerSide, setOwnerSide] = useState<Side>(reader);
  const [dueAt, setDueAt] = useState('');
  const [status, setStatus] = useState<MilestoneStatus>('open');
  const { busy, problem, run } = useAction();
  const [added, setAdded] = useState<string>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(undefined);
    await run(
      () =>
        call(
          session.client.POST('/v1/deals/{dealId}/milestones', {
            params: { path: { dealId: deal.id } },
            body: { title: title.trim(), ownerSide, status, ...(dueAt ? { dueAt } : {}) },
          }),
        ),
      (data) => {
        setAdded(`Added “${data.title}”.`);
        setTitle('');
        setDueAt('');
        setStatus('open');
        onAdded();
      },
    );
  };

  const errors = fieldErrors(problem);
  return (
    <form className="add-milestone" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h3>Add a milestone</h3>
      {problem ? <ProblemAlert problem={problem} fields={['title', 'ownerSide', 'dueAt', 'status']} /> : null}
      {added ? <Alert tone="success">{added}</Alert> : null}
      <TextField
        label="Title"
        required
        maxLength={200}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={errors.title}
      />
      <div className="field-row">
        <SelectField
          label="Owner side"
          value={ownerSide}
          onChange={(event) => setOwnerSide(event.target.value as Side)}
          error={errors.ownerSide}
        >
          {([reader, otherSide(reader)] as const).map((side) => (
            <option key={side} value={side}>
              {capitalise(sideName(deal, side, reader))}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Due date"
          type="date"
          value={dueAt}
          onChange={(event) => setDueAt(event.target.value)}
          error={errors.dueAt}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(event) => setStatus(event.target.value as MilestoneStatus)}
          error={errors.status}
        >
          {STATUSES.map((item) => (
            <option key={item} value={item}>
              {STATUS_LABELS[item]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add milestone'}
        </button>
      </div>
    </form>
  );
}
