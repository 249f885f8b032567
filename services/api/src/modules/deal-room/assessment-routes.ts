import {
  AssessmentDraftInputSchema,
  AssessmentReceiptSchema,
  AssessmentSchema,
  DealIdParamsSchema,
  SubmitResponseSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdempotencyKeyHeaders, IfMatchHeaders, problemResponses } from '../../lib/openapi.js';
import * as assessments from './assessments.js';
import { dealRoomDeps } from './dependencies.js';

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.put(
    '/v1/deals/:dealId/assessment',
    {
      schema: {
        tags: ['assessments'],
        operationId: 'putAssessment',
        summary: 'Save your side’s private assessment as a draft',
        description:
          'A draft may be incomplete: the parts present must be valid (400 names each invalid path), the missing ones are named when submitting (422). Only your organisation can ever read it back; the other side sees only the alignment report. Editing a submitted assessment makes a new draft; the submitted version stays in force until the next submit.',
        params: DealIdParamsSchema,
        headers: IfMatchHeaders,
        body: AssessmentDraftInputSchema,
        response: {
          200: z.union([AssessmentSchema, AssessmentReceiptSchema]),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const { body, etag } = await assessments.putAssessment(
        deps,
        request.caller,
        request.params.dealId,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etag).send(body);
    },
  );

  app.get(
    '/v1/deals/:dealId/assessment',
    {
      schema: {
        tags: ['assessments'],
        operationId: 'getAssessment',
        summary: 'Your own side’s assessment (there is no route to the other side’s)',
        params: DealIdParamsSchema,
        response: { 200: AssessmentSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const { body, etag } = await assessments.getAssessment(deps, request.caller, request.params.dealId);
      return reply.header('etag', etag).send(body);
    },
  );

  app.post(
    '/v1/deals/:dealId/assessment/submit',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['assessments'],
        operationId: 'submitAssessment',
        summary: 'Seal your current draft for the round',
        description:
          'An incomplete draft is refused with 422 and an `errors` list of the missing parts as JSON Pointers (`/objectives/2`, `/risks/financial`, `/nature`, `/disclosure`). In an open round the other side has not submitted to, a submit replaces your earlier one; if the other side has submitted, the round closes and its report is computed; after a report, changed content opens the next round (409 when nothing changed; 429 `round-budget-exhausted` beyond the budget).',
        params: DealIdParamsSchema,
        response: { 200: SubmitResponseSchema, ...problemResponses(401, 403, 404, 409, 422, 429) },
      },
    },
    async (request) => assessments.submitAssessment(deps, request.caller, request.params.dealId),
  );
};
