import { fieldErrors, type Problem, problemSlug } from '../api.js';
import { SubmitButton, TextField } from '../components/fields.js';
import { Alert, PageHeading, ProblemAlert } from '../components/ui.js';
import { useSession } from '../context.js';
import { useAction, useFields, usePageTitle } from '../hooks.js';
import type { PortalInfo } from '../portals.js';
import { Link, navigate } from '../router.js';

function afterSignIn(portal: PortalInfo) {
  const path = window.location.pathname;
  if (
    path === portal.basePath ||
    path === `${portal.basePath}/sign-in` ||
    path === `${portal.basePath}/sign-up`
  ) {
    navigate(`${portal.basePath}/deals`, { replace: true });
  }
}

export function SignInPage({ portal, expired }: { portal: PortalInfo; expired: boolean }) {
  const session = useSession();
  const { values, bind } = useFields({ email: '', password: '' });
  const { busy, problem, submit } = useAction();
  usePageTitle(`Sign in · ${portal.name}`);
  const onSubmit = submit(
    () => session.signIn(values.email.trim(), values.password),
    () => afterSignIn(portal),
  );

  const errors = fieldErrors(problem);
  return (
    <section className="panel narrow auth">
      <PageHeading sub={portal.tagline}>Sign in to the {portal.name.toLowerCase()}</PageHeading>
      {expired ? <Alert tone="info">Your session has ended. Please sign in again.</Alert> : null}
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
          <SubmitButton busy={busy} busyLabel="Signing in…" label="Sign in" />
        </div>
      </form>
      <p>
        New to Common Ground? <Link to={`${portal.basePath}/sign-up`}>Create an account</Link> for your{' '}
        {portal.organisationNoun}.
      </p>
    </section>
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
  if (problemSlug(problem) === 'rate-limited') {
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
  const session = useSession();
  const fields = useFields(SIGN_UP);
  const { values } = fields;
  const { busy, problem, submit } = useAction();
  usePageTitle(`Create an account · ${portal.name}`);
  const onSubmit = submit(
    () =>
      session.signUp({
        organisation: { name: values.organisation.trim(), side: portal.side },
        user: { email: values.email.trim(), name: values.name.trim(), password: values.password },
      }),
    () => afterSignIn(portal),
  );

  const emailTaken = problem?.status === 409 ? problem.detail : undefined;
  return (
    <section className="panel narrow auth">
      <PageHeading sub={`Sign up your ${portal.organisationNoun}. You become its first administrator.`}>
        Create an account
      </PageHeading>
      {problem && !emailTaken ? <ProblemAlert problem={problem} fields={SIGN_UP_FIELDS} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SignUpFields bind={fields.bind} errors={fieldErrors(problem)} emailTaken={emailTaken} />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Creating your account…" label="Create account" />
        </div>
      </form>
      <p>
        Already have an account? <Link to={`${portal.basePath}/sign-in`}>Sign in</Link>.
      </p>
    </section>
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
