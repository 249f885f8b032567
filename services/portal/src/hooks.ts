import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem, Result } from './api.js';
import { clearFlash, peekFlash } from './router.js';

export type Resource<T> =
  | { status: 'loading'; data?: undefined; problem?: undefined }
  | { status: 'ready'; data: T; problem?: undefined }
  | { status: 'error'; data?: undefined; problem: Problem };

/**
 * Loads data with a loading and an error state. `reload()` fetches again and keeps showing the
 * previous data meanwhile; answers that arrive after a newer request started are dropped.
 */
export function useResource<T>(
  load: () => Promise<Result<T>>,
  key: string,
): Resource<T> & { reload: () => Promise<void> } {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await loader.current();
    if (ticket !== latest.current) return;
    setState(
      result.ok ? { status: 'ready', data: result.data } : { status: 'error', problem: result.problem },
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what is loaded; a new key loads afresh
  useEffect(() => {
    setState({ status: 'loading' });
    void run();
    return () => {
      latest.current++;
    };
  }, [run, key]);

  return { ...state, reload: run };
}

/** Calls `tick` every `ms` while the page is visible and `active` is true. */
export function useInterval(tick: () => void, ms: number, active: boolean): void {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') saved.current();
    }, ms);
    return () => clearInterval(id);
  }, [ms, active]);
}

/** Sets the document title and the page's heading focus target when a page opens. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Common Ground`;
  }, [title]);
}

/** The one-off message the previous page left (e.g. "Submitted"), shown once. */
export function useFlash(): string | undefined {
  const [flash] = useState(peekFlash);
  useEffect(() => clearFlash(), []);
  return flash;
}

/**
 * A request sent by a form or a button: `busy` while it runs, the API's `problem` when it fails
 * (cleared when the next one starts), `onSuccess` with its data when it succeeds.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const run = async <T>(request: () => Promise<Result<T>>, onSuccess: (data: T) => void) => {
    setBusy(true);
    setProblem(undefined);
    const result = await request();
    setBusy(false);
    if (result.ok) onSuccess(result.data);
    else setProblem(result.problem);
  };
  return { busy, problem, run };
}
