import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Alert, PageHeading, ProblemAlert, ResourceState, ShowMore } from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  type Notification,
  readNotificationPreferences,
  type SavedPreferences,
  saveNotificationPreferences,
} from '../endpoints.js';
import { useAction, useInterval, usePagedList, usePageTitle, useResource } from '../hooks.js';
import { formatDateTime } from '../labels.js';
import {
  changedPreferences,
  DELIVERY_LABELS,
  formatRelative,
  NOTIFICATION_KIND_INFO,
  unreadBadge,
} from '../notification-labels.js';
import type { PortalInfo } from '../portals.js';
import { Link } from '../router.js';
import { isUnverified } from './account.js';

/*
 * The notification centre: the bell with the unread count in the header, the list of what
 * happened in the caller's deals, and the per-kind choice of email now, a daily digest or off.
 */

const CHANGED = 'cg:notifications-changed';
const BELL_REFRESH_MS = 30_000;

/** Tells the bell to count again (after marking read, or when a page learns something new). */
function announceChange(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** The header's link to the notification centre, with the unread count. */
export function NotificationBell({ portal, path }: { portal: PortalInfo; path: string }) {
  const session = useSession();
  const [count, setCount] = useState<number>();
  const latest = useRef(0);
  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await listNotifications(session.client, { limit: 1, unread: true });
    if (ticket === latest.current && result.ok) setCount(result.data.unreadCount);
  }, [session]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: count again on every navigation
  useEffect(() => {
    void refresh();
  }, [refresh, path]);
  useEffect(() => {
    const again = () => void refresh();
    window.addEventListener(CHANGED, again);
    window.addEventListener('focus', again);
    return () => {
      window.removeEventListener(CHANGED, again);
      window.removeEventListener('focus', again);
    };
  }, [refresh]);
  useInterval(() => void refresh(), BELL_REFRESH_MS, true);

  const badge = unreadBadge(count);
  const to = `${portal.basePath}/notifications`;
  return (
    <Link to={to} className="bell" aria-label={badge.name} aria-current={path === to ? 'page' : undefined}>
      <svg className="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.4 16a2.5 2.5 0 0 0 4.8 0Z" />
      </svg>
      <span>Notifications</span>
      {badge.figure ? (
        <span className="bell-count" data-testid="unread-count" aria-hidden="true">
          {badge.figure}
        </span>
      ) : null}
    </Link>
  );
}

/** `/<portal>/notifications`: newest first, unread marked, each opening its deal. */
export function NotificationsPage() {
  const session = useSession();
  const { portal } = usePortal();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [unread, setUnread] = useState<number>();
  const [version, setVersion] = useState(0);
  const { busy, problem, run } = useAction();
  usePageTitle(`Notifications · ${portal.name}`);
  const list = usePagedList<Notification>(async (cursor) => {
    const result = await listNotifications(session.client, { limit: 20, cursor, unread: unreadOnly });
    if (result.ok && !cursor) setUnread(result.data.unreadCount);
    return result;
  }, `notifications:${unreadOnly}:${version}`);
  const changed = () => {
    setVersion((value) => value + 1);
    announceChange();
  };
  const markAll = () => run(() => markAllNotificationsRead(session.client), changed);
  const markOne = (item: Notification) => run(() => markNotificationRead(session.client, item.id), changed);
  // Opening a notification's deal marks it read; the page is left, so only the bell is told.
  const open = (item: Notification) => {
    if (!item.readAt) void markNotificationRead(session.client, item.id).then(announceChange);
  };

  return (
    <>
      <div className="page-head-row">
        <PageHeading sub={unread ? `${unread} unread.` : 'You are up to date.'}>Notifications</PageHeading>
        <div className="actions">
          <Link to={`${portal.basePath}/notifications/preferences`} className="button secondary">
            Settings
          </Link>
          <button
            type="button"
            className="button primary"
            disabled={busy || !unread}
            onClick={() => void markAll()}
          >
            Mark all read
          </button>
        </div>
      </div>
      <section className="panel" aria-label="Notification list">
        <label className="toggle">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => setUnreadOnly(event.target.checked)}
          />
          Unread only
        </label>
        {problem ? <ProblemAlert problem={problem} /> : null}
        <ResourceState
          resource={list.first}
          loading="Loading your notifications…"
          empty={
            <p className="muted">
              {unreadOnly ? 'Nothing unread.' : 'Nothing yet: news from your deals shows here.'}
            </p>
          }
          isEmpty={() => list.items.length === 0}
        >
          {() => (
            <ul className="item-list notifications">
              {list.items.map((item) => (
                <NotificationItem
                  key={item.id}
                  item={item}
                  portal={portal}
                  busy={busy}
                  onOpen={() => open(item)}
                  onRead={() => void markOne(item)}
                />
              ))}
            </ul>
          )}
        </ResourceState>
        <ShowMore list={list} label="Show older notifications" className="button secondary" />
      </section>
    </>
  );
}

function NotificationItem({
  item,
  portal,
  busy,
  onOpen,
  onRead,
}: {
  item: Notification;
  portal: PortalInfo;
  busy: boolean;
  onOpen: () => void;
  onRead: () => void;
}) {
  const unread = item.readAt === null;
  return (
    <li className={`notification${unread ? ' is-unread' : ''}`}>
      <div className="notification-body">
        <p className="item-title">
          {unread ? <span className="unread-dot" aria-hidden="true" /> : null}
          {unread ? <span className="visually-hidden">Unread: </span> : null}
          <Link to={`${portal.basePath}/deals/${encodeURIComponent(item.dealId)}`} onClick={onOpen}>
            {item.headline}
          </Link>
        </p>
        <p>{item.detail}</p>
        <p className="small muted">
          {item.dealTitle} ·{' '}
          <time dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
            {formatRelative(item.createdAt, Date.now())}
          </time>
        </p>
      </div>
      {unread ? (
        <button
          type="button"
          className="button secondary small"
          aria-label={`Mark “${item.headline}” read`}
          disabled={busy}
          onClick={onRead}
        >
          Mark read
        </button>
      ) : null}
    </li>
  );
}

/** `/<portal>/notifications/preferences`: per kind, email now, a daily digest or off. */
export function NotificationPreferencesPage() {
  const session = useSession();
  const { portal, me } = usePortal();
  usePageTitle(`Notification settings · ${portal.name}`);
  const saved = useResource(() => readNotificationPreferences(session.client), 'notification-preferences');
  return (
    <>
      <p className="breadcrumb">
        <Link to={`${portal.basePath}/notifications`}>Notifications</Link>
      </p>
      <PageHeading sub="Every notification shows in the portal; choose which ones also reach you by email.">
        Notification settings
      </PageHeading>
      {isUnverified(me) ? (
        <Alert tone="warning">
          <p>Confirm your email address first: until then no notification is emailed to you.</p>
        </Alert>
      ) : null}
      <ResourceState resource={saved} loading="Loading your settings…">
        {(data) => <PreferencesForm key={data.etag} initial={data} onStale={() => void saved.reload()} />}
      </ResourceState>
    </>
  );
}

function PreferencesForm({ initial, onStale }: { initial: SavedPreferences; onStale: () => void }) {
  const session = useSession();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(initial.preferences);
  const { busy, problem, notice, notify, run } = useAction();
  const changes = changedPreferences(saved.preferences, draft);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => saveNotificationPreferences(session.client, changes, saved.etag),
      (data) => {
        setSaved(data);
        setDraft(data.preferences);
        notify('Your notification settings are saved.');
      },
    );
  };
  return (
    <form className="panel form-page" onSubmit={onSubmit} noValidate>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {problem?.status === 412 ? (
        <button type="button" className="button secondary" onClick={onStale}>
          Load the current settings
        </button>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {NOTIFICATION_KINDS.map((kind) => (
        <fieldset key={kind} className="preference" aria-describedby={`preference-${kind}-hint`}>
          <legend>{NOTIFICATION_KIND_INFO[kind].label}</legend>
          <p className="hint" id={`preference-${kind}-hint`}>
            {NOTIFICATION_KIND_INFO[kind].explanation}
          </p>
          <div className="preference-options">
            {NOTIFICATION_DELIVERIES.map((delivery) => (
              <label key={delivery} className="preference-option">
                <input
                  type="radio"
                  name={`delivery-${kind}`}
                  value={delivery}
                  checked={draft[kind] === delivery}
                  onChange={() => setDraft({ ...draft, [kind]: delivery })}
                />
                {DELIVERY_LABELS[delivery]}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy || Object.keys(changes).length === 0}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
