import type { Schemas } from '@cg/sdk';
import { useState } from 'react';
import { call, fieldErrors, type Result } from '../api.js';
import { CheckboxGroup, InlineSelect, SubmitButton, TextField } from '../components/fields.js';
import {
  Alert,
  ConfirmButton,
  DataTable,
  OneTimeSecret,
  PageHeading,
  ProblemAlert,
  ResourceState,
} from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { useAction, usePageTitle, useResource } from '../hooks.js';
import { formatDateTime, ROLE_LABELS, SCOPE_EXPLANATIONS } from '../labels.js';
import { Link } from '../router.js';
import { InviteMember } from './members-by-email.js';
import { Webhooks } from './webhooks.js';

export type AdminSection = 'members' | 'api-clients' | 'webhooks' | 'audit';

export const ADMIN_SECTIONS: readonly { key: AdminSection; label: string }[] = [
  { key: 'members', label: 'Members' },
  { key: 'api-clients', label: 'API clients' },
  { key: 'webhooks', label: 'Webhooks' },
  { key: 'audit', label: 'Audit trail' },
];
const SECTIONS = ADMIN_SECTIONS;

type Member = Schemas['Member'];

const ROLES: readonly Schemas['Role'][] = ['admin', 'member', 'viewer'];
const SCOPES = Object.keys(SCOPE_EXPLANATIONS) as Schemas['Scope'][];

export function AdminPage({ section }: { section: AdminSection }) {
  const { portal, me } = usePortal();
  const current = SECTIONS.find((item) => item.key === section) ?? SECTIONS[0];
  usePageTitle(`${current?.label ?? 'Admin'} · Administration`);
  return (
    <>
      <PageHeading sub={`Manage ${me.organisation.name}.`}>Administration</PageHeading>
      <nav aria-label="Administration" className="tabs">
        <ul>
          {SECTIONS.map((item) => (
            <li key={item.key}>
              <Link
                to={`${portal.basePath}/admin/${item.key}`}
                aria-current={item.key === section ? 'page' : undefined}
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'members' ? <Members /> : null}
      {section === 'api-clients' ? <ApiClients /> : null}
      {section === 'webhooks' ? <Webhooks /> : null}
      {section === 'audit' ? <AuditTrail /> : null}
    </>
  );
}

function Members() {
  const session = useSession();
  const members = useResource(
    () => call(session.client.GET('/v1/organisation/members', { params: { query: { limit: 100 } } })),
    'members',
  );
  const { problem, notice, notify, run } = useAction();

  /** Sends a change, says what it did when it worked, and reloads the list either way. */
  const change = async <T,>(request: () => Promise<Result<T>>, done: string) => {
    await run(request, () => notify(done));
    await members.reload();
  };
  const changeRole = (member: Member, role: Schemas['Role']) =>
    change(
      () =>
        call(
          session.client.PATCH('/v1/organisation/members/{userId}', {
            params: { path: { userId: member.id } },
            body: { role },
          }),
        ),
      `${member.name} is now ${ROLE_LABELS[role].toLowerCase()}.`,
    );
  const remove = (member: Member) =>
    change(
      () =>
        call(
          session.client.DELETE('/v1/organisation/members/{userId}', {
            params: { path: { userId: member.id } },
          }),
        ),
      `${member.name} was removed.`,
    );

  return (
    <div className="layout-aside">
      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {problem ? <ProblemAlert problem={problem} /> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <ResourceState resource={members} loading="Loading members…">
          {(data) => (
            <MembersTable
              members={data.data}
              onRole={(member, role) => void changeRole(member, role)}
              onRemove={(member) => void remove(member)}
            />
          )}
        </ResourceState>
      </section>
      <InviteMember />
    </div>
  );
}

function MembersTable({
  members,
  onRole,
  onRemove,
}: {
  members: readonly Member[];
  onRole: (member: Member, role: Schemas['Role']) => void;
  onRemove: (member: Member) => void;
}) {
  const { me } = usePortal();
  return (
    <DataTable
      columns={[
        'Name',
        'Email',
        'Role',
        <span key="actions" className="visually-hidden">
          Actions
        </span>,
      ]}
    >
      {members.map((member) => (
        <MemberRow
          key={member.id}
          member={member}
          self={member.id === me.user.id}
          onRole={(role) => onRole(member, role)}
          onRemove={() => onRemove(member)}
        />
      ))}
    </DataTable>
  );
}

function MemberRow({
  member,
  self,
  onRole,
  onRemove,
}: {
  member: Member;
  self: boolean;
  onRole: (role: Schemas['Role']) => void;
  onRemove: () => void;
}) {
  return (
    <tr>
      <th scope="row">
        {member.name}
        {self ? <span className="muted small"> (you)</span> : null}
      </th>
      <td className="break">{member.email}</td>
      <td>
        <InlineSelect
          id={`role-${member.id}`}
          label={`Role of ${member.name}`}
          value={member.role}
          values={ROLES}
          labels={ROLE_LABELS}
          disabled={self}
          onChange={onRole}
        />
      </td>
      <td>
        {self ? null : (
          <ConfirmButton
            label="Remove"
            name={`Remove ${member.name}`}
            confirmLabel={`Yes, remove ${member.name}`}
            onConfirm={onRemove}
          />
        )}
      </td>
    </tr>
  );
}

function ApiClients() {
  const session = useSession();
  const clients = useResource(
    () => call(session.client.GET('/v1/api-clients', { params: { query: { limit: 100 } } })),
    'api-clients',
  );
  const { problem, run } = useAction();
  const [created, setCreated] = useState<Schemas['CreatedApiClient']>();

  const remove = async (client: Schemas['ApiClient']) => {
    await run(() =>
      call(
        session.client.DELETE('/v1/api-clients/{clientId}', { params: { path: { clientId: client.id } } }),
      ),
    );
    if (created?.id === client.id) setCreated(undefined);
    await clients.reload();
  };

  return (
    <div className="layout-aside">
      <section className="panel" aria-labelledby="clients-heading">
        <h2 id="clients-heading">API clients</h2>
        <p className="muted">
          Machine identities for partner integrations (CRM, source-to-pay). They sign in with OAuth 2.0 client
          credentials.
        </p>
        {created ? (
          <OneTimeSecret
            title={`Client “${created.name}” created`}
            warning="Store the secret now: it is shown only once."
            values={[
              { label: 'Client ID', value: created.clientId },
              { label: 'Client secret', value: created.clientSecret },
            ]}
            onDismiss={() => setCreated(undefined)}
          />
        ) : null}
        {problem ? <ProblemAlert problem={problem} /> : null}
        <ResourceState resource={clients} loading="Loading API clients…" empty={<p>No API clients yet.</p>}>
          {(data) => (
            <ul className="item-list">
              {data.data.map((client) => (
                <ApiClientItem key={client.id} client={client} onDelete={() => void remove(client)} />
              ))}
            </ul>
          )}
        </ResourceState>
      </section>
      <CreateApiClient
        onCreated={(client) => {
          setCreated(client);
          void clients.reload();
        }}
      />
    </div>
  );
}

function ApiClientItem({ client, onDelete }: { client: Schemas['ApiClient']; onDelete: () => void }) {
  return (
    <li>
      <div>
        <p className="item-title">{client.name}</p>
        <p className="mono small break">{client.clientId}</p>
        <p className="small muted">
          {client.scopes.join(', ')} · created {formatDateTime(client.createdAt)}
        </p>
      </div>
      <ConfirmButton
        label="Delete"
        name={`Delete ${client.name}`}
        confirmLabel={`Yes, delete ${client.name}`}
        onConfirm={onDelete}
      />
    </li>
  );
}

function CreateApiClient({ onCreated }: { onCreated: (client: Schemas['CreatedApiClient']) => void }) {
  const session = useSession();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Schemas['Scope'][]>(['deals:read']);
  const { busy, problem, submit } = useAction();
  const onSubmit = submit(
    () => call(session.client.POST('/v1/api-clients', { body: { name: name.trim(), scopes } })),
    (data) => {
      setName('');
      onCreated(data);
    },
  );

  const errors = fieldErrors(problem);
  return (
    <aside className="panel" aria-labelledby="create-client-heading">
      <h2 id="create-client-heading">Create an API client</h2>
      {problem ? <ProblemAlert problem={problem} fields={['name', 'scopes']} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label="Client name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <CheckboxGroup
          legend="Scopes"
          options={SCOPES}
          explanations={SCOPE_EXPLANATIONS}
          selected={scopes}
          onChange={setScopes}
          error={errors.scopes}
        />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Creating…" label="Create client" />
        </div>
      </form>
    </aside>
  );
}

function AuditTrail() {
  const session = useSession();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const events = useResource(
    () =>
      call(
        session.client.GET('/v1/audit-events', {
          params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    `audit:${cursor ?? ''}`,
  );
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <p className="muted">Who did what in your organisation, newest first. The trail is append-only.</p>
      <ResourceState resource={events} loading="Loading the audit trail…">
        {(data) => <AuditTable events={data.data} />}
      </ResourceState>
      <div className="actions">
        {cursor ? (
          <button type="button" className="button secondary" onClick={() => setCursor(undefined)}>
            Newest
          </button>
        ) : null}
        {events.data?.nextCursor ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => setCursor(events.data?.nextCursor ?? undefined)}
          >
            Older
          </button>
        ) : null}
      </div>
    </section>
  );
}

function AuditTable({ events }: { events: readonly Schemas['AuditEvent'][] }) {
  return (
    <DataTable columns={['When', 'Action', 'By', 'Subject']}>
      {events.map((event) => (
        <tr key={event.id}>
          <td>
            <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
          </td>
          <td className="mono small">{event.action}</td>
          <td className="small">{event.actor.type}</td>
          <td className="mono small break">
            {event.subject ? `${event.subject.type} ${event.subject.id}` : '—'}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
