import {
  CreatePlanCommentRequestSchema,
  MilestoneParamsSchema,
  PlanCommentSchema,
  PlanCommentsQuerySchema,
  page,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdempotencyKeyHeaders, problemResponses } from '../../lib/openapi.js';
import * as comments from './comments.js';
import { dealRoomDeps } from './dependencies.js';

/** Comments on a milestone and its tasks; registered by `milestoneRoutes`. */
export const commentRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.get(
    '/v1/deals/:dealId/milestones/:milestoneId/comments',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'listPlanComments',
        summary: "A milestone's comments (and its tasks'), oldest first, visible to both parties",
        params: MilestoneParamsSchema,
        querystring: PlanCommentsQuerySchema,
        response: { 200: page(PlanCommentSchema), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) => comments.listComments(deps, request.caller, request.params, request.query),
  );

  app.post(
    '/v1/deals/:dealId/milestones/:milestoneId/comments',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['collaboration'],
        operationId: 'addPlanComment',
        summary: 'Comment on a milestone or one of its tasks, mentioning people with @name (either party)',
        params: MilestoneParamsSchema,
        body: CreatePlanCommentRequestSchema,
        response: { 201: PlanCommentSchema, ...problemResponses(400, 401, 403, 404, 409, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const comment = await comments.addComment(deps, request.caller, request.params, request.body);
      return reply.code(201).send(comment);
    },
  );
};
