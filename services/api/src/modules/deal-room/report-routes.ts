import { AlignmentSchema, DealIdParamsSchema, PageQuerySchema, page, ReadyReportSchema } from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../lib/openapi.js';
import { sendSerialized } from '../../lib/serialized.js';
import { dealRoomDeps } from './dependencies.js';
import { getAlignment, listAlignmentVersions } from './reports.js';

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.get(
    '/v1/deals/:dealId/alignment',
    {
      schema: {
        tags: ['alignment'],
        operationId: 'getAlignment',
        summary: 'The latest alignment report, as the effective disclosure level allows',
        description:
          'Before the first round closes: who the deal is waiting for, and nothing else. While a later round is open, the latest report comes with `pendingRound`.',
        params: DealIdParamsSchema,
        response: { 200: AlignmentSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request, reply) =>
      sendSerialized(reply, await getAlignment(deps, request.caller, request.params.dealId)),
  );

  app.get(
    '/v1/deals/:dealId/alignment/versions',
    {
      schema: {
        tags: ['alignment'],
        operationId: 'listAlignmentVersions',
        summary: 'Every report of the deal, newest first',
        params: DealIdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: page(ReadyReportSchema), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) => listAlignmentVersions(deps, request.caller, request.params.dealId, request.query),
  );
};
