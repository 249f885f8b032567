import {
  AppliedPlanTemplateSchema,
  ApplyPlanTemplateRequestSchema,
  DealIdParamsSchema,
  PlanTemplateListSchema,
  PlanTemplateParamsSchema,
  PlanTemplateSchema,
  SavePlanTemplateRequestSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdempotencyKeyHeaders, problemResponses } from '../../lib/openapi.js';
import { dealRoomDeps } from './dependencies.js';
import * as library from './plan-library.js';

/** Built-in and organisation plan templates; registered by `milestoneRoutes`. */
export const planTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.get(
    '/v1/plan-templates',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'listPlanTemplates',
        summary: 'Built-in plans and your organisation’s own, due relative to the decision date',
        response: { 200: PlanTemplateListSchema, ...problemResponses(401, 403, 429) },
      },
    },
    async (request) => library.listPlanTemplates(deps, request.caller),
  );

  app.post(
    '/v1/plan-templates',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['collaboration'],
        operationId: 'savePlanTemplate',
        summary: "Save a deal's plan as a template of your organisation",
        description:
          'Milestones and tasks that are not cancelled, with their dates relative to the decision date (absolute dates are converted when the deal has one). Only your organisation sees its templates.',
        body: SavePlanTemplateRequestSchema,
        response: { 201: PlanTemplateSchema, ...problemResponses(400, 401, 403, 404, 409, 415, 422, 429) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await library.savePlanTemplate(deps, request.caller, request.body)),
  );

  app.delete(
    '/v1/plan-templates/:templateId',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'deletePlanTemplate',
        summary: "Delete one of your organisation's plan templates",
        params: PlanTemplateParamsSchema,
        response: { 204: z.undefined().describe('Deleted.'), ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      await library.deletePlanTemplate(deps, request.caller, request.params.templateId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/v1/deals/:dealId/plan/apply-template',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['collaboration'],
        operationId: 'applyPlanTemplate',
        summary: "Add a template's milestones and tasks to the deal (either party)",
        params: DealIdParamsSchema,
        body: ApplyPlanTemplateRequestSchema,
        response: {
          201: AppliedPlanTemplateSchema,
          ...problemResponses(400, 401, 403, 404, 409, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const applied = await library.applyPlanTemplate(
        deps,
        request.caller,
        request.params.dealId,
        request.body.templateId,
      );
      return reply.code(201).send(applied);
    },
  );
};
