import {
  CreateMilestoneRequestSchema,
  DealIdParamsSchema,
  MilestoneHeadersSchema,
  MilestoneParamsSchema,
  MilestoneSchema,
  PageQuerySchema,
  page,
  UpdateMilestoneRequestSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdempotencyKeyHeaders, IfMatchHeaders, problemResponses } from '../../lib/openapi.js';
import { commentRoutes } from './comment-routes.js';
import { type DealRoomDeps, dealRoomDeps } from './dependencies.js';
import * as milestones from './milestones.js';
import { planTemplateRoutes } from './plan-template-routes.js';
import { taskRoutes } from './task-routes.js';

export const milestoneRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  await app.register(taskRoutes);
  await app.register(commentRoutes);
  await app.register(planTemplateRoutes);
  app.get(
    '/v1/deals/:dealId/milestones',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'listMilestones',
        summary: 'The mutual action plan, visible to both parties',
        params: DealIdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: page(MilestoneSchema), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) => milestones.listMilestones(deps, request.caller, request.params.dealId, request.query),
  );

  app.post(
    '/v1/deals/:dealId/milestones',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['collaboration'],
        operationId: 'createMilestone',
        summary: 'Add a milestone (either party)',
        params: DealIdParamsSchema,
        body: CreateMilestoneRequestSchema,
        response: { 201: MilestoneSchema, ...problemResponses(400, 401, 403, 404, 409, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const { milestone, etag } = await milestones.createMilestone(
        deps,
        request.caller,
        request.params.dealId,
        request.body,
      );
      return reply.code(201).header('etag', etag).send(milestone);
    },
  );

  registerGetMilestone(app, deps);

  app.patch(
    '/v1/deals/:dealId/milestones/:milestoneId',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'updateMilestone',
        summary: 'Edit or complete a milestone (either party)',
        params: MilestoneParamsSchema,
        headers: IfMatchHeaders,
        body: UpdateMilestoneRequestSchema,
        response: { 200: MilestoneSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 415, 429) },
      },
    },
    async (request, reply) => {
      const { milestone, etag } = await milestones.updateMilestone(
        deps,
        request.caller,
        request.params.dealId,
        request.params.milestoneId,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etag).send(milestone);
    },
  );

  app.delete(
    '/v1/deals/:dealId/milestones/:milestoneId',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'deleteMilestone',
        summary: 'Delete a milestone (either party)',
        params: MilestoneParamsSchema,
        response: { 204: z.undefined().describe('Deleted.'), ...problemResponses(401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      await milestones.deleteMilestone(
        deps,
        request.caller,
        request.params.dealId,
        request.params.milestoneId,
      );
      return reply.code(204).send();
    },
  );
};

type App = Parameters<FastifyPluginAsyncZod>[0];

function registerGetMilestone(app: App, deps: DealRoomDeps) {
  app.get(
    '/v1/deals/:dealId/milestones/:milestoneId',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'getMilestone',
        summary: 'One milestone of the plan with its ETag (304 for a matching If-None-Match)',
        params: MilestoneParamsSchema,
        headers: MilestoneHeadersSchema,
        response: {
          200: MilestoneSchema,
          304: z.undefined().describe('Not modified since the ETag in If-None-Match.'),
          ...problemResponses(400, 401, 403, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const result = await milestones.getMilestone(
        deps,
        request.caller,
        request.params.dealId,
        request.params.milestoneId,
        request.headers['if-none-match'],
      );
      reply.header('etag', result.etag);
      if (result.notModified) return reply.code(304).send();
      return reply.send(result.milestone);
    },
  );
}
