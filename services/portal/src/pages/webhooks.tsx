import type { Schemas } from '@cg/sdk';
import { useState } from 'react';
import { call, fieldErrors } from '../api.js';
import { CheckboxGroup, SubmitButton, TextField } from '../components/fields.js';
import { ConfirmButton, DataTable, OneTimeSecret, ProblemAlert, ResourceState } from '../components/ui.js';
import { useSession } from '../context.js';
import { useAction, useResource } from '../hooks.js';
import { formatDateTime } from '../labels.js';

type Endpoint = Schemas['WebhookEndpoint'];
type EventType = Schemas['WebhookEventType'];

const EVENTS: Readonly<Record<EventType, string>> = {
  'deal.joined': 'The counterparty joined a deal',
  'assessment.submitted': 'A side submitted its assessment',
  'round.opened': 'A side opened a new round',
  'alignment.ready': 'An alignment report is ready',
  'milestone.changed': 'A milestone was added, changed or deleted',
  'deal.closed': 'A deal was won, lost or withdrawn',
};
const EVENT_TYPES = Object.keys(EVENTS) as EventType[];

const OUTCOME_LABELS: Readonly<Record<Schemas['WebhookDeliveryAttempt']['outcome'], string>> = {
  succeeded: 'Succeeded',
  retrying: 'Retrying',
  failed: 'Failed',
};

/** The organisation's endpoints, rotating and deleting them, and the secret to show once. */
function useEndpoints() {
  const session = useSession();
  const endpoints = useResource(
    () => call(session.client.GET('/v1/webhook-endpoints', { params: { query: { limit: 100 } } })),
    'webhooks',
  );
  const [secret, setSecret] = useState<{ url: string; secret: string; rotated: boolean }>();
  const { problem, run } = useAction();

  const rotate = async (endpoint: Endpoint) => {
    const path = { params: { path: { endpointId: endpoint.id } } };
    await run(
      () => call(session.client.POST('/v1/webhook-endpoints/{endpointId}/rotate-secret', path)),
      (data) => setSecret({ url: data.url, secret: data.secret, rotated: true }),
    );
    await endpoints.reload();
  };

  const remove = async (endpoint: Endpoint) => {
    const path = { params: { path: { endpointId: endpoint.id } } };
    await run(() => call(session.client.DELETE('/v1/webhook-endpoints/{endpointId}', path)));
    await endpoints.reload();
  };
  return { endpoints, secret, setSecret, problem, rotate, remove };
}

export function Webhooks() {
  const { endpoints, secret, setSecret, problem, rotate, remove } = useEndpoints();
  return (
    <div className="layout-aside">
      <section className="panel" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhook endpoints</h2>
        <p className="muted">
          Deal events of every deal your organisation is a party to are POSTed to these URLs, signed following
          Standard Webhooks. Payloads name the deal and the event, never private inputs.
        </p>
        {secret ? (
          <OneTimeSecret
            title={secret.rotated ? 'New signing secret' : 'Endpoint created'}
            warning={
              <>
                Store the signing secret for {secret.url} now: it is shown only once.
                {secret.rotated ? ' The previous secret keeps signing for 24 hours.' : ''}
              </>
            }
            values={[{ label: 'Signing secret', value: secret.secret }]}
            onDismiss={() => setSecret(undefined)}
          />
        ) : null}
        {problem ? <ProblemAlert problem={problem} /> : null}
        <ResourceState
          resource={endpoints}
          loading="Loading webhook endpoints…"
          empty={<p>No webhook endpoints yet.</p>}
        >
          {(data) => (
            <ul className="item-list">
              {data.data.map((endpoint) => (
                <EndpointItem
                  key={endpoint.id}
                  endpoint={endpoint}
                  onRotate={() => void rotate(endpoint)}
                  onDelete={() => void remove(endpoint)}
                />
              ))}
            </ul>
          )}
        </ResourceState>
      </section>
      <CreateEndpoint
        onCreated={(created) => {
          setSecret({ url: created.url, secret: created.secret, rotated: false });
          void endpoints.reload();
        }}
      />
    </div>
  );
}

function EndpointItem({
  endpoint,
  onRotate,
  onDelete,
}: {
  endpoint: Endpoint;
  onRotate: () => void;
  onDelete: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li className="endpoint">
      <div className="endpoint-head">
        <div className="milestone-main">
          <p className="item-title mono break">{endpoint.url}</p>
          <p className="small muted">
            {endpoint.status === 'active'
              ? 'Active'
              : `Disabled${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ''}`}{' '}
            · {endpoint.events.join(', ')} · created {formatDateTime(endpoint.createdAt)}
            {endpoint.secretRotatedAt ? ` · secret rotated ${formatDateTime(endpoint.secretRotatedAt)}` : ''}
          </p>
        </div>
        <div className="milestone-actions">
          <button
            type="button"
            className="button secondary small"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} deliveries to ${endpoint.url}`}
            onClick={() => setOpen((value) => !value)}
          >
            {open ? 'Hide deliveries' : 'Show deliveries'}
          </button>
          <ConfirmButton
            label="Rotate secret"
            name={`Rotate the secret of ${endpoint.url}`}
            confirmLabel="Yes, rotate"
            onConfirm={onRotate}
          />
          <ConfirmButton
            label="Delete"
            name={`Delete ${endpoint.url}`}
            confirmLabel="Yes, delete"
            onConfirm={onDelete}
          />
        </div>
      </div>
      {open ? <Deliveries endpoint={endpoint} /> : null}
    </li>
  );
}

function Deliveries({ endpoint }: { endpoint: Endpoint }) {
  const session = useSession();
  const deliveries = useResource(
    () =>
      call(
        session.client.GET('/v1/webhook-endpoints/{endpointId}/deliveries', {
          params: { path: { endpointId: endpoint.id }, query: { limit: 50 } },
        }),
      ),
    endpoint.id,
  );
  return (
    <div className="deliveries">
      <div className="deliveries-head">
        <h3>Delivery log</h3>
        <button type="button" className="button secondary small" onClick={() => void deliveries.reload()}>
          Refresh
        </button>
      </div>
      <ResourceState
        resource={deliveries}
        loading="Loading deliveries…"
        empty={<p className="muted">Nothing delivered yet.</p>}
      >
        {(data) => <DeliveryTable attempts={data.data} />}
      </ResourceState>
    </div>
  );
}

function DeliveryTable({ attempts }: { attempts: readonly Schemas['WebhookDeliveryAttempt'][] }) {
  return (
    <DataTable columns={['When', 'Event', 'Attempt', 'Outcome']}>
      {attempts.map((attempt) => (
        <tr key={`${attempt.deliveryId}-${attempt.attempt}`}>
          <td>
            <time dateTime={attempt.attemptedAt}>{formatDateTime(attempt.attemptedAt)}</time>
          </td>
          <td className="mono small">{attempt.eventType}</td>
          <td>{attempt.attempt}</td>
          <td>
            <span className={`delivery delivery-${attempt.outcome}`}>{OUTCOME_LABELS[attempt.outcome]}</span>
            <span className="small muted">
              {' '}
              {attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : (attempt.error ?? '')}
              {attempt.nextRetryAt ? ` · next try ${formatDateTime(attempt.nextRetryAt)}` : ''}
            </span>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function CreateEndpoint({
  onCreated,
}: {
  onCreated: (endpoint: Schemas['WebhookEndpointWithSecret']) => void;
}) {
  const session = useSession();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<EventType[]>(EVENT_TYPES);
  const { busy, problem, submit } = useAction();
  const onSubmit = submit(
    () => call(session.client.POST('/v1/webhook-endpoints', { body: { url: url.trim(), events } })),
    (data) => {
      setUrl('');
      onCreated(data);
    },
  );

  const errors = fieldErrors(problem);
  const urlError = errors.url ?? (problem?.status === 422 ? problem.detail : undefined);
  return (
    <aside className="panel" aria-labelledby="create-webhook-heading">
      <h2 id="create-webhook-heading">Add an endpoint</h2>
      {problem && !urlError ? <ProblemAlert problem={problem} fields={['url', 'events']} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label="Endpoint URL"
          type="url"
          inputMode="url"
          hint="https, on a public address."
          required
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={urlError}
        />
        <CheckboxGroup
          legend="Events"
          options={EVENT_TYPES}
          explanations={EVENTS}
          selected={events}
          onChange={setEvents}
          error={errors.events}
        />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Adding…" label="Add endpoint" />
        </div>
      </form>
    </aside>
  );
}
