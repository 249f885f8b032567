import { fieldErrors, type Problem, problemSlug } from '../api.js';
import { SubmitButton, TextField } from '../components/fields.js';
import { Alert, PageHeading, ProblemAlert } from '../components/ui.js';
import { useSession } from '../context.js';
import { useAction, useFields, usePageTitle } from '../hooks.js';
import type { PortalInfo } from '../portals.js';
import { Link, navigate } from '../router.js';

/** Leaves the sign-in pages for the deals; any other page stays where it is, now signed in. */
export function afterSignIn(portal: PortalInfo) {
  const path = window.location.pathname;
  const entries = ['', '/sign-in', '/sign-up', '/sign-in-code', '/forgot-password'];
  if (entries.some((entry) => path === `${portal.basePath}${entry}`)) {
    navigate(`${portal.basePath}/deals`, { replace: true });
  }
}

export function SignInPage({ portal, expired }: { portal: PortalInfo; expired: boolean }) {
  usePageTitle(`Sign in · ${portal.name}`);
  return (
    <section className="panel narrow auth">
      <PageHeading sub={portal.tagline}>Sign in to the {portal.name.toLowerCase()}</PageHeading>
      {expired ? <Alert tone="info">Your session has ended. Please sign in again.</Alert> : null}
      <SignInForm portal={portal} onSignedIn={() => afterSignIn(portal)} />
      <p>
        New to Common Ground? <Link to={`${portal.basePath}/sign-up`}>Create an account</Link> for your{' '}
        {portal.organisationNoun}.
      </p>
    </section>
  );
}

/** Email and password, with the ways in for those who forgot it or prefer an emailed code. */
export function SignInForm({
  portal,
  onSignedIn,
  label = 'Sign in',
}: {
  portal: PortalInfo;
  onSignedIn: () => void;
  label?: string;
}) {
  const session = useSession();
  const { values, bind } = useFields({ email: '', password: '' });
  const { busy, problem, submit } = useAction();
  const onSubmit = submit(() => session.signIn(values.email.trim(), values.password), onSignedIn);

  const errors = fieldErrors(problem);
  return (
    <>
      {problem ? <SignInProblem problem={problem} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          {...bind('email')}
          error={errors.email}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          {...bind('password')}
          error={errors.password}
        />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Signing in…" label={label} />
        </div>
      </form>
      <p className="auth-alternatives">
        <Link to={`${portal.basePath}/forgot-password`}>Forgot password?</Link>
        <Link to={`${portal.basePath}/sign-in-code`}>Email me a sign-in code</Link>
      </p>
    </>
  );
}

function SignInProblem({ problem }: { problem: Problem }) {
  if (problem.status === 401) {
    return (
      <Alert tone="error" title="Email or password is not right">
        <p>Check both and try again.</p>
      </Alert>
    );
  }
  if (problemSlug(problem) === 'rate-limited' || problem.status === 429) {
    return (
      <Alert tone="error" title="Too many attempts">
        <p>{problem.detail}</p>
      </Alert>
    );
  }
  return <ProblemAlert problem={problem} fields={['email', 'password']} />;
}

const SIGN_UP = { organisation: '', name: '', email: '', password: '' };
const SIGN_UP_FIELDS = ['organisation/name', 'user/name', 'user/email', 'user/password'];

export function SignUpPage({ portal }: { portal: PortalInfo }) {
  usePageTitle(`Create an account · ${portal.name}`);
  return (
    <section className="panel narrow auth">
      <PageHeading sub={`Sign up your ${portal.organisationNoun}. You become its first administrator.`}>
        Create an account
      </PageHeading>
      <SignUpForm portal={portal} onSignedIn={() => afterSignIn(portal)} />
      <p>
        Already have an account? <Link to={`${portal.basePath}/sign-in`}>Sign in</Link>.
      </p>
    </section>
  );
}

/** A new organisation of the portal's side and its first administrator, signed in once made. */
export function SignUpForm({
  portal,
  onSignedIn,
  label = 'Create account',
}: {
  portal: PortalInfo;
  onSignedIn: () => void;
  label?: string;
}) {
  const session = useSession();
  const fields = useFields(SIGN_UP);
  const { values } = fields;
  const { busy, problem, submit } = useAction();
  const onSubmit = submit(
    () =>
      session.signUp({
        organisation: { name: values.organisation.trim(), side: portal.side },
        user: { email: values.email.trim(), name: values.name.trim(), password: values.password },
      }),
    onSignedIn,
  );

  const emailTaken = problem?.status === 409 ? problem.detail : undefined;
  return (
    <>
      {problem && !emailTaken ? <ProblemAlert problem={problem} fields={SIGN_UP_FIELDS} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SignUpFields bind={fields.bind} errors={fieldErrors(problem)} emailTaken={emailTaken} />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Creating your account…" label={label} />
        </div>
      </form>
    </>
  );
}

function SignUpFields({
  bind,
  errors,
  emailTaken,
}: {
  bind: ReturnType<typeof useFields<typeof SIGN_UP>>['bind'];
  errors: Readonly<Record<string, string>>;
  emailTaken: string | undefined;
}) {
  return (
    <>
      <TextField
        label="Organisation name"
        autoComplete="organization"
        required
        {...bind('organisation')}
        error={errors['organisation/name'] ?? errors.organisation}
      />
      <TextField
        label="Your name"
        autoComplete="name"
        required
        {...bind('name')}
        error={errors['user/name']}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        required
        {...bind('email')}
        error={errors['user/email'] ?? emailTaken}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters."
        {...bind('password')}
        error={errors['user/password']}
      />
    </>
  );
}
