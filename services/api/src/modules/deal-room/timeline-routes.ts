import { DealEventSchema, DealIdParamsSchema, PageQuerySchema, page } from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../lib/openapi.js';
import { dealRoomDeps } from './dependencies.js';
import { listTimeline } from './timeline.js';

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.get(
    '/v1/deals/:dealId/events',
    {
      schema: {
        tags: ['deals'],
        operationId: 'listDealEvents',
        summary: 'The deal’s shared timeline, newest first (both parties)',
        params: DealIdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: page(DealEventSchema), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) => listTimeline(deps, request.caller, request.params.dealId, request.query),
  );
};
