import { type FormEvent, useState } from 'react';
import { fieldErrors, problemSlug } from '../api.js';
import { Alert, PageHeading, ProblemAlert, TextField } from '../components/ui.js';
import { useSession } from '../context.js';
import { useAction, usePageTitle } from '../hooks.js';
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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, problem, run } = useAction();
  usePageTitle(`Sign in · ${portal.name}`);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await run(
      () => session.signIn(email.trim(), password),
      () => {
        afterSignIn(portal);
      },
    );
  };

  const errors = fieldErrors(problem);
  const wrongCredentials = problem && problem.status === 401;
  return (
    <section className="panel narrow auth">
      <PageHeading sub={portal.tagline}>Sign in to the {portal.name.toLowerCase()}</PageHeading>
      {expired ? <Alert tone="info">Your session has ended. Please sign in again.</Alert> : null}
      {problem ? (
        wrongCredentials ? (
          <Alert tone="error" title="Email or password is not right">
            <p>Check both and try again.</p>
          </Alert>
        ) : problemSlug(problem) === 'rate-limited' ? (
          <Alert tone="error" title="Too many attempts">
            <p>{problem.detail}</p>
          </Alert>
        ) : (
          <ProblemAlert problem={problem} fields={['email', 'password']} />
        )
      ) : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      <p>
        New to Common Ground? <Link to={`${portal.basePath}/sign-up`}>Create an account</Link> for your{' '}
        {portal.organisationNoun}.
      </p>
    </section>
  );
}

export function SignUpPage({ portal }: { portal: PortalInfo }) {
  const session = useSession();
  const [organisation, setOrganisation] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, problem, run } = useAction();
  usePageTitle(`Create an account · ${portal.name}`);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await run(
      () =>
        session.signUp({
          organisation: { name: organisation.trim(), side: portal.side },
          user: { email: email.trim(), name: name.trim(), password },
        }),
      () => {
        afterSignIn(portal);
      },
    );
  };

  const errors = fieldErrors(problem);
  const emailTaken = problem?.status === 409 ? problem.detail : undefined;
  const fields = ['organisation/name', 'user/name', 'user/email', 'user/password'];
  return (
    <section className="panel narrow auth">
      <PageHeading sub={`Sign up your ${portal.organisationNoun}. You become its first administrator.`}>
        Create an account
      </PageHeading>
      {problem && !emailTaken ? <ProblemAlert problem={problem} fields={fields} /> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label="Organisation name"
          autoComplete="organization"
          required
          value={organisation}
          onChange={(event) => setOrganisation(event.target.value)}
          error={errors['organisation/name'] ?? errors.organisation}
        />
        <TextField
          label="Your name"
          autoComplete="name"
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors['user/name']}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors['user/email'] ?? emailTaken}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters."
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors['user/password']}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Creating your account…' : 'Create account'}
          </button>
        </div>
      </form>
      <p>
        Already have an account? <Link to={`${portal.basePath}/sign-in`}>Sign in</Link>.
      </p>
    </section>
  );
}
