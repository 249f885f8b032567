import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_TYPES, type ProblemType, problemTypeUri } from '@cg/contracts';
import { isDatabaseUnavailable } from '@cg/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, problemBody } from '../lib/problems.js';

const RETRY_AFTER_UNAVAILABLE_SECONDS = '5';

function sendProblem(
  reply: FastifyReply,
  type: ProblemType,
  detail: string,
  extras: AppError['extras'] = {},
): FastifyReply {
  const body = {
    ...problemBody(type, detail, extras.errors),
    ...extras.members,
    requestId: String(reply.request.id),
  };
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
  // A path segment longer than the router accepts: longer than any id this API hands out.
  FST_ERR_MAX_PARAM_LENGTH: { type: 'not-found', detail: 'There is no resource with so long an id.' },
  FST_ERR_ASYNC_CONSTRAINT: { type: 'malformed-request', detail: 'The request could not be routed.' },
};

/**
 * PostgreSQL data exceptions (SQLSTATE class 22) that only bad input can cause. The rest of the
 * class (division by zero, a bad argument to a logarithm, a sequence at its limit, the generic
 * 22000 and 22023) points at the server's own SQL and stays a 500.
 */
export const INVALID_VALUE_CODES: Readonly<Record<string, string>> = {
  '22021': 'Text may not contain NUL characters or invalid UTF-8.',
  '22P05': 'Text may not contain NUL characters.',
  '22003': 'A number is out of range.',
  '22007': 'A date or time is not valid.',
  '22008': 'A date or time is out of range.',
  '22P02': 'A value is not in the expected format (for example an id that is not a UUID).',
  '22P03': 'A value is not in the expected binary format.',
  '22001': 'A text value is too long.',
  '22026': 'A value does not have the expected length.',
  '22018': 'A value cannot be converted to the expected type.',
  '22015': 'A time interval is out of range.',
  '22009': 'A time zone offset is not valid.',
  '22019': 'A search pattern has an invalid escape character.',
  '22025': 'A search pattern has an invalid escape sequence.',
  '2201B': 'A regular expression is not valid.',
  '2201W': 'A page size is not valid.',
  '2201X': 'A page offset is not valid.',
  '22032': 'A value is not valid JSON.',
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

type FixedHeaders = Readonly<Record<string, string>>;

/**
 * Fastify's `frameworkErrors`: a URL the router cannot decode (`%ZZ`) or a path segment longer
 * than `maxParamLength`. Fastify answers these before any hook runs, so the request id and the
 * security headers (`headers`) are set here; the body is a problem like every other error, and
 * never quotes the path or Fastify's error code.
 */
export function routerErrorHandler(headers: FixedHeaders) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.headers({ ...headers, 'x-request-id': String(request.id) });
    request.log.info({ code: error.code, method: request.method }, 'request refused by the router');
    return handleError(error, request, reply);
  };
}

/** What a request Node's HTTP parser refuses gets: status, problem type (or about:blank), detail. */
function clientErrorProblem(code: string | undefined) {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, type: 'about:blank', detail: 'The request took too long to arrive.' };
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, type: 'about:blank', detail: 'The request headers are too large.' };
  const { status, title } = PROBLEM_TYPES['malformed-request'];
  const detail =
    code === 'HPE_INVALID_METHOD'
      ? 'The request method is not one HTTP defines.'
      : 'The request could not be read as HTTP.';
  return { status, type: problemTypeUri('malformed-request'), title, detail };
}

/**
 * Fastify's `clientErrorHandler`: a request Node cannot parse (an unknown method such as `FOO`,
 * a broken request line, headers too large) never becomes a request, so the answer is written
 * to the socket here, as a problem with a request id and the security headers.
 */
export function clientErrorHandler(headers: FixedHeaders) {
  return function onClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket) {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const requestId = randomUUID();
    const problem = clientErrorProblem(error.code);
    const title = problem.title ?? STATUS_CODES[problem.status] ?? 'Error';
    this.log.info({ reqId: requestId, code: error.code, statusCode: problem.status }, 'unreadable request');
    if (socket.writable) {
      const body = JSON.stringify({
        type: problem.type,
        title,
        status: problem.status,
        detail: problem.detail,
        requestId,
      });
      const lines = [
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}`,
        'content-type: application/problem+json; charset=utf-8',
        `content-length: ${Buffer.byteLength(body)}`,
        `x-request-id: ${requestId}`,
        'cache-control: no-store',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
        'connection: close',
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
    }
    socket.destroy(error);
  };
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
    // The path is not echoed back: a reply never reflects what the caller put in the URL.
    app.setNotFoundHandler((_request, reply) =>
      sendProblem(reply, 'not-found', 'There is no route for this method and path.'),
    );
  },
  { name: 'errors' },
);
