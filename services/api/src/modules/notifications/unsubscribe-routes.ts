import { ProblemSchema, UnsubscribeQuerySchema, UnsubscribeRequestSchema } from '@cg/contracts';
import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../lib/openapi.js';
import { AppError } from '../../lib/problems.js';
import { type NotificationDeps, notificationDeps } from './dependencies.js';
import { previewUnsubscribe, unsubscribe } from './unsubscribe.js';
import { confirmationPage, donePage, doneText, invalidLinkPage } from './unsubscribe-page.js';

type RouteApp = Parameters<FastifyPluginAsyncZod>[0];

/** A browser following the link or pressing the button gets pages; a mail client or a script gets text and problems. */
const wantsHtml = (request: FastifyRequest) => /\btext\/html\b/i.test(request.headers.accept ?? '');

const Page = z.string().describe('An HTML page (or, for a client that does not accept HTML, plain text).');
const InvalidLink = {
  description:
    'The link is not one of ours (or its person no longer exists): problem+json, or an HTML page for a browser.',
  content: {
    'application/problem+json': { schema: ProblemSchema },
    'text/html': { schema: z.string() },
  },
};

/** A refused link as a page for a browser; anything else goes to the error handler as a problem. */
async function answeringBrowsers<T>(request: FastifyRequest, reply: FastifyReply, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.type === 'invalid-link' && wantsHtml(request)) {
      return reply.code(400).type('text/html; charset=utf-8').send(invalidLinkPage(error.detail));
    }
    throw error;
  }
}

/**
 * RFC 8058 clients may send the one field as multipart/form-data: read that one field, from a
 * small body, without a general multipart parser.
 */
function parseMultipartField(contentType: string, body: string): Record<string, string> {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const fields: Record<string, string> = {};
  if (!boundary) return fields;
  for (const part of body.split(`--${boundary}`)) {
    const name = /content-disposition:\s*form-data;\s*name="([^"]+)"/i.exec(part)?.[1];
    const separator = part.search(/\r?\n\r?\n/);
    if (!name || separator < 0) continue;
    fields[name] = part
      .slice(separator)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, '');
  }
  return fields;
}

function registerShow(app: RouteApp, deps: NotificationDeps) {
  app.get(
    '/v1/unsubscribe',
    {
      schema: {
        tags: ['notifications'],
        operationId: 'showUnsubscribe',
        summary: 'The page an unsubscribe link opens: it asks, and changes nothing',
        description:
          'Link scanners open every link in a message, so following the link only shows a button that POSTs to the same address.',
        security: [],
        querystring: UnsubscribeQuerySchema,
        response: {
          200: { description: 'The confirmation page.', content: { 'text/html': { schema: Page } } },
          400: InvalidLink,
        },
      },
    },
    async (request, reply) =>
      answeringBrowsers(request, reply, async () => {
        const outcome = await previewUnsubscribe(deps, request.query.token);
        return reply.type('text/html; charset=utf-8').send(confirmationPage(outcome, request.query.token));
      }),
  );
}

function registerUnsubscribe(app: RouteApp, deps: NotificationDeps) {
  app.post(
    '/v1/unsubscribe',
    {
      schema: {
        tags: ['notifications'],
        operationId: 'unsubscribe',
        summary: 'One-click unsubscribe (RFC 8058): stop what the link names',
        description:
          'What a mail client sends for `List-Unsubscribe-Post: List-Unsubscribe=One-Click`: the body `List-Unsubscribe=One-Click`. Sets the kind the link names (from a digest: every kind the person gets in the digest) to `off`. Doing it again changes nothing.',
        security: [],
        consumes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
        querystring: UnsubscribeQuerySchema,
        body: UnsubscribeRequestSchema,
        response: {
          200: {
            description: 'Done.',
            content: { 'text/html': { schema: Page }, 'text/plain': { schema: Page } },
          },
          400: InvalidLink,
          ...problemResponses(413, 415),
        },
      },
    },
    async (request, reply) =>
      answeringBrowsers(request, reply, async () => {
        const outcome = await unsubscribe(deps, request.query.token);
        request.log.info({ scope: outcome.scope, changed: outcome.changed }, 'unsubscribed by link');
        return wantsHtml(request)
          ? reply.type('text/html; charset=utf-8').send(donePage(outcome))
          : reply.type('text/plain; charset=utf-8').send(doneText(outcome));
      }),
  );
}

/** The unsubscribe link's page and its one-click POST: public (the link is the credential). */
export const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = notificationDeps(app);
  await app.register(formbody, { bodyLimit: 4096 });
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'string', bodyLimit: 4096 },
    (request, body, done) =>
      done(null, parseMultipartField(String(request.headers['content-type']), String(body))),
  );
  registerShow(app, deps);
  registerUnsubscribe(app, deps);
};
