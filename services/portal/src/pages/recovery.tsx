import { type ChangeEvent, type FormEvent, useState } from 'react';
import { fieldErrors, type Problem } from '../api.js';
import { SubmitButton, TextField } from '../components/fields.js';
import { Alert, PageHeading, ProblemAlert } from '../components/ui.js';
import { useSession, useSessionState } from '../context.js';
import { confirmPasswordReset, requestPasswordReset, requestSignInCode } from '../endpoints.js';
import { useAction, useFields, usePageTitle } from '../hooks.js';
import { historyValue, setHistoryValue, useLinkParam } from '../links.js';
import type { PortalInfo } from '../portals.js';
import { Link } from '../router.js';
import { afterSignIn } from './auth.js';

/*
 * Getting back in: a reset link by email (asked for on "Forgot password?", used on the page the
 * link opens), and signing in with a one-time code by email instead of a password.
 */

export const passwordsDiffer = (password: string, repeat: string) => password !== repeat;

type Bound = { value: string; onChange: (event: ChangeEvent<HTMLInputElement>) => void };

/** A new password, typed twice. */
export function NewPasswordFields({
  password,
  repeat,
  error,
  differ,
}: {
  password: Bound;
  repeat: Bound;
  error: string | undefined;
  differ: boolean;
}) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters. A passphrase of a few words is easy to remember."
        {...password}
        error={error}
      />
      <TextField
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        {...repeat}
        error={differ ? 'The two passwords are not the same.' : undefined}
      />
    </>
  );
}

/** `/<portal>/forgot-password`: the same answer whether or not the address has an account. */
export function ForgotPasswordPage({ portal }: { portal: PortalInfo }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const { busy, problem, submit } = useAction();
  usePageTitle(`Forgot password · ${portal.name}`);
  const onSubmit = submit(
    () => requestPasswordReset(session.client, email.trim()),
    () => setSentTo(email.trim()),
  );
  return (
    <section className="panel narrow auth">
      <PageHeading sub="We email you a link to choose a new password.">Forgot your password?</PageHeading>
      {sentTo ? (
        <Alert tone="success" title="Check your inbox">
          <p>If an account exists for {sentTo}, we sent a link to it. The link works once, for 30 minutes.</p>
        </Alert>
      ) : null}
      {problem ? <ProblemAlert problem={problem} fields={['email']} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors(problem).email}
        />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Sending…" label={sentTo ? 'Send again' : 'Send the link'} />
        </div>
      </form>
      <p>
        Remembered it? <Link to={`${portal.basePath}/sign-in`}>Sign in</Link>.
      </p>
    </section>
  );
}

const NO_TOKEN: Problem = {
  type: 'about:blank',
  title: 'This link is incomplete',
  status: 400,
  detail: 'Open the link from the message again, or ask for a new one.',
};

const RESET_DONE = 'passwordResetDone';

/** `/<portal>/reset-password?token=…`: a new password, then sign in with it. */
export function ResetPasswordPage({ portal }: { portal: PortalInfo }) {
  const session = useSession();
  const state = useSessionState();
  const token = useLinkParam('token');
  const { values, bind } = useFields({ password: '', repeat: '' });
  const { busy, problem, run, clear } = useAction();
  const [differ, setDiffer] = useState(false);
  // Kept on the history entry: signing out below re-renders the page signed out.
  const [done, setDone] = useState(() => historyValue(RESET_DONE) === true);
  usePageTitle(`Choose a new password · ${portal.name}`);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setDiffer(passwordsDiffer(values.password, values.repeat));
    if (passwordsDiffer(values.password, values.repeat)) return;
    await run(
      () =>
        token ? confirmPasswordReset(session.client, token, values.password) : Promise.resolve(noToken()),
      () => {
        setHistoryValue(RESET_DONE, true);
        setDone(true);
        // The reset ended every session of the account, this browser's too.
        if (state.status === 'signed-in') void session.signOut();
      },
    );
  };

  if (done) {
    return (
      <section className="panel narrow auth">
        <PageHeading>Your password is changed</PageHeading>
        <Alert tone="success">
          <p>You were signed out everywhere. Sign in with your new password.</p>
        </Alert>
        <p>
          <Link className="button primary" to={`${portal.basePath}/sign-in`}>
            Sign in
          </Link>
        </p>
      </section>
    );
  }
  const linkProblem = problem && problem.status !== 0 && !problem.errors?.length ? problem : undefined;
  return (
    <section className="panel narrow auth">
      <PageHeading sub="Choosing a new password signs you out everywhere.">Choose a new password</PageHeading>
      {linkProblem ? (
        <Alert tone="error" title={linkProblem.title}>
          <p>{linkProblem.detail}</p>
          <p>
            <Link to={`${portal.basePath}/forgot-password`}>Ask for a new link</Link>.
          </p>
        </Alert>
      ) : problem ? (
        <ProblemAlert problem={problem} fields={['password']} />
      ) : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <NewPasswordFields
          password={bind('password')}
          repeat={bind('repeat')}
          error={fieldErrors(problem).password}
          differ={differ}
        />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Saving…" label="Save the new password" />
        </div>
      </form>
    </section>
  );
}

const noToken = () => ({ ok: false as const, problem: NO_TOKEN });

const CODE_FIELD = 'sign-in-code';

/** `/<portal>/sign-in-code`: an address, then the code mailed to it. */
export function SignInCodePage({ portal }: { portal: PortalInfo }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const [code, setCode] = useState('');
  const asking = useAction();
  const signing = useAction();
  usePageTitle(`Sign in with a code · ${portal.name}`);
  const ask = asking.submit(
    () => requestSignInCode(session.client, email.trim()),
    () => {
      setSentTo(email.trim());
      // The next thing to type is the code: take the focus there once it is shown.
      requestAnimationFrame(() => document.getElementById(CODE_FIELD)?.focus());
    },
  );
  const signIn = signing.submit(
    () => session.signInWithCode(sentTo ?? email.trim(), code.trim()),
    () => afterSignIn(portal),
  );
  const wrongCode = signing.problem?.status === 400 || signing.problem?.status === 401;
  return (
    <section className="panel narrow auth">
      <PageHeading sub="No password needed: we email you a code that works once, for 10 minutes.">
        Sign in with an emailed code
      </PageHeading>
      {asking.problem ? <ProblemAlert problem={asking.problem} fields={['email']} /> : null}
      {sentTo === undefined ? (
        <form onSubmit={ask} noValidate>
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldErrors(asking.problem).email}
          />
          <div className="actions">
            <SubmitButton busy={asking.busy} busyLabel="Sending…" label="Email me a code" />
          </div>
        </form>
      ) : (
        <>
          <Alert tone="info">
            <p>If an account exists for {sentTo}, a code is on its way. Enter it below.</p>
          </Alert>
          {signing.problem && !wrongCode ? <ProblemAlert problem={signing.problem} /> : null}
          <form onSubmit={signIn} noValidate>
            <TextField
              id={CODE_FIELD}
              label="Sign-in code"
              autoComplete="one-time-code"
              inputMode="text"
              spellCheck={false}
              className="mono-field"
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={
                wrongCode
                  ? 'This code is not right, or no longer valid. Check it or ask for a new one.'
                  : undefined
              }
            />
            <div className="actions">
              <SubmitButton busy={signing.busy} busyLabel="Signing in…" label="Sign in" />
              <button type="button" className="button secondary" onClick={() => setSentTo(undefined)}>
                Send a new code
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        Prefer your password? <Link to={`${portal.basePath}/sign-in`}>Sign in with it</Link>.
      </p>
    </section>
  );
}
