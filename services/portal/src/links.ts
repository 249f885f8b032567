import { useState } from 'react';

/*
 * Mailed links carry a one-time code or token in their query (`/buyer/join?code=…`). The page that
 * opens reads it once and moves it from the address into the history entry's state: it is no
 * longer on screen, in a copied address or in the Referer of what the page loads next, and a
 * reload or "back" in the same tab still finds it. Nothing here logs a value.
 */

const KEY = 'linkParams';

type State = Record<string, unknown>;

const isRecord = (value: unknown): value is State =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function savedParams(state: unknown): Record<string, string> {
  const saved = isRecord(state) ? state[KEY] : undefined;
  if (!isRecord(saved)) return {};
  return Object.fromEntries(
    Object.entries(saved).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * The link's `name` parameter (from the query, else from the history state it was moved to), the
 * query without it, and the history state that keeps it.
 */
export function takeLinkParam(
  name: string,
  search: string,
  state: unknown,
): { value: string | undefined; search: string; state: State } {
  const query = new URLSearchParams(search);
  const saved = savedParams(state);
  const value = query.get(name)?.trim() || saved[name] || undefined;
  query.delete(name);
  const rest = query.toString();
  const base = isRecord(state) ? state : {};
  return {
    value,
    search: rest ? `?${rest}` : '',
    state: value ? { ...base, [KEY]: { ...saved, [name]: value } } : base,
  };
}

/** Reads a mailed link's parameter once and takes it out of the address bar (see above). */
export function useLinkParam(name: string): string | undefined {
  const [value] = useState(() => {
    const { location, history } = window;
    const taken = takeLinkParam(name, location.search, history.state);
    if (taken.search !== location.search) {
      history.replaceState(taken.state, '', `${location.pathname}${taken.search}${location.hash}`);
    } else if (taken.value) {
      history.replaceState(taken.state, '', location.href);
    }
    return taken.value;
  });
  return value;
}

/** A value kept in this history entry's state (it survives a reload in the same tab). */
export function historyValue(key: string): unknown {
  const state: unknown = window.history.state;
  return isRecord(state) ? state[key] : undefined;
}

export function setHistoryValue(key: string, value: unknown): void {
  const state: unknown = window.history.state;
  const next = { ...(isRecord(state) ? state : {}) };
  if (value === undefined) delete next[key];
  else next[key] = value;
  window.history.replaceState(next, '', window.location.href);
}

const pending = new Map<string, Promise<unknown>>();

/**
 * Runs `request` once per `key` while it is in flight, so a page that mounts twice (React's
 * StrictMode, a quick re-render) spends a single-use link once and both mounts get its answer.
 */
export function once<T>(key: string, request: () => Promise<T>): Promise<T> {
  const running = pending.get(key);
  if (running) return running as Promise<T>;
  const started = request().finally(() => pending.delete(key));
  pending.set(key, started);
  return started;
}
