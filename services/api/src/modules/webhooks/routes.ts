import {
  CreateWebhookEndpointRequestSchema,
  PageQuerySchema,
  page,
  WebhookDeliveryAttemptSchema,
  WebhookEndpointIdParamsSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdempotencyKeyHeaders, problemResponses } from '../../lib/openapi.js';
import type { WebhookDeps } from './service.js';
import * as webhooks from './service.js';

const NoContent = z.undefined().describe('Done.');
const WHO = 'Administrators, or API clients with `webhooks:manage`.';

type RouteApp = Parameters<FastifyPluginAsyncZod>[0];

function registerListEndpoints(app: RouteApp, deps: WebhookDeps) {
  app.get(
    '/v1/webhook-endpoints',
    {
      schema: {
        tags: ['webhooks'],
        operationId: 'listWebhookEndpoints',
        summary: 'The organisation’s webhook endpoints, newest first',
        description: `${WHO} Secrets are never shown again.`,
        querystring: PageQuerySchema,
        response: { 200: page(WebhookEndpointSchema), ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => webhooks.listEndpoints(deps, request.caller, request.query),
  );
}

function registerCreateEndpoint(app: RouteApp, deps: WebhookDeps) {
  app.post(
    '/v1/webhook-endpoints',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['webhooks'],
        operationId: 'createWebhookEndpoint',
        summary: 'Subscribe a URL to deal events',
        description: `${WHO} Events of every deal the organisation is a party to are POSTed to \`url\`, signed with the \`secret\` of this reply (shown once) following Standard Webhooks. The URL must be https on a public address: loopback, private and link-local targets are refused with 422.`,
        body: CreateWebhookEndpointRequestSchema,
        response: {
          201: WebhookEndpointWithSecretSchema,
          ...problemResponses(400, 401, 403, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const endpoint = await webhooks.createEndpoint(deps, request.caller, request.body);
      return reply.code(201).header('location', `/v1/webhook-endpoints/${endpoint.id}`).send(endpoint);
    },
  );
}

function registerGetEndpoint(app: RouteApp, deps: WebhookDeps) {
  app.get(
    '/v1/webhook-endpoints/:endpointId',
    {
      schema: {
        tags: ['webhooks'],
        operationId: 'getWebhookEndpoint',
        summary: 'A webhook endpoint',
        description: WHO,
        params: WebhookEndpointIdParamsSchema,
        response: { 200: WebhookEndpointSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => webhooks.getEndpoint(deps, request.caller, request.params.endpointId),
  );
}

function registerDeleteEndpoint(app: RouteApp, deps: WebhookDeps) {
  app.delete(
    '/v1/webhook-endpoints/:endpointId',
    {
      schema: {
        tags: ['webhooks'],
        operationId: 'deleteWebhookEndpoint',
        summary: 'Unsubscribe: delete a webhook endpoint and its pending deliveries',
        description: WHO,
        params: WebhookEndpointIdParamsSchema,
        response: { 204: NoContent, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      await webhooks.deleteEndpoint(deps, request.caller, request.params.endpointId);
      return reply.code(204).send();
    },
  );
}

function registerRotateEndpointSecret(app: RouteApp, deps: WebhookDeps) {
  app.post(
    '/v1/webhook-endpoints/:endpointId/rotate-secret',
    {
      // A retried rotation must not rotate twice: the secret of the lost reply would be dropped.
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['webhooks'],
        operationId: 'rotateWebhookEndpointSecret',
        summary: 'Replace the signing secret; the old one keeps signing for 24 hours',
        description: `${WHO} The new \`secret\` is shown in this reply only. Until \`previousSecretExpiresAt\`, \`webhook-signature\` carries two signatures (new and old secret), so receivers can switch without losing a message.`,
        params: WebhookEndpointIdParamsSchema,
        response: { 200: WebhookEndpointWithSecretSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => webhooks.rotateEndpointSecret(deps, request.caller, request.params.endpointId),
  );
}

function registerListDeliveries(app: RouteApp, deps: WebhookDeps) {
  app.get(
    '/v1/webhook-endpoints/:endpointId/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        operationId: 'listWebhookDeliveries',
        summary: 'The endpoint’s delivery log: each attempt, newest first',
        description: `${WHO} One entry per attempt: the event, the answer’s status code (or why there was none), when, and when the next retry is due.`,
        params: WebhookEndpointIdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: page(WebhookDeliveryAttemptSchema), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) =>
      webhooks.listDeliveryAttempts(deps, request.caller, request.params.endpointId, request.query),
  );
}

export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps: WebhookDeps = {
    database: app.database,
    keyring: app.keyring,
    config: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: app.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS },
  };
  registerListEndpoints(app, deps);
  registerCreateEndpoint(app, deps);
  registerGetEndpoint(app, deps);
  registerDeleteEndpoint(app, deps);
  registerRotateEndpointSecret(app, deps);
  registerListDeliveries(app, deps);
};
