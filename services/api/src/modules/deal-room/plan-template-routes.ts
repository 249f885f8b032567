import {
  AppliedPlanTemplateSchema,
  ApplyPlanTemplateRequestSchema,
  DealIdParamsSchema,
  PlanTemplateListSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdempotencyKeyHeaders, problemResponses } from '../../lib/openapi.js';
import { dealRoomDeps } from './dependencies.js';
import * as milestones from './milestones.js';

/** Built-in mutual action plans; registered by `milestoneRoutes`. */
export const planTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.get(
    '/v1/plan-templates',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'listPlanTemplates',
        summary: 'Built-in mutual action plans, due relative to the decision date',
        response: { 200: PlanTemplateListSchema, ...problemResponses(401, 403, 429) },
      },
    },
    async (request) => milestones.listPlanTemplates(deps, request.caller),
  );

  app.post(
    '/v1/deals/:dealId/plan/apply-template',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['collaboration'],
        operationId: 'applyPlanTemplate',
        summary: "Add a built-in plan's milestones and tasks to the deal (either party)",
        params: DealIdParamsSchema,
        body: ApplyPlanTemplateRequestSchema,
        response: {
          201: AppliedPlanTemplateSchema,
          ...problemResponses(400, 401, 403, 404, 409, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const applied = await milestones.applyPlanTemplate(
        deps,
        request.caller,
        request.params.dealId,
        request.body.templateId,
      );
      return reply.code(201).send(applied);
    },
  );
};
