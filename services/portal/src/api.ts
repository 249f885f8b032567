import type { Schemas } from '@cg/sdk';

export type Problem = Schemas['Problem'];

export type Result<T> = { ok: true; data: T; response: Response } | { ok: false; problem: Problem };

type Reply<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

const NETWORK_PROBLEM: Problem = {
  type: 'about:blank',
  title: 'The server could not be reached',
  status: 0,
  detail: 'Check your connection and try again.',
};

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { title?: unknown }).title === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}

/**
 * Awaits an SDK call and folds every failure into an RFC 9457 problem: the API's own problem
 * body, a generic one for an unexpected body, or a network problem when the request never landed.
 */
export async function call<T>(request: Promise<Reply<T>>): Promise<Result<T>> {
  try {
    const reply = await request;
    if (reply.response.ok) return { ok: true, data: reply.data as T, response: reply.response };
    if (isProblem(reply.error)) return { ok: false, problem: reply.error };
    return {
      ok: false,
      problem: {
        type: 'about:blank',
        title: reply.response.statusText || 'The request failed',
        status: reply.response.status,
        detail: `The server answered ${reply.response.status}.`,
      },
    };
  } catch {
    return { ok: false, problem: NETWORK_PROBLEM };
  }
}

/** The slug of a problem's type (`/problems/round-budget-exhausted` → `round-budget-exhausted`). */
export function problemSlug(problem: Problem): string {
  return problem.type.split('/').pop() ?? '';
}

/**
 * Validation messages by field, keyed by the JSON Pointer below `/body/` (e.g.
 * `objectives/1/category`). Messages for the same field are joined.
 */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of problem?.errors ?? []) {
    const key = issue.path.replace(/^\/body\/?/, '');
    byField[key] = byField[key] ? `${byField[key]} ${issue.message}` : issue.message;
  }
  return byField;
}

/** Validation issues that no field of the form shows, to list above the form. */
export function unplacedErrors(problem: Problem | undefined, fields: readonly string[]): string[] {
  const errors = fieldErrors(problem);
  return Object.entries(errors)
    .filter(([key]) => !fields.includes(key))
    .map(([key, message]) => (key ? `${key.replaceAll('/', ' › ')}: ${message}` : message));
}
