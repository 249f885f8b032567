import { type ReactNode, useEffect } from 'react';
import { Loading, PageHeading } from './components/ui.js';
import { PortalProvider, useSession, useSessionState } from './context.js';
import { usePageTitle } from './hooks.js';
import { AccountPage, VerificationBanner } from './pages/account.js';
import { ADMIN_SECTIONS, AdminPage } from './pages/admin.js';
import { AssessmentPage } from './pages/assessment.js';
import { DealPage } from './pages/deal.js';
import { DealsPage, NewDealPage } from './pages/deals.js';
import { LandingPage } from './pages/landing.js';
import { NotificationBell, NotificationPreferencesPage, NotificationsPage } from './pages/notifications.js';
import { linkPage, SignedOutPages } from './pages/public.js';
import { TeamPage } from './pages/team.js';
import { type PortalInfo, portalOfPath, portalOfSide } from './portals.js';
import { Link, matchPath, navigate, usePathname } from './router.js';
import type { Me } from './session.js';

export function App() {
  const path = usePathname();
  const portal = portalOfPath(path);
  useEffect(() => {
    if (portal) document.documentElement.dataset.portal = portal.key;
    else delete document.documentElement.dataset.portal;
  }, [portal]);
  if (portal) return <PortalApp portal={portal} path={path} />;
  if (path === '/' || path === '/index.html') return <LandingPage />;
  return (
    <Frame>
      <NotFound home="/" />
    </Frame>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound({ home }: { home: string }) {
  usePageTitle('Page not found');
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        There is nothing at this address. <Link to={home}>Go back to the start</Link>.
      </p>
    </>
  );
}

/** The page chrome: a skip link, the header and the main landmark. */
function Frame({
  portal,
  header,
  children,
}: {
  portal?: PortalInfo;
  header?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={portal ? portal.basePath : '/'} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">Common Ground</span>
            {portal ? <span className="brand-portal">{portal.name}</span> : null}
          </Link>
          {header}
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Each side writes privately; the server works out the alignment; each side sees only the alignment.
        </p>
      </footer>
    </div>
  );
}

function PortalApp({ portal, path }: { portal: PortalInfo; path: string }) {
  const state = useSessionState();

  if (state.status === 'restoring') {
    return (
      <Frame portal={portal}>
        <Loading label="Restoring your session…" />
      </Frame>
    );
  }

  if (state.status === 'signed-out') {
    return (
      <Frame portal={portal}>
        <SignedOutPages portal={portal} path={path} expired={state.expired ?? false} />
      </Frame>
    );
  }

  const { me } = state;
  if (me.organisation.side !== portal.side) {
    return (
      <Frame portal={portal} header={<AccountMenu me={me} />}>
        {linkPage(portal, path) ?? <WrongPortal portal={portal} me={me} />}
      </Frame>
    );
  }

  return (
    <PortalProvider value={{ portal, me }}>
      <Frame portal={portal} header={<PortalNav portal={portal} me={me} path={path} />}>
        <VerificationBanner me={me} path={path} portal={portal} />
        <PortalRoutes portal={portal} path={path} me={me} />
      </Frame>
    </PortalProvider>
  );
}

/** Pages of the signed-in person's own: the notification centre and the account. */
function personalPage(base: string, path: string): ReactNode | null {
  if (path === `${base}/notifications`) return <NotificationsPage />;
  if (path === `${base}/notifications/preferences`) return <NotificationPreferencesPage />;
  if (path === `${base}/account`) return <AccountPage />;
  return null;
}

const SIGNED_OUT_ONLY = ['', '/', '/sign-in', '/sign-up', '/sign-in-code', '/forgot-password'];

function PortalRoutes({ portal, path, me }: { portal: PortalInfo; path: string; me: Me }) {
  const base = portal.basePath;
  if (SIGNED_OUT_ONLY.some((entry) => path === `${base}${entry}`)) return <Redirect to={`${base}/deals`} />;
  const own = linkPage(portal, path) ?? personalPage(base, path);
  if (own) return own;
  if (path === `${base}/deals`) return <DealsPage />;
  if (path === `${base}/deals/new`) return <NewDealPage />;
  const deal = matchPath(`${base}/deals/:dealId`, path);
  if (deal?.dealId) return <DealPage key={deal.dealId} dealId={deal.dealId} />;
  const team = matchPath(`${base}/deals/:dealId/team`, path);
  if (team?.dealId) return <TeamPage key={team.dealId} dealId={team.dealId} />;
  const assessment = matchPath(`${base}/deals/:dealId/assessment`, path);
  if (assessment?.dealId) return <AssessmentPage key={assessment.dealId} dealId={assessment.dealId} />;
  if (path === `${base}/admin`) return <Redirect to={`${base}/admin/members`} />;
  const admin = matchPath(`${base}/admin/:section`, path);
  const section = ADMIN_SECTIONS.find((item) => item.key === admin?.section);
  if (section) {
    if (me.role !== 'admin') {
      return (
        <>
          <PageHeading>Administration</PageHeading>
          <p>Only administrators of {me.organisation.name} manage members, API clients and webhooks.</p>
        </>
      );
    }
    return <AdminPage section={section.key} />;
  }
  return <NotFound home={`${base}/deals`} />;
}

function AccountMenu({ me }: { me: Me }) {
  const session = useSession();
  return (
    <div className="account">
      <span className="account-name">
        {me.user.name}
        <span className="account-org">{me.organisation.name}</span>
      </span>
      <button type="button" className="button secondary small" onClick={() => void session.signOut()}>
        Sign out
      </button>
    </div>
  );
}

function PortalNav({ portal, me, path }: { portal: PortalInfo; me: Me; path: string }) {
  const base = portal.basePath;
  const links = [
    { to: `${base}/deals`, label: 'Deals', active: path.startsWith(`${base}/deals`) },
    ...(me.role === 'admin'
      ? [{ to: `${base}/admin/members`, label: 'Admin', active: path.startsWith(`${base}/admin`) }]
      : []),
    { to: `${base}/account`, label: 'Account', active: path === `${base}/account` },
  ];
  return (
    <>
      <nav aria-label="Main" className="site-nav">
        <ul>
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to} aria-current={link.active ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
          <li>
            <NotificationBell portal={portal} path={path} />
          </li>
        </ul>
      </nav>
      <AccountMenu me={me} />
    </>
  );
}

function WrongPortal({ portal, me }: { portal: PortalInfo; me: Me }) {
  const theirs = portalOfSide(me.organisation.side);
  usePageTitle(portal.name);
  return (
    <section className="panel narrow">
      <PageHeading>This is the {portal.name.toLowerCase()}</PageHeading>
      <p>
        {me.organisation.name} is a {theirs.organisationNoun}, so you work in the {theirs.name.toLowerCase()}.
        The {portal.name.toLowerCase()} is for {portal.organisationNoun}s.
      </p>
      <p>
        <Link className="button primary" to={`${theirs.basePath}/deals`}>
          {theirs.name}
        </Link>
      </p>
    </section>
  );
}
