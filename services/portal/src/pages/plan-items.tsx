import { otherSide, type Side } from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { call } from '../api.js';
import { InlineSelect, SelectField, SubmitButton, TextAreaField, TextField } from '../components/fields.js';
import { ProblemAlert, ResourceState } from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { useAction, useFields, useResource } from '../hooks.js';
import { capitalise, type Deal, formatDateTime, sideName } from '../labels.js';

type Milestone = Schemas['Milestone'];
type Task = Schemas['Task'];
type Status = Schemas['MilestoneStatus'];

const STATUSES: readonly Status[] = ['open', 'in_progress', 'done', 'blocked', 'cancelled'];
const STATUS_LABELS: Readonly<Record<Status, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
};

/** People a task can be given to: the reader's own team (the other side's people are not listed to it). */
export interface Assignable {
  userId: string;
  name: string;
}

function assigneeLabel(deal: Deal, task: Task, reader: Side): string {
  const assignee = task.assignee;
  if (!assignee) return 'Unassigned';
  if (assignee.type === 'user') return assignee.name;
  return capitalise(sideName(deal, assignee.side, reader));
}

/** A milestone's tasks and comments, both sides' to read and work on. */
export function PlanItemDetails({
  deal,
  milestone,
  canWrite,
  people,
  refresh,
  onChanged,
}: {
  deal: Deal;
  milestone: Milestone;
  canWrite: boolean;
  people: readonly Assignable[];
  refresh: string;
  onChanged: () => void;
}) {
  return (
    <details className="plan-details">
      <summary>Tasks and comments</summary>
      <Tasks
        deal={deal}
        milestone={milestone}
        canWrite={canWrite}
        people={people}
        refresh={refresh}
        onChanged={onChanged}
      />
      <Comments deal={deal} milestone={milestone} canWrite={canWrite} refresh={refresh} />
    </details>
  );
}

function Tasks({
  deal,
  milestone,
  canWrite,
  people,
  refresh,
  onChanged,
}: {
  deal: Deal;
  milestone: Milestone;
  canWrite: boolean;
  people: readonly Assignable[];
  refresh: string;
  onChanged: () => void;
}) {
  const session = useSession();
  const { portal } = usePortal();
  const path = { dealId: deal.id, milestoneId: milestone.id };
  // `refresh` moves with the deal's live stream, so the other side's changes show without a reload.
  const tasks = useResource(
    () =>
      call(
        session.client.GET('/v1/deals/{dealId}/milestones/{milestoneId}/tasks', {
          params: { path, query: { limit: 100 } },
        }),
      ),
    `tasks-${milestone.id}-${refresh}`,
  );
  const { problem, run } = useAction();
  const setStatus = (task: Task, status: Status) =>
    run(() =>
      call(
        session.client.PATCH('/v1/deals/{dealId}/milestones/{milestoneId}/tasks/{taskId}', {
          params: { path: { ...path, taskId: task.id }, header: { 'if-match': `"t${task.version}"` } },
          body: { status },
        }),
      ),
    ).then(() => {
      void tasks.reload();
      onChanged();
    });
  return (
    <div className="stack">
      <h3 className="small-heading">Tasks</h3>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <ResourceState
        resource={tasks}
        loading="Loading the tasks…"
        empty={<p className="small muted">No tasks yet.</p>}
      >
        {(data) => (
          <ul className="tasks">
            {data.data.map((task) => (
              <li key={task.id} className={`task task-${task.status}`}>
                <span className="item-title">{task.title}</span>{' '}
                <span className="small muted">
                  · {assigneeLabel(deal, task, portal.side)}
                  {task.overdue ? ' · ' : ''}
                </span>
                {task.overdue ? <span className="small milestone-overdue">Overdue</span> : null}{' '}
                <InlineSelect
                  id={`task-status-${task.id}`}
                  label={`Status of task ${task.title}`}
                  value={task.status}
                  values={STATUSES}
                  labels={STATUS_LABELS}
                  disabled={!canWrite}
                  onChange={(status) => void setStatus(task, status)}
                />
              </li>
            ))}
          </ul>
        )}
      </ResourceState>
      {canWrite ? (
        <AddTask
          deal={deal}
          milestone={milestone}
          people={people}
          onAdded={() => {
            void tasks.reload();
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

function AddTask({
  deal,
  milestone,
  people,
  onAdded,
}: {
  deal: Deal;
  milestone: Milestone;
  people: readonly Assignable[];
  onAdded: () => void;
}) {
  const session = useSession();
  const { portal } = usePortal();
  const { values, bind, reset } = useFields({ title: '', assignee: '' });
  const { busy, problem, submit } = useAction();
  const assignee = (): { userId: string } | { side: Side } | null => {
    if (!values.assignee) return null;
    if (values.assignee.startsWith('side:')) return { side: values.assignee.slice('side:'.length) as Side };
    return { userId: values.assignee };
  };
  const add = submit(
    () =>
      call(
        session.client.POST('/v1/deals/{dealId}/milestones/{milestoneId}/tasks', {
          params: { path: { dealId: deal.id, milestoneId: milestone.id } },
          body: { title: values.title.trim(), assignee: assignee(), status: 'open' },
        }),
      ),
    () => {
      reset('title', 'assignee');
      onAdded();
    },
  );
  const me = portal.side;
  return (
    <form className="inline-form" onSubmit={add} aria-label={`Add a task to ${milestone.title}`}>
      {problem ? <ProblemAlert problem={problem} fields={['title']} /> : null}
      <TextField
        id={`task-title-${milestone.id}`}
        label="New task"
        required
        maxLength={200}
        {...bind('title')}
      />
      <SelectField id={`task-assignee-${milestone.id}`} label="Assigned to" {...bind('assignee')}>
        <option value="">Nobody yet</option>
        <option value={`side:${me}`}>{capitalise(sideName(deal, me, me))}</option>
        <option value={`side:${otherSide(me)}`}>{capitalise(sideName(deal, otherSide(me), me))}</option>
        {people.map((person) => (
          <option key={person.userId} value={person.userId}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton busy={busy} busyLabel="Adding…" label="Add task" />
    </form>
  );
}

function Comments({
  deal,
  milestone,
  canWrite,
  refresh,
}: {
  deal: Deal;
  milestone: Milestone;
  canWrite: boolean;
  refresh: string;
}) {
  const session = useSession();
  const { portal } = usePortal();
  const comments = useResource(
    () =>
      call(
        session.client.GET('/v1/deals/{dealId}/milestones/{milestoneId}/comments', {
          params: { path: { dealId: deal.id, milestoneId: milestone.id }, query: { limit: 100 } },
        }),
      ),
    `comments-${milestone.id}-${refresh}`,
  );
  const { values, bind, reset } = useFields({ body: '' });
  const { busy, problem, submit } = useAction();
  const add = submit(
    () =>
      call(
        session.client.POST('/v1/deals/{dealId}/milestones/{milestoneId}/comments', {
          params: { path: { dealId: deal.id, milestoneId: milestone.id } },
          body: { body: values.body.trim() },
        }),
      ),
    () => {
      reset('body');
      void comments.reload();
    },
  );
  return (
    <div className="stack">
      <h3 className="small-heading">Comments</h3>
      <ResourceState
        resource={comments}
        loading="Loading the comments…"
        empty={<p className="small muted">No comments yet.</p>}
      >
        {(data) => (
          <ul className="comments">
            {data.data.map((comment) => (
              <li key={comment.id} className="comment">
                <p className="small muted">
                  {comment.author.name} ({sideName(deal, comment.author.side, portal.side)}) ·{' '}
                  {formatDateTime(comment.createdAt)}
                </p>
                <p>{comment.body}</p>
              </li>
            ))}
          </ul>
        )}
      </ResourceState>
      {canWrite ? (
        <form className="stack" onSubmit={add} aria-label={`Comment on ${milestone.title}`}>
          {problem ? <ProblemAlert problem={problem} fields={['body']} /> : null}
          <TextAreaField
            id={`comment-${milestone.id}`}
            label="Comment (both sides see it; @Name mentions a person)"
            required
            maxLength={5000}
            {...bind('body')}
          />
          <SubmitButton busy={busy} busyLabel="Posting…" label="Post comment" />
        </form>
      ) : null}
    </div>
  );
}
