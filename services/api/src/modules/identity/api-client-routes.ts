import {
  ApiClientSummarySchema,
  ClientIdParamsSchema,
  CreateApiClientRequestSchema,
  CreatedApiClientSchema,
  PageQuerySchema,
  page,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdempotencyKeyHeaders, problemResponses } from '../../lib/openapi.js';
import * as apiClients from './api-clients.js';
import { identityDeps } from './dependencies.js';

const NoContent = z.undefined().describe('Done.');

export const apiClientRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = identityDeps(app);
  app.get(
    '/v1/api-clients',
    {
      schema: {
        tags: ['identity'],
        operationId: 'listApiClients',
        summary: 'List the organisation’s API clients (admins); secrets are never shown again',
        querystring: PageQuerySchema,
        response: { 200: page(ApiClientSummarySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => apiClients.listApiClients(deps, request.caller, request.query),
  );

  app.post(
    '/v1/api-clients',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['identity'],
        operationId: 'createApiClient',
        summary: 'Create a machine client for a partner integration (admins)',
        description: 'The `clientSecret` is shown in this reply only; the server keeps its SHA-256 hash.',
        body: CreateApiClientRequestSchema,
        response: { 201: CreatedApiClientSchema, ...problemResponses(400, 401, 403, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await apiClients.createApiClient(deps, request.caller, request.body)),
  );

  app.delete(
    '/v1/api-clients/:clientId',
    {
      schema: {
        tags: ['identity'],
        operationId: 'deleteApiClient',
        summary: 'Delete an API client (admins); its tokens stop working at once',
        params: ClientIdParamsSchema,
        response: { 204: NoContent, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await apiClients.deleteApiClient(deps, request.caller, request.params.clientId);
      return reply.code(204).send();
    },
  );
};
