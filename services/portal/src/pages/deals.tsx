import { otherSide, type Side } from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { type FormEvent, useState } from 'react';
import { call, fieldErrors, type Problem } from '../api.js';
import {
  Badge,
  LoadError,
  Loading,
  PageHeading,
  ProblemAlert,
  TextAreaField,
  TextField,
} from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { usePageTitle, useResource } from '../hooks.js';
import { DEAL_STATUS_LABELS, type Deal, formatDate, formatMoney } from '../labels.js';
import { portalOfSide } from '../portals.js';
import { Link, navigate } from '../router.js';

type DealPage = { data: Deal[]; nextCursor: string | null };

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
  const [more, setMore] = useState<Deal[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<Problem>();
  usePageTitle(`Deals · ${portal.name}`);
  const deals = useResource<DealPage>(
    () => call(session.client.GET('/v1/deals', { params: { query: { limit: 20 } } })),
    'deals',
  );

  const loadMore = async (from: string) => {
    setLoadingMore(true);
    setMoreProblem(undefined);
    const result = await call(
      session.client.GET('/v1/deals', { params: { query: { limit: 20, cursor: from } } }),
    );
    setLoadingMore(false);
    if (!result.ok) {
      setMoreProblem(result.problem);
      return;
    }
    setMore((previous) => [...previous, ...result.data.data]);
    setCursor(result.data.nextCursor);
  };

  const next = cursor === undefined ? deals.data?.nextCursor : cursor;
  const all = deals.data ? [...deals.data.data, ...more] : [];
  const canWrite = me.role !== 'viewer';

  return (
    <>
      <div className="page-head-row">
        <PageHeading
          sub={`The deals ${me.organisation.name} shares with ${portal.side === 'sales' ? 'buyers' : 'suppliers'}.`}
        >
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
          {deals.status === 'loading' ? <Loading label="Loading your deals…" /> : null}
          {deals.status === 'error' ? (
            <LoadError problem={deals.problem} onRetry={() => void deals.reload()} />
          ) : null}
          {deals.status === 'ready' && all.length === 0 ? (
            <div className="empty">
              <p>No deals yet.</p>
              <p className="muted">
                Create a deal and invite the {portal.side === 'sales' ? 'buyer' : 'supplier'}, or join one
                with the invitation code you were given.
              </p>
            </div>
          ) : null}
          {all.length ? (
            <ul className="deal-list">
              {all.map((deal) => (
                <DealCard key={deal.id} deal={deal} reader={portal.side} base={portal.basePath} />
              ))}
            </ul>
          ) : null}
          {moreProblem ? <LoadError problem={moreProblem} /> : null}
          {next ? (
            <button
              type="button"
              className="button secondary"
              disabled={loadingMore}
              onClick={() => void loadMore(next)}
            >
              {loadingMore ? 'Loading…' : 'Show more deals'}
            </button>
          ) : null}
        </section>
        {canWrite ? <JoinDeal /> : null}
      </div>
    </>
  );
}

function JoinDeal() {
  const session = useSession();
  const { portal } = usePortal();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  const [empty, setEmpty] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setEmpty(code.trim() === '');
    if (code.trim() === '') return;
    setBusy(true);
    const result = await call(session.client.POST('/v1/invitations/accept', { body: { code: code.trim() } }));
    setBusy(false);
    if (result.ok) navigate(`${portal.basePath}/deals/${encodeURIComponent(result.data.id)}`);
    else setProblem(result.problem);
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
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Joining…' : 'Join deal'}
          </button>
        </div>
      </form>
    </aside>
  );
}

const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'JPY', 'CAD', 'AUD'];

export function NewDealPage() {
  const session = useSession();
  const { portal } = usePortal();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [decision, setDecision] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  usePageTitle(`New deal · ${portal.name}`);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const local: Record<string, string> = {};
    const body: Schemas['CreateDealRequestInput'] = { title: title.trim() };
    if (description.trim()) body.description = description.trim();
    if (amount.trim()) {
      const value = Number(amount.replace(/[\s,]/g, ''));
      if (Number.isFinite(value)) body.value = { amount: value, currency: currency.trim().toUpperCase() };
      else local['value/amount'] = 'Enter a number, such as 250000.';
    }
    if (decision) body.expectedDecisionAt = decision;
    setLocalErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    const result = await call(session.client.POST('/v1/deals', { body }));
    setBusy(false);
    if (result.ok) navigate(`${portal.basePath}/deals/${encodeURIComponent(result.data.id)}`);
    else setProblem(result.problem);
  };

  const errors = { ...fieldErrors(problem), ...localErrors };
  const fields = ['title', 'description', 'value', 'value/amount', 'value/currency', 'expectedDecisionAt'];
  return (
    <section className="panel form-page">
      <PageHeading sub="Shared details: both sides see them. Private views go into each side’s assessment later.">
        New deal
      </PageHeading>
      {problem ? <ProblemAlert problem={problem} fields={fields} /> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label="Title"
          required
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={errors.title}
        />
        <TextAreaField
          label="Description"
          hint="Optional. What is being bought, and for whom."
          rows={4}
          maxLength={5000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={errors.description}
        />
        <div className="field-row">
          <TextField
            label="Estimated value"
            hint="Optional, in whole units, e.g. 250000."
            inputMode="decimal"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            error={errors['value/amount'] ?? errors.value}
          />
          <TextField
            label="Currency"
            hint="ISO code, e.g. EUR."
            list="currencies"
            maxLength={3}
            autoCapitalize="characters"
            className="narrow-field"
            value={currency}
            onChange={(event) => setCurrency(event.target.value.toUpperCase())}
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
          value={decision}
          onChange={(event) => setDecision(event.target.value)}
          error={errors.expectedDecisionAt}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create deal'}
          </button>
          <Link to={`${portal.basePath}/deals`} className="button secondary">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
