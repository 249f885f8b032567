import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/*
 * A small client-side router over the History API: the server answers every path under
 * /supplier and /buyer with index.html, and the app decides what to show.
 */

const NAVIGATE_EVENT = 'cg:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;

export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** What a page with unsaved work says before the app leaves it, or null when it may go. */
type LeaveGuard = () => string | null;
let leaveGuard: LeaveGuard | null = null;

/** A page with unsaved work asks before in-app navigation leaves it; returns the release. */
export function guardLeaving(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

/** Goes to `to`; `flash` is a one-line message for the next page (see `takeFlash`). */
export function navigate(to: string, options: { replace?: boolean; flash?: string } = {}): void {
  if (to === window.location.pathname + window.location.search && !options.flash) return;
  const warning = leaveGuard?.();
  if (warning && !window.confirm(warning)) return;
  const state = options.flash ? { flash: options.flash } : null;
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link (so it works with the keyboard, middle-click and "open in new tab"). */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}

/** Matches `pattern` (segments, `:name` for a parameter) against `path`; the parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = have[index] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return null;
  }
  return params;
}

/** The flash message the previous page left for this one (see `navigate`). */
export function peekFlash(): string | undefined {
  const state: unknown = window.history.state;
  if (
    typeof state === 'object' &&
    state !== null &&
    typeof (state as { flash?: unknown }).flash === 'string'
  ) {
    return (state as { flash: string }).flash;
  }
  return undefined;
}

/** Forgets the flash message, so a reload or "back" does not show it again. */
export function clearFlash(): void {
  if (peekFlash() !== undefined) window.history.replaceState(null, '', window.location.href);
}
