import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type AssessmentBody, assessment } from './deals.js';
import { PASSWORD, uniqueEmail } from './identity.js';

/*
 * HTTP helpers for tests that talk to a real server process (startServer) instead of inject().
 * Every request carries a hang detector: an AbortSignal that gives up after `timeoutMs`, so a
 * request that never answers fails the test with a clear message instead of stalling it.
 */

const HANG_DETECTOR_MS = 10_000;

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body of any shape, read by the test
  json: any;
}

/** A request that got no answer: the connection failed, or the hang detector fired. */
export class NoAnswerError extends Error {
  constructor(
    readonly request: string,
    readonly hung: boolean,
    options: { cause: unknown },
  ) {
    super(
      `${request}: ${hung ? 'no answer before the hang detector fired' : 'no answer (connection failed)'}`,
      options,
    );
    this.name = 'NoAnswerError';
  }
}

export interface CallOptions {
  auth?: { authorization: string } | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export async function call(
  base: string,
  method: string,
  url: string,
  options: CallOptions = {},
): Promise<HttpReply> {
  const headers: Record<string, string> = { ...options.auth, ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const signal = AbortSignal.timeout(options.timeoutMs ?? HANG_DETECTOR_MS);
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${base}${url}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      signal,
    });
    text = await response.text();
  } catch (error) {
    throw new NoAnswerError(`${method} ${base}${url}`, signal.aborted, { cause: error });
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Alternates between several server addresses, as a round-robin load balancer would. */
export function roundRobin(bases: string[]): () => string {
  let next = 0;
  return () => {
    const base = bases[next % bases.length];
    next++;
    if (!base) throw new Error('no server address');
    return base;
  };
}

export interface HttpParty {
  side: 'sales' | 'procurement';
  organisationId: string;
  auth: { authorization: string };
}

function expectStatus(reply: HttpReply, status: number, what: string) {
  if (reply.status !== status) throw new Error(`${what} failed: ${reply.status} ${reply.text}`);
  return reply;
}

/** Signs up a new organisation with its first admin, and signs in. */
export async function signUpOver(base: string, side: 'sales' | 'procurement'): Promise<HttpParty> {
  const email = uniqueEmail(side);
  const signup = expectStatus(
    await call(base, 'POST', '/v1/signup', {
      body: {
        organisation: { name: `${side} ${randomBytes(3).toString('hex')}`, side },
        user: { email, name: 'First Admin', password: PASSWORD },
      },
    }),
    201,
    'signup',
  );
  const token = expectStatus(
    await call(base, 'POST', '/v1/auth/token', {
      body: { grant_type: 'password', username: email, password: PASSWORD },
    }),
    200,
    'login',
  );
  return {
    side,
    organisationId: signup.json.organisation.id,
    auth: { authorization: `Bearer ${token.json.access_token}` },
  };
}

/** The sales party creates a deal and the procurement party joins it (through any servers). */
export async function sharedDealOver(
  next: () => string,
  sales: HttpParty,
  procurement: HttpParty,
  title = 'Fault-injection deal',
): Promise<string> {
  const deal = expectStatus(
    await call(next(), 'POST', '/v1/deals', { auth: sales.auth, body: { title } }),
    201,
    'create deal',
  );
  const dealId: string = deal.json.id;
  const invitation = expectStatus(
    await call(next(), 'POST', `/v1/deals/${dealId}/invitations`, { auth: sales.auth }),
    201,
    'invite',
  );
  expectStatus(
    await call(next(), 'POST', '/v1/invitations/accept', {
      auth: procurement.auth,
      body: { code: invitation.json.code },
    }),
    200,
    'accept',
  );
  return dealId;
}

/** A variant of the standard assessment per `n`, so that every revision changes the content. */
export function assessmentVariant(n: number): AssessmentBody {
  return assessment({ nature: { supplyRisk: 1 + (n % 5), businessImpact: 1 + (Math.floor(n / 5) % 5) } });
}

export async function putAssessmentOver(
  base: string,
  party: HttpParty,
  dealId: string,
  body: AssessmentBody,
) {
  return expectStatus(
    await call(base, 'PUT', `/v1/deals/${dealId}/assessment`, { auth: party.auth, body }),
    200,
    'put assessment',
  );
}

export function submitOver(base: string, party: HttpParty, dealId: string) {
  return call(base, 'POST', `/v1/deals/${dealId}/assessment/submit`, { auth: party.auth });
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let index = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (index < items.length) {
        const mine = index++;
        results[mine] = await work(items[mine] as T);
      }
    }),
  );
  return results;
}

/** Polls `check` until it returns something other than undefined/false; throws after the deadline. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  deadlineMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
