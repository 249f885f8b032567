import {
  CreateTaskRequestSchema,
  MilestoneParamsSchema,
  PageQuerySchema,
  page,
  TaskParamsSchema,
  TaskSchema,
  UpdateTaskRequestSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdempotencyKeyHeaders, IfMatchHeaders, problemResponses } from '../../lib/openapi.js';
import { dealRoomDeps } from './dependencies.js';
import * as tasks from './tasks.js';

/** Tasks inside a milestone of the mutual action plan; registered by `milestoneRoutes`. */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.get(
    '/v1/deals/:dealId/milestones/:milestoneId/tasks',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'listTasks',
        summary: "A milestone's tasks, visible to both parties",
        params: MilestoneParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: page(TaskSchema), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) => tasks.listTasks(deps, request.caller, request.params, request.query),
  );

  app.post(
    '/v1/deals/:dealId/milestones/:milestoneId/tasks',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['collaboration'],
        operationId: 'createTask',
        summary: 'Add a task to a milestone (either party)',
        params: MilestoneParamsSchema,
        body: CreateTaskRequestSchema,
        response: { 201: TaskSchema, ...problemResponses(400, 401, 403, 404, 409, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const { task, etag } = await tasks.createTask(deps, request.caller, request.params, request.body);
      return reply.code(201).header('etag', etag).send(task);
    },
  );

  app.patch(
    '/v1/deals/:dealId/milestones/:milestoneId/tasks/:taskId',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'updateTask',
        summary: 'Edit, assign or complete a task (either party)',
        params: TaskParamsSchema,
        headers: IfMatchHeaders,
        body: UpdateTaskRequestSchema,
        response: { 200: TaskSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const { task, etag } = await tasks.updateTask(
        deps,
        request.caller,
        request.params,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etag).send(task);
    },
  );

  app.delete(
    '/v1/deals/:dealId/milestones/:milestoneId/tasks/:taskId',
    {
      schema: {
        tags: ['collaboration'],
        operationId: 'deleteTask',
        summary: 'Delete a task (either party)',
        params: TaskParamsSchema,
        response: { 204: z.undefined().describe('Deleted.'), ...problemResponses(401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      await tasks.deleteTask(deps, request.caller, request.params);
      return reply.code(204).send();
    },
  );
};
