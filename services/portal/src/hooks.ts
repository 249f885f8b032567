import { type ChangeEvent, type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
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
 * A request sent by a form or a button: `busy` while it runs, the API's `problem` when it fails,
 * `onSuccess` (if given) with its data when it succeeds, and the `notice` it may leave (`notify`).
 * The problem and the notice are cleared when the next request starts; `clear` drops the problem.
 * `submit` makes a form's `onSubmit` from the same arguments.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [notice, notify] = useState<string>();
  const run = async <T>(request: () => Promise<Result<T>>, onSuccess?: (data: T) => void) => {
    setBusy(true);
    setProblem(undefined);
    notify(undefined);
    const result = await request();
    setBusy(false);
    if (result.ok) onSuccess?.(result.data);
    else setProblem(result.problem);
  };
  const submit =
    <T>(request: () => Promise<Result<T>>, onSuccess?: (data: T) => void) =>
    (event: FormEvent) => {
      event.preventDefault();
      void run(request, onSuccess);
    };
  const clear = () => setProblem(undefined);
  return { busy, problem, notice, notify, run, submit, clear };
}

/** One page of a list, as the API answers it. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  /** The first page, loaded (and reloaded) like any resource. */
  first: Resource<Page<T>> & { reload: () => Promise<void> };
  /** The first page's items and those of the pages shown after it. */
  items: T[];
  /** The cursor of the page after the last one shown, if any. */
  next: string | null | undefined;
  busy: boolean;
  problem: Problem | undefined;
  showMore: (cursor: string) => Promise<void>;
}

/**
 * A list that loads its first page with `useResource` and the following pages on demand. A new
 * `key` (or a reload) starts again from the first page.
 */
export function usePagedList<T>(
  load: (cursor?: string) => Promise<Result<Page<T>>>,
  key: string,
): PagedList<T> {
  const [more, setMore] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const { busy, problem, run } = useAction();
  const first = useResource(async () => {
    setMore([]);
    setCursor(undefined);
    return load();
  }, key);
  const showMore = (from: string) =>
    run(
      () => load(from),
      (page) => {
        setMore((previous) => [...previous, ...page.data]);
        setCursor(page.nextCursor);
      },
    );
  const items = first.data ? [...first.data.data, ...more] : [];
  const next = cursor === undefined ? first.data?.nextCursor : cursor;
  return { first, items, next, busy, problem, showMore };
}

type ControlEvent = ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

/**
 * The values of a form's text fields and selects. `bind(name)` gives a control its `value` and
 * `onChange`; `set` changes some values; `reset` puts the named ones back to where they started.
 */
export function useFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set = (change: Partial<T>) => setValues((previous) => ({ ...previous, ...change }));
  const bind = <K extends keyof T>(name: K) => ({
    value: values[name],
    onChange: (event: ControlEvent) => set({ [name]: event.target.value } as unknown as Partial<T>),
  });
  const reset = (...names: (keyof T)[]) =>
    set(Object.fromEntries(names.map((name) => [name, initial[name]])) as Partial<T>);
  return { values, set, bind, reset };
}
