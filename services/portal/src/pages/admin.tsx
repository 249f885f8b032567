import type { Schemas } from '@cg/sdk';
import { type FormEvent, useState } from 'react';
import { call, fieldErrors, type Problem } from '../api.js';
import {
  Alert,
  CheckboxGroup,
  ConfirmButton,
  CopyField,
  LoadError,
  Loading,
  PageHeading,
  ProblemAlert,
  SelectField,
  TextField,
} from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { useAction, usePageTitle, useResource } from '../hooks.js';
import { formatDateTime, ROLE_EXPLANATIONS, ROLE_LABELS, SCOPE_EXPLANATIONS } from '../labels.js';
import { Link } from '../router.js';
import { Webhooks } from './webhooks.js';

export type AdminSection = 'members' | 'api-clients' | 'webhooks' | 'audit';

export const ADMIN_SECTIONS: readonly { key: AdminSection; label: string }[] = [
  { key: 'members', label: 'Members' },
  { key: 'api-clients', label: 'API clients' },
  { key: 'webhooks', label: 'Webhooks' },
  { key: 'audit', label: 'Audit trail' },
];
const SECTIONS = ADMIN_SECTIONS;

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
  const { me } = usePortal();
  const members = useResource(
    () => call(session.client.GET('/v1/organisation/members', { params: { query: { limit: 100 } } })),
    'members',
  );
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();

  const changeRole = async (member: Schemas['Member'], role: Schemas['Role']) => {
    setProblem(undefined);
    setNotice(undefined);
    const result = await call(
      session.client.PATCH('/v1/organisation/members/{userId}', {
        params: { path: { userId: member.id } },
        body: { role },
      }),
    );
    if (!result.ok) setProblem(result.problem);
    else setNotice(`${member.name} is now ${ROLE_LABELS[role].toLowerCase()}.`);
    await members.reload();
  };

  const remove = async (member: Schemas['Member']) => {
    setProblem(undefined);
    setNotice(undefined);
    const result = await call(
      session.client.DELETE('/v1/organisation/members/{userId}', { params: { path: { userId: member.id } } }),
    );
    if (!result.ok) setProblem(result.problem);
    else setNotice(`${member.name} was removed.`);
    await members.reload();
  };

  return (
    <div className="layout-aside">
      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {problem ? <ProblemAlert problem={problem} /> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {members.status === 'loading' ? <Loading label="Loading members…" /> : null}
        {members.status === 'error' ? (
          <LoadError problem={members.problem} onRetry={() => void members.reload()} />
        ) : null}
        {members.data ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.data.data.map((member) => {
                  const self = member.id === me.user.id;
                  return (
                    <tr key={member.id}>
                      <th scope="row">
                        {member.name}
                        {self ? <span className="muted small"> (you)</span> : null}
                      </th>
                      <td className="break">{member.email}</td>
                      <td>
                        <label className="visually-hidden" htmlFor={`role-${member.id}`}>
                          Role of {member.name}
                        </label>
                        <select
                          id={`role-${member.id}`}
                          className="input compact"
                          value={member.role}
                          disabled={self}
                          onChange={(event) => void changeRole(member, event.target.value as Schemas['Role'])}
                        >
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {ROLE_LABELS[role]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        {self ? null : (
                          <ConfirmButton
                            label="Remove"
                            name={`Remove ${member.name}`}
                            confirmLabel={`Yes, remove ${member.name}`}
                            onConfirm={() => void remove(member)}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <AddMember onAdded={() => void members.reload()} />
    </div>
  );
}

function AddMember({ onAdded }: { onAdded: () => void }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Schemas['Role']>('member');
  const [password, setPassword] = useState('');
  const { busy, problem, run } = useAction();
  const [added, setAdded] = useState<string>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(undefined);
    await run(
      () =>
        call(
          session.client.POST('/v1/organisation/members', {
            body: { email: email.trim(), name: name.trim(), role, password },
          }),
        ),
      (data) => {
        setAdded(`${data.name} can now sign in with ${data.email}.`);
        setEmail('');
        setName('');
        setPassword('');
        onAdded();
      },
    );
  };

  const errors = fieldErrors(problem);
  return (
    <aside className="panel" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">Add a member</h2>
      {problem ? <ProblemAlert problem={problem} fields={['email', 'name', 'role', 'password']} /> : null}
      {added ? <Alert tone="success">{added}</Alert> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email ?? (problem?.status === 409 ? problem.detail : undefined)}
        />
        <SelectField
          label="Role"
          hint={ROLE_EXPLANATIONS[role]}
          value={role}
          onChange={(e) => setRole(e.target.value as Schemas['Role'])}
          error={errors.role}
        >
          {ROLES.map((item) => (
            <option key={item} value={item}>
              {ROLE_LABELS[item]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Initial password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters; share it privately."
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add member'}
          </button>
        </div>
      </form>
    </aside>
  );
}

function ApiClients() {
  const session = useSession();
  const clients = useResource(
    () => call(session.client.GET('/v1/api-clients', { params: { query: { limit: 100 } } })),
    'api-clients',
  );
  const [problem, setProblem] = useState<Problem>();
  const [created, setCreated] = useState<Schemas['CreatedApiClient']>();

  const remove = async (client: Schemas['ApiClient']) => {
    setProblem(undefined);
    const result = await call(
      session.client.DELETE('/v1/api-clients/{clientId}', { params: { path: { clientId: client.id } } }),
    );
    if (!result.ok) setProblem(result.problem);
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
          <Alert tone="success" title={`Client “${created.name}” created`}>
            <p>Store the secret now: it is shown only once.</p>
            <CopyField label="Client ID" value={created.clientId} />
            <CopyField label="Client secret" value={created.clientSecret} />
            <button type="button" className="button secondary" onClick={() => setCreated(undefined)}>
              I have stored the secret
            </button>
          </Alert>
        ) : null}
        {problem ? <ProblemAlert problem={problem} /> : null}
        {clients.status === 'loading' ? <Loading label="Loading API clients…" /> : null}
        {clients.status === 'error' ? (
          <LoadError problem={clients.problem} onRetry={() => void clients.reload()} />
        ) : null}
        {clients.data && clients.data.data.length === 0 ? <p>No API clients yet.</p> : null}
        {clients.data?.data.length ? (
          <ul className="item-list">
            {clients.data.data.map((client) => (
              <li key={client.id}>
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
                  onConfirm={() => void remove(client)}
                />
              </li>
            ))}
          </ul>
        ) : null}
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

function CreateApiClient({ onCreated }: { onCreated: (client: Schemas['CreatedApiClient']) => void }) {
  const session = useSession();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Schemas['Scope'][]>(['deals:read']);
  const { busy, problem, run } = useAction();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await run(
      () => call(session.client.POST('/v1/api-clients', { body: { name: name.trim(), scopes } })),
      (data) => {
        setName('');
        onCreated(data);
      },
    );
  };

  const errors = fieldErrors(problem);
  return (
    <aside className="panel" aria-labelledby="create-client-heading">
      <h2 id="create-client-heading">Create an API client</h2>
      {problem ? <ProblemAlert problem={problem} fields={['name', 'scopes']} /> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
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
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create client'}
          </button>
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
      {events.status === 'loading' ? <Loading label="Loading the audit trail…" /> : null}
      {events.status === 'error' ? (
        <LoadError problem={events.problem} onRetry={() => void events.reload()} />
      ) : null}
      {events.data ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">By</th>
                <th scope="col">Subject</th>
              </tr>
            </thead>
            <tbody>
              {events.data.data.map((event) => (
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
            </tbody>
          </table>
        </div>
      ) : null}
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
