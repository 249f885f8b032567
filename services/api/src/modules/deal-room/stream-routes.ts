import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { DealIdParamsSchema } from '@cg/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../lib/openapi.js';
import { type LiveSink, LiveTimelines } from './live-timeline.js';

/** How long a browser waits before it reconnects after the stream broke (the SSE `retry` field). */
const RECONNECT_MS = 2000;

const LiveStreamHeaders = z.looseObject({
  'last-event-id': z
    .string()
    .regex(/^evt_[0-9a-hjkmnp-tv-z]{26}$/, 'must be the id of an event this stream sent')
    .optional()
    .describe('Sent by a reconnecting client: the entries after this one are sent first, none twice.'),
});

const STREAM_DESCRIPTION = [
  'Server-Sent Events (`text/event-stream`), open until the access token expires, the caller loses access to the deal or the server closes; then reconnect (with a fresh token and `Last-Event-ID`).',
  'Each new entry of the shared timeline is an event `timeline` whose `data` is the entry exactly as `GET /v1/deals/{dealId}/events` lists it (a `DealEvent`) and whose `id` is where a reconnect resumes. The stream starts with a `retry` field, and with a bare `id` (the newest entry now) so that a reconnect misses nothing; comments (`:`) are heartbeats.',
  'Events say what changed; read the deal, the milestones or the alignment again for the rest.',
].join('\n\n');

/** How long a closing stream's last bytes may take to be sent before shutdown goes on regardless. */
const END_GRACE_MS = 1000;

/** The stream's output framed as Server-Sent Events (WHATWG HTML, "Server-sent events"). */
function eventStreamSink(body: PassThrough, response: ServerResponse): LiveSink {
  const open = () => !body.destroyed && !body.writableEnded;
  const send = (text: string) => {
    if (open()) body.write(text);
  };
  return {
    position: (resumeId) => send(`id: ${resumeId}\n\n`),
    entry: (entry, resumeId) => send(`id: ${resumeId}\nevent: timeline\ndata: ${JSON.stringify(entry)}\n\n`),
    heartbeat: () => send(': heartbeat\n\n'),
    end: async () => {
      if (open()) body.end();
      await Promise.race([
        finished(response).catch(() => undefined),
        sleep(END_GRACE_MS, undefined, { ref: false }),
      ]);
    },
  };
}

/** When the request's (verified) access token expires, in ms since the epoch. */
function tokenExpiry(app: FastifyInstance, request: FastifyRequest): number | undefined {
  const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const claims = token ? app.jwt.decode<{ exp?: unknown }>(token) : null;
  return typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined;
}

export const streamRoutes: FastifyPluginAsyncZod = async (app) => {
  const timelines = new LiveTimelines(app.database, {
    heartbeatMs: app.config.LIVE_HEARTBEAT_MS,
    streamsPerCaller: app.config.LIVE_STREAMS_PER_CALLER,
  });
  // Before the server stops accepting and waits for open connections: a stream never ends by itself.
  app.addHook('preClose', async () => timelines.closeAll());

  app.get(
    '/v1/deals/:dealId/stream',
    {
      schema: {
        tags: ['deals'],
        operationId: 'streamDealEvents',
        summary: 'The deal’s shared timeline as it happens, by Server-Sent Events (both parties)',
        description: STREAM_DESCRIPTION,
        params: DealIdParamsSchema,
        headers: LiveStreamHeaders,
        response: {
          200: {
            description: 'An event stream of the timeline’s new entries.',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          ...problemResponses(400, 401, 403, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const body = new PassThrough();
      body.write(`retry: ${RECONNECT_MS}\n: the live timeline of ${request.params.dealId}\n\n`);
      const close = await timelines
        .open(
          request.caller,
          request.params.dealId,
          { lastEventId: request.headers['last-event-id'], until: tokenExpiry(app, request) },
          eventStreamSink(body, reply.raw),
        )
        .catch((error: unknown) => {
          body.destroy();
          throw error;
        });
      // The client went away (Fastify destroys the body) or the stream ended: either way, stop it.
      body.once('close', () => void close());
      // The schema's string is the event text as a whole; it is sent as it is written.
      return reply
        .type('text/event-stream')
        .header('x-accel-buffering', 'no')
        .send(body as unknown as string);
    },
  );
};
