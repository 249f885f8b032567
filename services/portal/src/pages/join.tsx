import { useEffect, useState } from 'react';
import { call, type Problem, type Result } from '../api.js';
import { Alert, Loading, PageHeading, ProblemAlert } from '../components/ui.js';
import { useSession, useSessionState } from '../context.js';
import { type InvitationPreview, previewInvitation } from '../endpoints.js';
import { useAction, usePageTitle, useResource } from '../hooks.js';
import { formatDateTime } from '../labels.js';
import { historyValue, once, setHistoryValue, useLinkParam } from '../links.js';
import { type PortalInfo, portalOfSide } from '../portals.js';
import { Link, navigate } from '../router.js';
import type { Me } from '../session.js';
import { SignInForm, SignUpForm } from './auth.js';

/*
 * The page an emailed invitation opens (`/<portal>/join?code=…`): the deal's title and who
 * invites, then "Join the deal" for someone signed in on the right side, or an account made (or
 * signed into) right here, after which the invitation is accepted by itself.
 */

/** Set on this page's history entry while a visitor signs up or in here: join once signed in. */
const AUTO_JOIN = 'joinAfterSignIn';

const NO_CODE: Problem = {
  type: 'about:blank',
  title: 'This link has no invitation code',
  status: 400,
  detail: 'Open the link from the invitation message again, or enter the code on your deals page.',
};

export function JoinPage({ portal }: { portal: PortalInfo }) {
  const session = useSession();
  const state = useSessionState();
  const code = useLinkParam('code');
  const preview = useResource(
    (): Promise<Result<InvitationPreview>> =>
      code
        ? once(`preview:${code}`, () => previewInvitation(session.client, code))
        : Promise.resolve({ ok: false, problem: NO_CODE }),
    code ?? '',
  );
  const title = preview.data?.deal.title;
  usePageTitle(title ? `Join “${title}”` : 'Join a deal');

  return (
    <section className="panel narrow join-page">
      <PageHeading sub={preview.data ? <Inviter preview={preview.data} portal={portal} /> : undefined}>
        {title ? `Join “${title}”` : 'Join a deal'}
      </PageHeading>
      {preview.status === 'loading' ? <Loading label="Reading the invitation…" /> : null}
      {preview.status === 'error' ? (
        <UnusableInvitation
          portal={portal}
          problem={preview.problem}
          signedIn={state.status === 'signed-in'}
        />
      ) : null}
      {preview.data && code ? (
        <>
          <p className="muted small">
            The invitation works once, until {formatDateTime(preview.data.expiresAt)}.
          </p>
          {preview.data.joinAs !== portal.side ? (
            <OtherPortal preview={preview.data} code={code} />
          ) : state.status === 'signed-in' ? (
            <JoinSignedIn portal={portal} code={code} me={state.me} />
          ) : (
            <JoinSignedOut portal={portal} code={code} />
          )}
        </>
      ) : null}
    </section>
  );
}

function Inviter({ preview, portal }: { preview: InvitationPreview; portal: PortalInfo }) {
  const { organisation, name } = preview.invitedBy;
  return (
    <>
      {name ? `${name} of ${organisation}` : organisation} invites your {portal.organisationNoun} to align on
      this deal. Each side assesses it privately; both see only how aligned you are.
    </>
  );
}

function UnusableInvitation({
  portal,
  problem,
  signedIn,
}: {
  portal: PortalInfo;
  problem: Problem;
  signedIn: boolean;
}) {
  return (
    <Alert tone="error" title={problem.status === 404 ? 'This invitation cannot be used' : problem.title}>
      <p>{problem.detail}</p>
      <p>
        Ask the person who invited you for a new invitation.{' '}
        {signedIn ? (
          <>
            If you have already joined, the deal is in <Link to={`${portal.basePath}/deals`}>your deals</Link>
            .
          </>
        ) : (
          <>
            If you have already joined, <Link to={`${portal.basePath}/sign-in`}>sign in</Link> to find it.
          </>
        )}
      </p>
    </Alert>
  );
}

/** The link was opened in the other side's portal: the invitation is for the other kind of organisation. */
function OtherPortal({ preview, code }: { preview: InvitationPreview; code: string }) {
  const right = portalOfSide(preview.joinAs);
  return (
    <Alert tone="warning" title={`This invitation is for a ${right.organisationNoun}`}>
      <p>It opens in the {right.name.toLowerCase()}.</p>
      <p>
        <Link className="button primary" to={`${right.basePath}/join?code=${encodeURIComponent(code)}`}>
          Open it in the {right.name.toLowerCase()}
        </Link>
      </p>
    </Alert>
  );
}

function JoinSignedIn({ portal, code, me }: { portal: PortalInfo; code: string; me: Me }) {
  const session = useSession();
  const { busy, problem, run } = useAction();
  const rightSide = me.organisation.side === portal.side;
  const join = () =>
    run(
      () =>
        once(`join:${code}`, () => call(session.client.POST('/v1/invitations/accept', { body: { code } }))),
      (deal) => {
        setHistoryValue(AUTO_JOIN, undefined);
        navigate(`${portal.basePath}/deals/${encodeURIComponent(deal.id)}`, {
          replace: true,
          flash: `You joined “${deal.title}”.`,
        });
      },
    );
  // Signed up or in on this page a moment ago: the visitor already asked to join.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per code, on arrival
  useEffect(() => {
    if (!rightSide || historyValue(AUTO_JOIN) !== code) return;
    setHistoryValue(AUTO_JOIN, undefined);
    void join();
  }, [code, rightSide]);

  if (!rightSide) return <WrongAccount portal={portal} me={me} />;
  return (
    <>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <p>
        You join as {me.organisation.name}: everyone in {me.organisation.name} can then work on the deal.
      </p>
      <div className="actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => void join()}>
          {busy ? 'Joining…' : 'Join the deal'}
        </button>
      </div>
    </>
  );
}

function WrongAccount({ portal, me }: { portal: PortalInfo; me: Me }) {
  const session = useSession();
  const theirs = portalOfSide(me.organisation.side);
  return (
    <Alert tone="warning" title={`You are signed in as a ${theirs.organisationNoun}`}>
      <p>
        {me.user.name} works for {me.organisation.name}, a {theirs.organisationNoun}. This invitation is for a{' '}
        {portal.organisationNoun}: sign out, then sign in to your {portal.organisationNoun}’s account or
        create one.
      </p>
      <button type="button" className="button secondary" onClick={() => void session.signOut()}>
        Sign out
      </button>
    </Alert>
  );
}

function JoinSignedOut({ portal, code }: { portal: PortalInfo; code: string }) {
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');
  // Whichever way the visitor gets signed in here, the invitation is accepted next (JoinSignedIn).
  useEffect(() => setHistoryValue(AUTO_JOIN, code), [code]);
  const other = mode === 'sign-up' ? 'sign-in' : 'sign-up';
  return (
    <div className="join-account">
      <h2>{mode === 'sign-up' ? 'New to Common Ground?' : 'Sign in to join'}</h2>
      {mode === 'sign-up' ? (
        <>
          <p className="muted">
            Create your {portal.organisationNoun}’s account: you become its first administrator and join the
            deal at once.
          </p>
          <SignUpForm portal={portal} label="Create account and join" onSignedIn={() => {}} />
        </>
      ) : (
        <SignInForm portal={portal} label="Sign in and join" onSignedIn={() => {}} />
      )}
      <p>
        {mode === 'sign-up' ? 'Already have an account?' : 'No account yet?'}{' '}
        <button type="button" className="link-button" onClick={() => setMode(other)}>
          {mode === 'sign-up' ? 'Sign in instead' : 'Create one instead'}
        </button>
      </p>
    </div>
  );
}
