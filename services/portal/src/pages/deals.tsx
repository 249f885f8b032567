import { otherSide, type Side } from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { type FormEvent, useState } from 'react';
import { call, fieldErrors } from '../api.js';
import { SelectField, SubmitButton, TextAreaField, TextField } from '../components/fields.js';
import { Badge, PageHeading, ProblemAlert, ResourceState, ShowMore } from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { useAction, useFields, usePagedList, usePageTitle, useResource } from '../hooks.js';
import { DEAL_STATUS_LABELS, type Deal, formatDate, formatMoney } from '../labels.js';
import { portalOfSide } from '../portals.js';
import { Link, navigate } from '../router.js';

export function statusTone(status: Deal['status']): string {
  switch (status) {
    case 'aligned':
    case 'won':
      return 'good';
    case 'assessing':
      return 'info';
    case 'awaiting_counterparty':
      return 'waiting';
    default:
      return 'neutral';
  }
}

function SubmissionState({ deal, side, reader }: { deal: Deal; side: Side; reader: Side }) {
  const submission = deal.submissions[side];
  const who = side === reader ? 'You' : portalOfSide(side).noun.replace(/^./, (c) => c.toUpperCase());
  return (
    <span className={`submission ${submission.submitted ? 'is-in' : 'is-out'}`}>
      <span aria-hidden="true">{submission.submitted ? '●' : '○'}</span> {who}:{' '}
      {submission.submitted ? 'submitted' : 'not submitted'}
    </span>
  );
}

function DealCard({ deal, reader, base }: { deal: Deal; reader: Side; base: string }) {
  const counterparty = deal.parties[otherSide(reader)];
  return (
    <li className="deal-card">
      <div className="deal-card-head">
        <h2 className="deal-card-title">
          <Link to={`${base}/deals/${encodeURIComponent(deal.id)}`}>{deal.title}</Link>
        </h2>
        <Badge tone={statusTone(deal.status)}>{DEAL_STATUS_LABELS[deal.status]}</Badge>
      </div>
      <dl className="facts">
        <div>
          <dt>Counterparty</dt>
          <dd>{counterparty ? counterparty.name : <span className="muted">Not joined yet</span>}</dd>
        </div>
        <div>
          <dt>Round</dt>
          <dd>
            {deal.round.number} of {deal.round.budget}
          </dd>
        </div>
        <div>
          <dt>Value</dt>
          <dd>{formatMoney(deal.value)}</dd>
        </div>
        <div>
          <dt>Decision</dt>
          <dd>{formatDate(deal.expectedDecisionAt)}</dd>
        </div>
      </dl>
      <p className="submissions">
        <SubmissionState deal={deal} side={reader} reader={reader} />
        <SubmissionState deal={deal} side={otherSide(reader)} reader={reader} />
      </p>
    </li>
  );
}

export function DealsPage() {
  const session = useSession();
  const { portal, me } = usePortal();
  usePageTitle(`Deals · ${portal.name}`);
  const deals = usePagedList<Deal>(
    (cursor) =>
      call(
        session.client.GET('/v1/deals', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } }),
      ),
    'deals',
  );
  const canWrite = me.role !== 'viewer';
  const counterparts = portal.side === 'sales' ? 'buyers' : 'suppliers';

  return (
    <>
      <div className="page-head-row">
        <PageHeading sub={`The deals ${me.organisation.name} shares with ${counterparts}.`}>
          Your deals
        </PageHeading>
        {canWrite ? (
          <Link to={`${portal.basePath}/deals/new`} className="button primary">
            New deal
          </Link>
        ) : null}
      </div>
      <div className="layout-aside">
        <section aria-label="Deal list">
          <ResourceState
            resource={deals.first}
            loading="Loading your deals…"
            empty={<NoDeals />}
            isEmpty={() => deals.items.length === 0}
          >
            {() => (
              <ul className="deal-list">
                {deals.items.map((deal) => (
                  <DealCard key={deal.id} deal={deal} reader={portal.side} base={portal.basePath} />
                ))}
              </ul>
            )}
          </ResourceState>
          <ShowMore list={deals} label="Show more deals" className="button secondary" />
        </section>
        {canWrite ? <JoinDeal /> : null}
      </div>
    </>
  );
}

function NoDeals() {
  const { portal } = usePortal();
  return (
    <div className="empty">
      <p>No deals yet.</p>
      <p className="muted">
        Create a deal and invite the {portal.side === 'sales' ? 'buyer' : 'supplier'}, or join one with the
        invitation code you were given.
      </p>
    </div>
  );
}

function JoinDeal() {
  const session = useSession();
  const { portal } = usePortal();
  const [code, setCode] = useState('');
  const { busy, problem, run, clear } = useAction();
  const [empty, setEmpty] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setEmpty(code.trim() === '');
    if (code.trim() === '') return;
    await run(
      () => call(session.client.POST('/v1/invitations/accept', { body: { code: code.trim() } })),
      (deal) => navigate(`${portal.basePath}/deals/${encodeURIComponent(deal.id)}`),
    );
  };

  const errors = fieldErrors(problem);
  const codeError =
    (empty ? 'Enter the invitation code you were given.' : undefined) ??
    errors.code ??
    (problem?.status === 404
      ? 'This code is unknown or has expired. Ask for a new one.'
      : problem?.status === 409 || problem?.status === 422
        ? problem.detail
        : undefined);
  return (
    <aside className="panel join" aria-labelledby="join-heading">
      <h2 id="join-heading">Join a deal</h2>
      <p className="muted">
        Got an invitation code from a {portal.side === 'sales' ? 'buyer' : 'supplier'}? Enter it to join their
        deal.
      </p>
      {problem && !codeError ? <ProblemAlert problem={problem} fields={['code']} /> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label="Invitation code"
          autoComplete="off"
          spellCheck={false}
          className="mono-field"
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={codeError}
        />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Joining…" label="Join deal" />
        </div>
      </form>
    </aside>
  );
}

const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'JPY', 'CAD', 'AUD'];

/** The new-deal form as typed. */
type DealDraft = {
  title: string;
  description: string;
  amount: string;
  currency: string;
  decision: string;
  planTemplateId: string;
};

const NEW_DEAL: DealDraft = {
  title: '',
  description: '',
  amount: '',
  currency: 'EUR',
  decision: '',
  planTemplateId: '',
};

/** The request body, or the messages of the fields the browser can already tell are wrong. */
function toDealBody(draft: DealDraft): {
  body: Schemas['CreateDealRequestInput'];
  local: Record<string, string>;
} {
  const local: Record<string, string> = {};
  const body: Schemas['CreateDealRequestInput'] = { title: draft.title.trim() };
  if (draft.description.trim()) body.description = draft.description.trim();
  if (draft.amount.trim()) {
    const value = Number(draft.amount.replace(/[\s,]/g, ''));
    if (Number.isFinite(value)) body.value = { amount: value, currency: draft.currency.trim().toUpperCase() };
    else local['value/amount'] = 'Enter a number, such as 250000.';
  }
  if (draft.decision) body.expectedDecisionAt = draft.decision;
  if (draft.planTemplateId) body.planTemplateId = draft.planTemplateId;
  return { body, local };
}

const DEAL_FIELDS = [
  'title',
  'description',
  'value',
  'value/amount',
  'value/currency',
  'expectedDecisionAt',
  'planTemplateId',
];

export function NewDealPage() {
  const session = useSession();
  const { portal } = usePortal();
  const fields = useFields(NEW_DEAL);
  const { busy, problem, run, clear } = useAction();
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  usePageTitle(`New deal · ${portal.name}`);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const { body, local } = toDealBody(fields.values);
    setLocalErrors(local);
    if (Object.keys(local).length) return;
    await run(
      () => call(session.client.POST('/v1/deals', { body })),
      (deal) => navigate(`${portal.basePath}/deals/${encodeURIComponent(deal.id)}`),
    );
  };

  return (
    <section className="panel form-page">
      <PageHeading sub="Shared details: both sides see them. Private views go into each side’s assessment later.">
        New deal
      </PageHeading>
      {problem ? <ProblemAlert problem={problem} fields={DEAL_FIELDS} /> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <DealFields fields={fields} errors={{ ...fieldErrors(problem), ...localErrors }} />
        <PlanTemplateField bind={fields.bind('planTemplateId')} error={fieldErrors(problem).planTemplateId} />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Creating…" label="Create deal" />
          <Link to={`${portal.basePath}/deals`} className="button secondary">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}

/** A built-in plan to start the mutual action plan from, dated from the decision date. */
function PlanTemplateField({
  bind,
  error,
}: {
  bind: ReturnType<ReturnType<typeof useFields<DealDraft>>['bind']>;
  error: string | undefined;
}) {
  const session = useSession();
  const templates = useResource(() => call(session.client.GET('/v1/plan-templates')), 'plan-templates');
  return (
    <SelectField
      label="Mutual action plan"
      hint="Optional: start from a plan whose dates follow the decision date. You can add one later too."
      {...bind}
      error={error}
    >
      <option value="">No plan yet</option>
      {(templates.data?.data ?? []).map((template) => (
        <option key={template.id} value={template.id}>
          {template.name}
        </option>
      ))}
    </SelectField>
  );
}

function DealFields({
  fields: { values, set, bind },
  errors,
}: {
  fields: ReturnType<typeof useFields<DealDraft>>;
  errors: Readonly<Record<string, string>>;
}) {
  return (
    <>
      <TextField label="Title" required maxLength={200} {...bind('title')} error={errors.title} />
      <TextAreaField
        label="Description"
        hint="Optional. What is being bought, and for whom."
        rows={4}
        maxLength={5000}
        {...bind('description')}
        error={errors.description}
      />
      <div className="field-row">
        <TextField
          label="Estimated value"
          hint="Optional, in whole units, e.g. 250000."
          inputMode="decimal"
          {...bind('amount')}
          error={errors['value/amount'] ?? errors.value}
        />
        <TextField
          label="Currency"
          hint="ISO code, e.g. EUR."
          list="currencies"
          maxLength={3}
          autoCapitalize="characters"
          className="narrow-field"
          value={values.currency}
          onChange={(event) => set({ currency: event.target.value.toUpperCase() })}
          error={errors['value/currency']}
        />
        <datalist id="currencies">
          {COMMON_CURRENCIES.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
      </div>
      <TextField
        label="Expected decision date"
        hint="Optional: when the RFP or the decision is expected. Engaging 18 months ahead is ideal."
        type="date"
        {...bind('decision')}
        error={errors.expectedDecisionAt}
      />
    </>
  );
}
