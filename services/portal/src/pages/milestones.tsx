import { otherSide, type Side } from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { type ReactNode, useState } from 'react';
import { call, fieldErrors, type Result } from '../api.js';
import { InlineSelect, Options, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { Alert, ConfirmButton, ProblemAlert, ResourceState } from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { type Resource, useAction, useFields, useResource } from '../hooks.js';
import { capitalise, type Deal, formatDate, sideName } from '../labels.js';
import { type Assignable, PlanItemDetails } from './plan-items.js';

type Milestone = Schemas['Milestone'];
type MilestoneStatus = Schemas['MilestoneStatus'];

const STATUSES: readonly MilestoneStatus[] = ['open', 'in_progress', 'done', 'blocked', 'cancelled'];
const STATUS_LABELS: Readonly<Record<MilestoneStatus, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
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

type MilestoneList = Resource<MilestonePage> & { reload: () => Promise<void> };

/**
 * Changing and deleting milestones: each change reloads the plan (and tells the deal page)
 * whether it worked or not; `problem` says why the last one failed.
 */
function useMilestoneChanges(deal: Deal, milestones: MilestoneList, onChanged: () => void) {
  const session = useSession();
  const { problem, run } = useAction();
  const changed = async () => {
    await milestones.reload();
    onChanged();
  };
  const change = async (request: () => Promise<Result<unknown>>) => {
    await run(request);
    await changed();
  };
  const path = (milestone: Milestone) => ({ path: { dealId: deal.id, milestoneId: milestone.id } });
  const setStatus = (milestone: Milestone, status: MilestoneStatus) =>
    change(() =>
      call(
        session.client.PATCH('/v1/deals/{dealId}/milestones/{milestoneId}', {
          params: path(milestone),
          body: { status },
        }),
      ),
    );
  const remove = (milestone: Milestone) =>
    change(() =>
      call(session.client.DELETE('/v1/deals/{dealId}/milestones/{milestoneId}', { params: path(milestone) })),
    );
  return { problem, changed, setStatus, remove };
}

export function Milestones({
  deal,
  milestones,
  canWrite,
  people,
  live,
  onChanged,
}: {
  deal: Deal;
  milestones: MilestoneList;
  canWrite: boolean;
  /** Whom a task can be given to: the reader's own team. */
  people: readonly Assignable[];
  /** Moves with the deal's live stream, so tasks and comments are read again. */
  live: number;
  onChanged: () => void;
}) {
  const { portal } = usePortal();
  const { problem, changed, setStatus, remove } = useMilestoneChanges(deal, milestones, onChanged);
  // Bumped when a template is saved, so the picker lists it.
  const [library, setLibrary] = useState(0);

  return (
    <section className="panel" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Mutual action plan</h2>
      <p className="muted">
        Shared with {sideName(deal, otherSide(portal.side), portal.side)}: both sides see and update these
        milestones.
      </p>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <ResourceState
        resource={milestones}
        loading="Loading the action plan…"
        empty={<p>No milestones yet.</p>}
      >
        {(data) => (
          <>
            <p className="small muted">
              {data.data.filter((milestone) => milestone.status === 'done').length} of {data.data.length} done
            </p>
            <ul className="milestones">
              {data.data.map((milestone) => (
                <MilestoneItem
                  key={milestone.id}
                  deal={deal}
                  milestone={milestone}
                  canWrite={canWrite}
                  onStatus={(status) => void setStatus(milestone, status)}
                  onDelete={() => void remove(milestone)}
                >
                  <PlanItemDetails
                    deal={deal}
                    milestone={milestone}
                    canWrite={canWrite}
                    people={people}
                    refresh={`${live}-${milestone.version}-${milestone.progress.done}-${milestone.progress.total}`}
                    onChanged={() => void changed()}
                  />
                </MilestoneItem>
              ))}
            </ul>
          </>
        )}
      </ResourceState>
      {canWrite ? <AddMilestone deal={deal} reader={portal.side} onAdded={() => void changed()} /> : null}
      {canWrite ? (
        <TemplatePicker deal={deal} libraryVersion={library} onApplied={() => void changed()} />
      ) : null}
      {canWrite && (milestones.data?.data.length ?? 0) > 0 ? (
        <SaveAsTemplate deal={deal} onSaved={() => setLibrary((version) => version + 1)} />
      ) : null}
    </section>
  );
}

function MilestoneItem({
  deal,
  milestone,
  canWrite,
  onStatus,
  onDelete,
  children,
}: {
  deal: Deal;
  milestone: Milestone;
  canWrite: boolean;
  onStatus: (status: MilestoneStatus) => void;
  onDelete: () => void;
  children: ReactNode;
}) {
  const { portal } = usePortal();
  return (
    <li className={`milestone milestone-${milestone.status}`}>
      <div className="milestone-main">
        <p className="item-title">{milestone.title}</p>
        <p className="small muted">
          Owner: {capitalise(sideName(deal, milestone.ownerSide, portal.side))} · Due{' '}
          {milestone.dueAt ? formatDate(milestone.dueAt) : 'whenever'}
          {milestone.due ? ` (${relativeLabel(milestone.due.relativeToDecision.days)})` : ''}
          {milestone.progress.total > 0
            ? ` · ${milestone.progress.done} of ${milestone.progress.total} tasks done`
            : ''}
        </p>
        {milestone.overdue ? <p className="small milestone-overdue">Overdue</p> : null}
        {milestone.progress.total > 0 ? (
          <progress
            className="milestone-progress"
            max={milestone.progress.total}
            value={milestone.progress.done}
            aria-label={`${milestone.title}: ${milestone.progress.done} of ${milestone.progress.total} tasks done`}
          />
        ) : null}
        {children}
      </div>
      <div className="milestone-actions">
        <InlineSelect
          id={`status-${milestone.id}`}
          label={`Status of ${milestone.title}`}
          value={milestone.status}
          values={STATUSES}
          labels={STATUS_LABELS}
          disabled={!canWrite}
          onChange={onStatus}
        />
        {canWrite ? (
          <ConfirmButton
            label="Delete"
            name={`Delete ${milestone.title}`}
            confirmLabel="Yes, delete"
            onConfirm={onDelete}
          />
        ) : null}
      </div>
    </li>
  );
}

type PlanTemplateList = Schemas['PlanTemplateList'];

/** Built-in plans (strategic, competitive): their milestones and tasks follow the decision date. */
function TemplatePicker({
  deal,
  libraryVersion,
  onApplied,
}: {
  deal: Deal;
  libraryVersion: number;
  onApplied: () => void;
}) {
  const session = useSession();
  const templates = useResource<PlanTemplateList>(
    () => call(session.client.GET('/v1/plan-templates')),
    `plan-templates-${libraryVersion}`,
  );
  const { values, bind } = useFields({ templateId: 'strategic-partnership' });
  const { busy, problem, notice, notify, submit } = useAction();
  const onSubmit = submit(
    () =>
      call(
        session.client.POST('/v1/deals/{dealId}/plan/apply-template', {
          params: { path: { dealId: deal.id } },
          body: { templateId: values.templateId },
        }),
      ),
    (data) => {
      notify(`Added ${data.milestones.length} milestones from the template.`);
      onApplied();
    },
  );
  return (
    <form className="add-milestone" onSubmit={onSubmit} noValidate>
      <h3>Start from a template</h3>
      {problem ? <ProblemAlert problem={problem} fields={['templateId']} /> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ResourceState resource={templates} loading="Loading the templates…" empty={<p>No templates.</p>}>
        {(data) => (
          <SelectField label="Template" {...bind('templateId')}>
            {data.data.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </SelectField>
        )}
      </ResourceState>
      <p className="small muted">Due dates follow the deal's expected decision date and move with it.</p>
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Applying…" label="Apply template" />
      </div>
    </form>
  );
}

/** Keeps this deal's plan in the organisation's own library, to start other deals from. */
function SaveAsTemplate({ deal, onSaved }: { deal: Deal; onSaved: () => void }) {
  const session = useSession();
  const { values, bind, reset } = useFields({ name: '', approach: 'collaborative' });
  const { busy, problem, notice, notify, run } = useAction();
  const save = () =>
    run(
      () =>
        call(
          session.client.POST('/v1/plan-templates', {
            body: {
              dealId: deal.id,
              name: values.name.trim(),
              approach: values.approach as 'collaborative' | 'competitive',
            },
          }),
        ),
      (template) => {
        notify(`Saved “${template.name}”: your organisation can start other deals from it.`);
        reset('name');
        onSaved();
      },
    );
  return (
    <form
      className="add-milestone"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>Save this plan as a template</h3>
      {problem ? <ProblemAlert problem={problem} fields={['name']} /> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="field-row">
        <TextField label="Template name" maxLength={200} {...bind('name')} />
        <SelectField label="Suits" {...bind('approach')}>
          <option value="collaborative">A strategic, collaborative purchase</option>
          <option value="competitive">A competitive commodity purchase</option>
        </SelectField>
      </div>
      <p className="small muted">
        Only your organisation sees its templates. Dates are kept relative to the decision.
      </p>
      <div className="actions">
        <button type="submit" className="button secondary" disabled={busy || !values.name.trim()}>
          {busy ? 'Saving…' : 'Save as template'}
        </button>
      </div>
    </form>
  );
}

/** "90 days before the decision", "at the decision", "14 days after the decision". */
function relativeLabel(days: number) {
  if (days === 0) return 'at the decision';
  const count = Math.abs(days);
  return `${count} day${count === 1 ? '' : 's'} ${days < 0 ? 'before' : 'after'} the decision`;
}

function AddMilestone({ deal, reader, onAdded }: { deal: Deal; reader: Side; onAdded: () => void }) {
  const session = useSession();
  const { values, bind, reset } = useFields({
    title: '',
    ownerSide: reader as Side,
    dueAt: '',
    status: 'open' as MilestoneStatus,
  });
  const { busy, problem, notice, notify, submit } = useAction();
  const { title, ownerSide, status, dueAt } = values;
  const onSubmit = submit(
    () =>
      call(
        session.client.POST('/v1/deals/{dealId}/milestones', {
          params: { path: { dealId: deal.id } },
          body: { title: title.trim(), ownerSide, status, ...(dueAt ? { dueAt } : {}) },
        }),
      ),
    (data) => {
      notify(`Added “${data.title}”.`);
      reset('title', 'dueAt', 'status');
      onAdded();
    },
  );

  const errors = fieldErrors(problem);
  return (
    <form className="add-milestone" onSubmit={onSubmit} noValidate>
      <h3>Add a milestone</h3>
      {problem ? <ProblemAlert problem={problem} fields={['title', 'ownerSide', 'dueAt', 'status']} /> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <TextField label="Title" required maxLength={200} {...bind('title')} error={errors.title} />
      <div className="field-row">
        <SelectField label="Owner side" {...bind('ownerSide')} error={errors.ownerSide}>
          {([reader, otherSide(reader)] as const).map((side) => (
            <option key={side} value={side}>
              {capitalise(sideName(deal, side, reader))}
            </option>
          ))}
        </SelectField>
        <TextField label="Due date" type="date" {...bind('dueAt')} error={errors.dueAt} />
        <SelectField label="Status" {...bind('status')} error={errors.status}>
          <Options values={STATUSES} labels={STATUS_LABELS} />
        </SelectField>
      </div>
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Adding…" label="Add milestone" />
      </div>
    </form>
  );
}
