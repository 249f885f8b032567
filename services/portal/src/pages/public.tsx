import type { ReactNode } from 'react';
import type { PortalInfo } from '../portals.js';
import { VerifyEmailPage } from './account.js';
import { SignInPage, SignUpPage } from './auth.js';
import { JoinPage } from './join.js';
import { AcceptInvitationPage } from './members-by-email.js';
import { ForgotPasswordPage, ResetPasswordPage, SignInCodePage } from './recovery.js';

/**
 * The pages a mailed link opens. They work signed in or out, whichever side the signed-in
 * account is on (each page says what to do when it is the wrong one); null for any other path.
 */
export function linkPage(portal: PortalInfo, path: string): ReactNode | null {
  switch (path.slice(portal.basePath.length)) {
    case '/join':
      return <JoinPage portal={portal} />;
    case '/verify-email':
      return <VerifyEmailPage portal={portal} />;
    case '/reset-password':
      return <ResetPasswordPage portal={portal} />;
    case '/accept-invitation':
      return <AcceptInvitationPage portal={portal} />;
    default:
      return null;
  }
}

/** What someone who is not signed in sees: a link's page, a way in, or the sign-in page. */
export function SignedOutPages({
  portal,
  path,
  expired,
}: {
  portal: PortalInfo;
  path: string;
  expired: boolean;
}) {
  const link = linkPage(portal, path);
  if (link) return link;
  switch (path.slice(portal.basePath.length)) {
    case '/sign-up':
      return <SignUpPage portal={portal} />;
    case '/forgot-password':
      return <ForgotPasswordPage portal={portal} />;
    case '/sign-in-code':
      return <SignInCodePage portal={portal} />;
    default:
      return <SignInPage portal={portal} expired={expired} />;
  }
}
