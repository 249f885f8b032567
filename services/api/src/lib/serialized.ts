import type { FastifyReply } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** The content type of a body a route sends already serialised; Fastify sends such a string as it is. */
const JSON_BODY = 'application/json; charset=utf-8';

/**
 * A response body checked against its schema and serialised exactly as the route's own
 * serialiser would (the same compiler), once — for answers kept serialised in the read cache.
 */
export function jsonSerializer<S extends z.ZodType>(schema: S): (value: z.input<S>) => string {
  return serializerCompiler({ schema, method: 'GET', url: '', httpStatus: '200' }) as (
    value: z.input<S>,
  ) => string;
}

/** Sends a body made by a `jsonSerializer` as it is. */
export const sendSerialized = (reply: FastifyReply, body: string) => reply.type(JSON_BODY).send(body);
