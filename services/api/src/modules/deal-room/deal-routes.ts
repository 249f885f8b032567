import {
  AcceptInvitationRequestSchema,
  CreateDealRequestSchema,
  CreateInvitationRequestSchema,
  DealIdParamsSchema,
  DealListQuerySchema,
  DealSchema,
  InvitationSchema,
  page,
  UpdateDealRequestSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdempotencyKeyHeaders, IfMatchHeaders, problemResponses } from '../../lib/openapi.js';
import * as deals from './deals.js';
import { type DealRoomDeps, dealRoomDeps } from './dependencies.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

// Registered in this order, which is the order of the OpenAPI document's paths.
export const dealRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  registerCreateDeal(app, deps);
  registerListDeals(app, deps);
  registerGetDeal(app, deps);
  registerUpdateDeal(app, deps);
  registerCreateInvitation(app, deps);
  registerAcceptInvitation(app, deps);
};

function registerCreateDeal(app: App, deps: DealRoomDeps) {
  app.post(
    '/v1/deals',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['deals'],
        operationId: 'createDeal',
        summary: 'Create a deal; the caller’s organisation becomes the party of its side',
        body: CreateDealRequestSchema,
        response: { 201: DealSchema, ...problemResponses(400, 401, 403, 409, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const { deal, etag } = await deals.createDeal(deps, request.caller, request.body);
      return reply.code(201).header('etag', etag).header('location', `/v1/deals/${deal.id}`).send(deal);
    },
  );
}

function registerListDeals(app: App, deps: DealRoomDeps) {
  app.get(
    '/v1/deals',
    {
      schema: {
        tags: ['deals'],
        operationId: 'listDeals',
        summary: 'The deals the caller’s organisation is a party to, newest first',
        querystring: DealListQuerySchema,
        response: { 200: page(DealSchema), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => deals.listDeals(deps, request.caller, request.query),
  );
}

function registerGetDeal(app: App, deps: DealRoomDeps) {
  app.get(
    '/v1/deals/:dealId',
    {
      schema: {
        tags: ['deals'],
        operationId: 'getDeal',
        summary: 'A deal, with its parties, submissions and round',
        params: DealIdParamsSchema,
        response: { 200: DealSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const { deal, etag } = await deals.getDeal(deps, request.caller, request.params.dealId);
      return reply.header('etag', etag).send(deal);
    },
  );
}

function registerUpdateDeal(app: App, deps: DealRoomDeps) {
  app.patch(
    '/v1/deals/:dealId',
    {
      schema: {
        tags: ['deals'],
        operationId: 'updateDeal',
        summary: 'Change shared fields, or close the deal as won, lost or withdrawn',
        params: DealIdParamsSchema,
        headers: IfMatchHeaders,
        body: UpdateDealRequestSchema,
        response: { 200: DealSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 415, 429) },
      },
    },
    async (request, reply) => {
      const { deal, etag } = await deals.updateDeal(
        deps,
        request.caller,
        request.params.dealId,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etag).send(deal);
    },
  );
}

function registerCreateInvitation(app: App, deps: DealRoomDeps) {
  app.post(
    '/v1/deals/:dealId/invitations',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['deals'],
        operationId: 'createInvitation',
        summary: 'Issue a one-time invitation code for the other side (voids the previous one)',
        description:
          'With no body, the code is yours to pass on. With `email`, it is also sent there, with a link to the other side’s portal where a new organisation can sign up and join.',
        params: DealIdParamsSchema,
        body: CreateInvitationRequestSchema.optional(),
        response: { 201: InvitationSchema, ...problemResponses(400, 401, 403, 404, 409, 415, 429) },
      },
      // Fastify reads a request without a body as `null`; for this route that means "no options".
      preValidation: async (request) => {
        if (request.body === null || request.body === undefined) request.body = {};
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await deals.createInvitation(deps, request.caller, request.params.dealId, request.body ?? {})),
  );
}

function registerAcceptInvitation(app: App, deps: DealRoomDeps) {
  app.post(
    '/v1/invitations/accept',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['deals'],
        operationId: 'acceptInvitation',
        summary: 'Join a deal with an invitation code (organisations of the other side only)',
        body: AcceptInvitationRequestSchema,
        response: { 200: DealSchema, ...problemResponses(400, 401, 403, 404, 409, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const { deal, etag } = await deals.acceptInvitation(deps, request.caller, request.body.code);
      return reply.header('etag', etag).send(deal);
    },
  );
}
