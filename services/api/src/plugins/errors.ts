import type { ProblemType } from '@cg/contracts';
import { isDatabaseUnavailable } from '@cg/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, problemBody } from '../lib/problems.js';

const RETRY_AFTER_UNAVAILABLE_SECONDS = '5';

export function sendProblem(
  reply: FastifyReply,
  type: ProblemType,
  detail: string,
  extras: AppError['extras'] = {},
): FastifyReply {
  const body = { ...problemBody(type, detail, extras.errors), requestId: String(reply.request.id) };
  for (const [name, value] of Object.entries(extras.headers ?? {})) reply.header(name, value);
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Fastify's own errors for unreadable requests, by code. */
const FASTIFY_CODES: Record<string, { type: ProblemType; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    type: 'unsupported-media-type',
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    type: 'malformed-request',
    detail: 'The Content-Length header does not match the body.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { type: 'payload-too-large', detail: 'The request body is too large.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    type: 'malformed-request',
    detail: 'The body is empty but the Content-Type says JSON.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { type: 'malformed-request', detail: 'The body is not valid JSON.' },
  FST_ERR_BAD_URL: { type: 'malformed-request', detail: 'The URL could not be decoded.' },
  FST_ERR_ASYNC_CONSTRAINT: { type: 'malformed-request', detail: 'The request could not be routed.' },
};

/** PostgreSQL data exceptions that only bad input can cause. */
const INVALID_VALUE_CODES: Record<string, string> = {
  '22021': 'Text may not contain NUL characters or invalid UTF-8.',
  '22P05': 'Text may not contain NUL characters.',
  '22003': 'A number is out of range.',
  '22007': 'A date or time is not valid.',
  '22008': 'A date or time is out of range.',
};

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return sendProblem(reply, error.type, error.detail, error.extras);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.map((issue) => ({
      path: `/${where}${issue.instancePath === '/' ? '' : issue.instancePath}`,
      message: issue.message ?? 'is not valid',
    }));
    return sendProblem(reply, 'validation-failed', `The ${where} is not valid: see errors.`, { errors });
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return sendProblem(reply, known.type, known.detail);
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return sendProblem(reply, 'malformed-request', 'The body is not valid JSON.');
  }
  if (error.statusCode === 429) {
    // @fastify/rate-limit builds its own error; the headers are already set.
    return sendProblem(reply, 'rate-limited', error.message || 'Too many requests: slow down.');
  }
  const invalidValue = INVALID_VALUE_CODES[String((error as { code?: unknown }).code)];
  if (invalidValue) {
    // The database refused a value the contract let through: still the caller's input, so a 400.
    request.log.info({ err: error }, 'value refused by the database');
    return sendProblem(reply, 'validation-failed', invalidValue);
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return sendProblem(reply, 'service-unavailable', 'The database is unavailable; try again shortly.', {
      headers: { 'retry-after': RETRY_AFTER_UNAVAILABLE_SECONDS },
    });
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.info({ err: error }, 'client error without a problem type');
    return sendProblem(reply, 'malformed-request', 'The request could not be processed.');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    reply,
    'internal',
    'Something went wrong on our side. Quote the request id if you contact us.',
  );
}

/** One error handler for the whole API: every failure becomes `application/problem+json`. */
export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    app.setErrorHandler(handleError);
    // An error raised while an error reply is on its way out (say an onSend hook that needs the
    // database while it is down) goes to the error handler of the parent context, and at the root
    // to Fastify's default one: plain JSON quoting the raw message. Each route context gets this
    // handler too, so that second error is a problem like the first.
    app.addHook('onRegister', (instance) => {
      instance.setErrorHandler(handleError);
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, 'not-found', `There is no route ${request.method} ${request.url.split('?')[0]}.`),
    );
  },
  { name: 'errors' },
);
