import { ProblemSchema } from '@cg/contracts';
import { z } from 'zod';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or invalid (see `errors`).',
  401: 'Missing, invalid or expired credentials.',
  403: 'Known to the caller, but not theirs to do (role or scope).',
  404: 'Unknown — or belonging to an organisation that is not a party.',
  409: 'Conflicts with the current state.',
  412: 'The `If-Match` precondition failed: the resource has changed.',
  413: 'The request body is too large.',
  415: 'The request body is not JSON.',
  422: 'Well-formed, but the domain refuses it.',
  429: 'Too many requests, or a budget is used up; see `Retry-After`.',
  503: 'The database is unavailable; retry after `Retry-After` seconds.',
};

/** Documents the RFC 9457 answers a route can give, for the OpenAPI document and the SDK. */
export function problemResponses<const S extends readonly (keyof typeof DESCRIPTIONS)[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  ) as {
    [K in S[number]]: {
      description: string;
      content: { 'application/problem+json': { schema: typeof ProblemSchema } };
    };
  };
}

/**
 * The headers of a creating POST. Loose: other headers pass through untouched (a strict object
 * would strip them from the request).
 */
export const IdempotencyKeyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .max(255)
    .optional()
    .describe(
      'Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`).',
    ),
});

export const IfMatchHeaders = z.looseObject({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .describe('The ETag you last read; 412 if the resource changed since.'),
});
