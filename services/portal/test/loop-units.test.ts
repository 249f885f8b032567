import t from 'tap';
import type { NotificationPreferences } from '../src/endpoints.js';
import { once, takeLinkParam } from '../src/links.js';
import { changedPreferences, formatRelative, unreadBadge } from '../src/notification-labels.js';

/* The pure helpers behind the pages for people in the loop: mailed links, the bell, the settings. */

t.test('when a mailed link is opened, then its code leaves the query for the history state', async (t) => {
  const taken = takeLinkParam('code', '?code=%20cgi_abc%20&utm=mail', { flash: 'Hello' });
  t.equal(taken.value, 'cgi_abc', 'the value, trimmed');
  t.equal(taken.search, '?utm=mail', 'the other parameters stay');
  t.same(
    taken.state,
    { flash: 'Hello', linkParams: { code: 'cgi_abc' } },
    'the state keeps it beside what was there',
  );

  const again = takeLinkParam('code', taken.search, taken.state);
  t.equal(again.value, 'cgi_abc', 'a reload finds it in the state');
  t.equal(again.search, '?utm=mail');

  const other = takeLinkParam('token', '', { linkParams: { code: 'cgi_abc' } });
  t.equal(other.value, undefined, 'another parameter is not there');
  t.same(other.state, { linkParams: { code: 'cgi_abc' } }, 'and nothing is added');
  t.same(
    takeLinkParam('code', '?code=', null),
    { value: undefined, search: '', state: {} },
    'empty is absent',
  );
  t.equal(
    takeLinkParam('code', '', { linkParams: { code: 7 } }).value,
    undefined,
    'a state that is not ours is ignored',
  );
});

t.test('when a single-use request is asked for twice while in flight, then it is sent once', async (t) => {
  let sent = 0;
  let finish: (value: string) => void = () => {};
  const request = () => {
    sent++;
    return new Promise<string>((resolve) => {
      finish = resolve;
    });
  };
  const first = once('verify:a', request);
  const second = once('verify:a', request);
  t.equal(sent, 1, 'one request');
  finish('done');
  t.same(await Promise.all([first, second]), ['done', 'done'], 'both callers get its answer');
  const later = once('verify:a', async () => {
    sent++;
    return 'again';
  });
  t.equal(await later, 'again', 'once settled, the key may run again (a retry)');
  t.equal(sent, 2);
});

t.test('when settings are changed, then only the changed kinds are sent', async (t) => {
  const saved: NotificationPreferences = {
    'deal.joined': 'email',
    'assessment.submitted': 'email',
    'round.opened': 'email',
    'alignment.ready': 'email',
    'milestone.due': 'digest',
    'milestone.overdue': 'email',
    'deal.closed': 'email',
  };
  t.same(changedPreferences(saved, { ...saved }), {}, 'nothing changed, nothing to send');
  t.same(changedPreferences(saved, { ...saved, 'deal.closed': 'off', 'milestone.due': 'email' }), {
    'milestone.due': 'email',
    'deal.closed': 'off',
  });
});

t.test('when the bell counts unread notifications, then its name says how many', async (t) => {
  t.same(unreadBadge(undefined), { name: 'Notifications', figure: undefined }, 'not loaded yet');
  t.same(unreadBadge(0), { name: 'Notifications', figure: undefined }, 'none unread: no figure');
  t.same(unreadBadge(3), { name: 'Notifications, 3 unread', figure: '3' });
  t.same(unreadBadge(250), { name: 'Notifications, 250 unread', figure: '99+' }, 'the figure stays short');
});

t.test('when a notification is dated, then recent ones read as relative times', async (t) => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();
  t.equal(formatRelative(ago(10), now, 'en'), 'just now');
  t.equal(formatRelative(ago(50), now, 'en'), '1 minute ago');
  t.equal(formatRelative(ago(5 * 60), now, 'en'), '5 minutes ago');
  t.equal(formatRelative(ago(90 * 60), now, 'en'), '1 hour ago', 'whole units, rounded down');
  t.equal(formatRelative(ago(30 * 3600), now, 'en'), 'yesterday');
  t.equal(formatRelative(ago(3 * 86_400), now, 'en'), '3 days ago');
  t.equal(formatRelative(ago(10 * 86_400), now, 'en'), 'Nov 22, 2026', 'a date after a week');
  t.equal(formatRelative('not a date', now, 'en'), 'not a date');
});
