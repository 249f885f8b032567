import type { Schemas } from '@cg/sdk';
import { type FormEvent, useState } from 'react';
import { fieldErrors, type Problem, type Result } from '../api.js';
import { Options, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { Alert, Loading, PageHeading, ProblemAlert } from '../components/ui.js';
import { useSession, useSessionState } from '../context.js';
import {
  acceptMemberInvitation,
  inviteMember,
  type MemberInvitationPreview,
  previewMemberInvitation,
} from '../endpoints.js';
import { useAction, useFields, usePageTitle, useResource } from '../hooks.js';
import { formatDateTime, ROLE_EXPLANATIONS, ROLE_LABELS } from '../labels.js';
import { historyValue, once, setHistoryValue, useLinkParam } from '../links.js';
import { type PortalInfo, portalOfSide } from '../portals.js';
import { Link, navigate } from '../router.js';
import { NewPasswordFields, passwordsDiffer } from './recovery.js';

/*
 * Colleagues join by email: an administrator names them and their role, and they choose their
 * own password on the page the emailed link opens. Nobody types a password for someone else.
 */

const ROLES: readonly Schemas['Role'][] = ['admin', 'member', 'viewer'];

/** The administrator's form on the members page. */
export function InviteMember() {
  const session = useSession();
  const { values, bind, reset } = useFields({ email: '', name: '', role: 'member' as Schemas['Role'] });
  const { busy, problem, notice, notify, submit } = useAction();
  const onSubmit = submit(
    () =>
      inviteMember(session.client, {
        email: values.email.trim(),
        name: values.name.trim(),
        role: values.role,
      }),
    (sent) => {
      notify(
        `Invitation sent to ${sent.email}. ${sent.name} chooses a password through the link, which works until ${formatDateTime(sent.expiresAt)}.`,
      );
      reset('email', 'name');
    },
  );
  const errors = fieldErrors(problem);
  const inline = problem?.status === 409 ? problem.detail : undefined;
  return (
    <aside className="panel" aria-labelledby="invite-member-heading">
      <h2 id="invite-member-heading">Invite by email</h2>
      <p className="muted small">They get a link to choose their own password and join your organisation.</p>
      {problem && !inline ? <ProblemAlert problem={problem} fields={['email', 'name', 'role']} /> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField label="Name" required {...bind('name')} error={errors.name} />
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          required
          {...bind('email')}
          error={errors.email ?? inline}
        />
        <SelectField label="Role" hint={ROLE_EXPLANATIONS[values.role]} {...bind('role')} error={errors.role}>
          <Options values={ROLES} labels={ROLE_LABELS} />
        </SelectField>
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Sending…" label="Send invitation" />
        </div>
      </form>
    </aside>
  );
}

const NO_TOKEN: Problem = {
  type: 'about:blank',
  title: 'This link is incomplete',
  status: 400,
  detail: 'Open the link from the invitation message again.',
};

/** Set on the page's history entry once the invitation is accepted: the link is spent. */
const ACCEPTED = 'memberInvitationAccepted';

/** `/<portal>/accept-invitation?token=…`: the organisation and role, a password, then signed in. */
export function AcceptInvitationPage({ portal }: { portal: PortalInfo }) {
  const session = useSession();
  const token = useLinkParam('token');
  const accepted = historyValue(ACCEPTED) === true;
  const preview = useResource(
    (): Promise<Result<MemberInvitationPreview>> =>
      token && !accepted
        ? once(`member-preview:${token}`, () => previewMemberInvitation(session.client, token))
        : Promise.resolve({ ok: false, problem: NO_TOKEN }),
    token ?? '',
  );
  const organisation = preview.data?.organisation.name;
  usePageTitle(organisation ? `Join ${organisation}` : 'Accept an invitation');
  if (accepted) return <Accepted portal={portal} />;
  return (
    <section className="panel narrow auth">
      <PageHeading
        sub={
          preview.data
            ? `${preview.data.invitedBy.name} invites you to work on deals with ${preview.data.organisation.name} on Common Ground.`
            : undefined
        }
      >
        {organisation ? `Join ${organisation}` : 'Accept an invitation'}
      </PageHeading>
      {preview.status === 'loading' ? <Loading label="Reading the invitation…" /> : null}
      {preview.status === 'error' ? (
        <Alert
          tone="error"
          title={preview.problem.status === 404 ? 'This invitation cannot be used' : preview.problem.title}
        >
          <p>{preview.problem.detail}</p>
          <p>Ask your administrator for a new invitation: a new one replaces this link.</p>
        </Alert>
      ) : null}
      {preview.data && token ? <AcceptForm portal={portal} token={token} preview={preview.data} /> : null}
    </section>
  );
}

function Accepted({ portal }: { portal: PortalInfo }) {
  const state = useSessionState();
  return (
    <section className="panel narrow auth">
      <PageHeading>Your account is ready</PageHeading>
      {state.status === 'signed-out' ? (
        <p>
          <Link to={`${portal.basePath}/sign-in`}>Sign in</Link> with your address and the password you chose.
        </p>
      ) : (
        <Loading label="Signing you in…" />
      )}
    </section>
  );
}

function AcceptForm({
  portal,
  token,
  preview,
}: {
  portal: PortalInfo;
  token: string;
  preview: MemberInvitationPreview;
}) {
  const session = useSession();
  const state = useSessionState();
  const { values, bind } = useFields({ name: preview.name, password: '', repeat: '' });
  const { busy, problem, run, clear } = useAction();
  const [differ, setDiffer] = useState(false);
  const home = portalOfSide(preview.organisation.side);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setDiffer(passwordsDiffer(values.password, values.repeat));
    if (passwordsDiffer(values.password, values.repeat)) return;
    const name = values.name.trim();
    await run(
      async () => {
        const accepted = await acceptMemberInvitation(session.client, {
          token,
          password: values.password,
          ...(name && name !== preview.name ? { name } : {}),
        });
        if (!accepted.ok) return accepted;
        // Signing in re-renders the page signed in: it must not read the spent link again.
        setHistoryValue(ACCEPTED, true);
        if (state.status === 'signed-in') await session.signOut();
        return session.signIn(preview.email, values.password);
      },
      () =>
        navigate(`${home.basePath}/deals`, {
          replace: true,
          flash: `Welcome to ${preview.organisation.name}.`,
        }),
    );
  };

  const errors = fieldErrors(problem);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Organisation</dt>
          <dd>{preview.organisation.name}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[preview.role]}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd className="break">{preview.email}</dd>
        </div>
      </dl>
      <p className="muted small">
        {ROLE_EXPLANATIONS[preview.role]} The link works once, until {formatDateTime(preview.expiresAt)}.
        {home.key !== portal.key ? ` You will work in the ${home.name.toLowerCase()}.` : ''}
      </p>
      {problem ? <ProblemAlert problem={problem} fields={['name', 'password']} /> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField label="Your name" autoComplete="name" required {...bind('name')} error={errors.name} />
        <NewPasswordFields
          password={bind('password')}
          repeat={bind('repeat')}
          error={errors.password}
          differ={differ}
        />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Joining…" label="Join and sign in" />
        </div>
      </form>
      <p className="muted small">
        Already have this account? <Link to={`${home.basePath}/sign-in`}>Sign in</Link>.
      </p>
    </>
  );
}
