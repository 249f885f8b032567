import { type FormEvent, useEffect, useState } from 'react';
import { fieldErrors, type Problem, type Result } from '../api.js';
import { SubmitButton, TextField } from '../components/fields.js';
import { Alert, Loading, PageHeading, ProblemAlert } from '../components/ui.js';
import { usePortal, useSession, useSessionState } from '../context.js';
import { changePassword, resendVerification, verifyEmail } from '../endpoints.js';
import { useAction, useFields, usePageTitle, useResource } from '../hooks.js';
import { ROLE_LABELS } from '../labels.js';
import { once, useLinkParam } from '../links.js';
import type { PortalInfo } from '../portals.js';
import { Link } from '../router.js';
import type { Me } from '../session.js';
import { NewPasswordFields, passwordsDiffer } from './recovery.js';

/*
 * The person's own account: confirming the email address (the page the link opens, and the
 * banner until it is done), and changing the password while signed in.
 */

/** True when the API says the address is not confirmed yet (older API versions do not say). */
export function isUnverified(me: Me): boolean {
  return (me.user as { emailVerified?: boolean }).emailVerified === false;
}

/** "Resend confirmation email", and what came of it. */
export function ResendVerification({ label = 'Resend confirmation email' }: { label?: string }) {
  const session = useSession();
  const { busy, problem, notice, notify, run } = useAction();
  const resend = () =>
    run(
      async (): Promise<Result<unknown>> => {
        const result = await resendVerification(session.client);
        if (!result.ok && result.problem.status === 409) {
          // Confirmed meanwhile (in another tab, say): read the account again and say so.
          await session.loadMe();
          return { ok: true, data: 'confirmed', response: new Response() };
        }
        return result;
      },
      (data) =>
        notify(
          data === 'confirmed'
            ? 'Your address is already confirmed.'
            : 'Sent. Follow the link in the message to confirm your address.',
        ),
    );
  return (
    <div className="resend">
      {problem ? <p className="field-error">{problem.detail}</p> : null}
      <button type="button" className="button secondary small" disabled={busy} onClick={() => void resend()}>
        {busy ? 'Sending…' : label}
      </button>
      <span className="resend-status" role="status">
        {notice ?? ''}
      </span>
    </div>
  );
}

/** Shown on every page while the signed-in person's address is not confirmed. */
export function VerificationBanner({ me, path, portal }: { me: Me; path: string; portal: PortalInfo }) {
  const session = useSession();
  const unverified = isUnverified(me);
  // The link is usually followed in another tab: look again when this one comes back.
  useEffect(() => {
    if (!unverified) return;
    const onFocus = () => void session.loadMe();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [unverified, session]);
  if (!unverified || path === `${portal.basePath}/verify-email`) return null;
  return (
    <section className="alert alert-warning verification-banner" aria-label="Confirm your email address">
      <p className="alert-title">Confirm your email address</p>
      <p>
        We sent a link to <strong>{me.user.email}</strong>. Until you follow it you get no notification emails
        and cannot invite anyone by email.
      </p>
      <ResendVerification />
    </section>
  );
}

const NO_TOKEN: Problem = {
  type: 'about:blank',
  title: 'This link is incomplete',
  status: 400,
  detail: 'Open the link from the message again; copy all of it if you paste it.',
};

/** `/<portal>/verify-email?token=…`: confirms the address and says so. */
export function VerifyEmailPage({ portal }: { portal: PortalInfo }) {
  const session = useSession();
  const state = useSessionState();
  const token = useLinkParam('token');
  usePageTitle('Confirm your email address');
  const result = useResource(
    () =>
      token
        ? once(`verify:${token}`, () => verifyEmail(session.client, token))
        : Promise.resolve<Result<never>>({ ok: false, problem: NO_TOKEN }),
    token ?? '',
  );
  const signedIn = state.status === 'signed-in';
  // biome-ignore lint/correctness/useExhaustiveDependencies: read the account again once confirmed
  useEffect(() => {
    if (result.status === 'ready' && signedIn) void session.loadMe();
  }, [result.status]);

  return (
    <section className="panel narrow">
      <PageHeading>Confirm your email address</PageHeading>
      {result.status === 'loading' ? <Loading label="Confirming your address…" /> : null}
      {result.status === 'ready' ? (
        <Alert tone="success" title="Your address is confirmed">
          <p>
            {result.data.email} is confirmed: you now receive notifications and can invite people by email.
          </p>
        </Alert>
      ) : null}
      {result.status === 'error' ? (
        <Alert tone="error" title={result.problem.title}>
          <p>{result.problem.detail}</p>
          <p>
            {signedIn && isUnverified(state.me)
              ? 'Ask for a new link: it replaces the old one.'
              : signedIn
                ? 'Your address is confirmed already.'
                : 'Sign in, then ask for a new link from the notice at the top of the page.'}
          </p>
          {signedIn && isUnverified(state.me) ? <ResendVerification label="Send a new link" /> : null}
        </Alert>
      ) : null}
      <p>
        {signedIn ? (
          <Link to={`${portal.basePath}/deals`}>Go to your deals</Link>
        ) : (
          <Link to={`${portal.basePath}/sign-in`}>Sign in</Link>
        )}
      </p>
    </section>
  );
}

/** `/<portal>/account`: who you are, your address's state, your password and your notifications. */
export function AccountPage() {
  const { portal, me } = usePortal();
  usePageTitle(`Your account · ${portal.name}`);
  return (
    <>
      <PageHeading sub={`${me.user.name}, ${ROLE_LABELS[me.role].toLowerCase()} at ${me.organisation.name}.`}>
        Your account
      </PageHeading>
      <div className="layout-aside">
        <div>
          <section className="panel" aria-labelledby="account-details-heading">
            <h2 id="account-details-heading">Details</h2>
            <dl className="facts">
              <div>
                <dt>Name</dt>
                <dd>{me.user.name}</dd>
              </div>
              <div>
                <dt>Email</dt>
                <dd className="break">{me.user.email}</dd>
              </div>
              <div>
                <dt>Address</dt>
                <dd>{isUnverified(me) ? 'Not confirmed yet' : 'Confirmed'}</dd>
              </div>
              <div>
                <dt>Role</dt>
                <dd>{ROLE_LABELS[me.role]}</dd>
              </div>
            </dl>
            {isUnverified(me) ? <ResendVerification /> : null}
          </section>
          <ChangePassword />
        </div>
        <aside className="panel" aria-labelledby="account-notifications-heading">
          <h2 id="account-notifications-heading">Notifications</h2>
          <p className="muted">Choose, for each kind, an email at once, a daily digest or nothing.</p>
          <Link className="button secondary" to={`${portal.basePath}/notifications/preferences`}>
            Notification settings
          </Link>
        </aside>
      </div>
    </>
  );
}

const CHANGE = { current: '', password: '', repeat: '' };

function ChangePassword() {
  const session = useSession();
  const { values, bind, reset } = useFields(CHANGE);
  const { busy, problem, notice, notify, run, clear } = useAction();
  const [differ, setDiffer] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setDiffer(passwordsDiffer(values.password, values.repeat));
    if (passwordsDiffer(values.password, values.repeat)) return;
    await run(
      () => changePassword(session.client, values.current, values.password),
      () => {
        reset('current', 'password', 'repeat');
        notify('Your password is changed. Use the new one next time you sign in.');
      },
    );
  };
  const errors = fieldErrors(problem);
  const wrongCurrent = problem?.status === 401 || problem?.status === 403 ? problem.detail : undefined;
  return (
    <section className="panel" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change password</h2>
      {problem && !wrongCurrent ? (
        <ProblemAlert problem={problem} fields={['currentPassword', 'newPassword']} />
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          {...bind('current')}
          error={errors.currentPassword ?? wrongCurrent}
        />
        <NewPasswordFields
          password={bind('password')}
          repeat={bind('repeat')}
          error={errors.newPassword}
          differ={differ}
        />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Changing…" label="Change password" />
        </div>
      </form>
    </section>
  );
}
