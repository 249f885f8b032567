import { z } from 'zod';

/**
 * The closed list of problem types this API answers with (RFC 9457). The `type` member of a
 * problem is `/problems/<slug>`, resolved against the API's address, where a page explains it.
 */
export const PROBLEM_TYPES = {
  'validation-failed': { status: 400, title: 'The request is not valid' },
  'malformed-request': { status: 400, title: 'The request could not be read' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  'invalid-credentials': { status: 401, title: 'The credentials are not valid' },
  'invalid-token': { status: 401, title: 'The access token is not valid' },
  'invalid-link': { status: 400, title: 'The link or code is not valid any more' },
  forbidden: { status: 403, title: 'This action is not allowed for you' },
  'email-unverified': { status: 403, title: 'Confirm your email address first' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'idempotency-in-progress': { status: 409, title: 'A request with this idempotency key is in progress' },
  'precondition-failed': { status: 412, title: 'The resource has changed' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  'unprocessable-request': { status: 422, title: 'The request cannot be carried out' },
  'idempotency-key-reused': { status: 422, title: 'The idempotency key was used with another request' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'round-budget-exhausted': { status: 429, title: 'No rounds are left for this deal' },
  internal: { status: 500, title: 'Internal server error' },
  'service-unavailable': { status: 503, title: 'The service is temporarily unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export const problemTypeUri = (type: ProblemType): string => `/problems/${type}`;

export const ValidationIssueSchema = z
  .object({
    path: z
      .string()
      .describe('Where the problem is, as a JSON Pointer into the request part (e.g. `/body/user/email`).'),
    message: z.string(),
  })
  .meta({ id: 'ValidationIssue' });

export const ProblemSchema = z
  .object({
    type: z.string().describe('A URI reference identifying the problem type; see `/problems/{type}`.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z
      .string()
      .optional()
      .describe('The request id (also the `x-request-id` header), to quote when asking for support.'),
    errors: z.array(ValidationIssueSchema).optional(),
    retryAt: z
      .string()
      .optional()
      .describe('For a throttled sign-in (429): when to try again, an RFC 3339 timestamp in UTC.'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem details object.' });

export type Problem = z.infer<typeof ProblemSchema>;
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;
