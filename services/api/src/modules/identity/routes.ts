import {
  AddMemberRequestSchema,
  ApiClientSummarySchema,
  ClientIdParamsSchema,
  CreateApiClientRequestSchema,
  CreatedApiClientSchema,
  MemberSchema,
  MeSchema,
  PageQuerySchema,
  page,
  RevokeRequestSchema,
  RevokeResponseSchema,
  SignupRequestSchema,
  SignupResponseSchema,
  TokenRequestSchema,
  TokenResponseSchema,
  UpdateMemberRequestSchema,
  UserIdParamsSchema,
} from '@cg/contracts';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../lib/openapi.js';
import * as identity from './service.js';

const NoContent = z.undefined().describe('Done.');

/** Sign-up and the OAuth 2.0 token endpoints: no access token needed. */
export const publicIdentityRoutes: FastifyPluginAsyncZod = async (app) => {
  // OAuth clients send form-urlencoded bodies; only these routes accept them.
  await app.register(formbody, { bodyLimit: 16_384 });

  app.post(
    '/v1/signup',
    {
      schema: {
        tags: ['identity'],
        operationId: 'signup',
        summary: 'Create an organisation and its first administrator',
        security: [],
        body: SignupRequestSchema,
        response: { 201: SignupResponseSchema, ...problemResponses(400, 409, 415, 429) },
      },
    },
    async (request, reply) => reply.code(201).send(await identity.signup(app, request.body, request.id)),
  );

  app.post(
    '/v1/auth/token',
    {
      schema: {
        tags: ['identity'],
        operationId: 'createToken',
        summary: 'Get an access token (password, refresh_token or client_credentials grant)',
        description:
          'JSON or `application/x-www-form-urlencoded`. Refresh tokens are single-use: each refresh returns a new one, and presenting a spent one revokes every token of its family.',
        security: [],
        body: TokenRequestSchema,
        response: { 200: TokenResponseSchema, ...problemResponses(400, 401, 415, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return identity.grantToken(app, request, request.body);
    },
  );

  app.post(
    '/v1/auth/revoke',
    {
      schema: {
        tags: ['identity'],
        operationId: 'revokeToken',
        summary: 'Revoke a refresh token (and every token of its family)',
        security: [],
        body: RevokeRequestSchema,
        response: { 200: RevokeResponseSchema, ...problemResponses(400, 415) },
      },
    },
    async (request) => identity.revokeToken(app, request.body.token, request.id),
  );
};

/** Routes that need an access token; authentication runs before the body is read. */
export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/me',
    {
      schema: {
        tags: ['identity'],
        operationId: 'getMe',
        summary: 'The caller: a person or an API client, and its organisation',
        response: { 200: MeSchema, ...problemResponses(401) },
      },
    },
    async (request) => identity.me(app, request.principal),
  );

  app.get(
    '/v1/organisation/members',
    {
      schema: {
        tags: ['identity'],
        operationId: 'listMembers',
        summary: 'List the organisation’s members (admins)',
        querystring: PageQuerySchema,
        response: { 200: page(MemberSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => identity.listMembers(app, request.principal, request.query),
  );

  app.post(
    '/v1/organisation/members',
    {
      schema: {
        tags: ['identity'],
        operationId: 'addMember',
        summary: 'Add a person to the organisation (admins)',
        body: AddMemberRequestSchema,
        response: { 201: MemberSchema, ...problemResponses(400, 401, 403, 409, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await identity.addMember(app, request.principal, request.body, request.id)),
  );

  app.patch(
    '/v1/organisation/members/:userId',
    {
      schema: {
        tags: ['identity'],
        operationId: 'updateMember',
        summary: 'Change a member’s role (admins); the last admin cannot be demoted',
        params: UserIdParamsSchema,
        body: UpdateMemberRequestSchema,
        response: { 200: MemberSchema, ...problemResponses(400, 401, 403, 404, 409, 415) },
      },
    },
    async (request) =>
      identity.changeMemberRole(app, request.principal, request.params.userId, request.body.role, request.id),
  );

  app.delete(
    '/v1/organisation/members/:userId',
    {
      schema: {
        tags: ['identity'],
        operationId: 'removeMember',
        summary: 'Remove a member (admins); the last admin cannot be removed',
        params: UserIdParamsSchema,
        response: { 204: NoContent, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await identity.removeMember(app, request.principal, request.params.userId, request.id);
      return reply.code(204).send();
    },
  );

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
    async (request) => identity.listApiClients(app, request.principal, request.query),
  );

  app.post(
    '/v1/api-clients',
    {
      schema: {
        tags: ['identity'],
        operationId: 'createApiClient',
        summary: 'Create a machine client for a partner integration (admins)',
        description: 'The `clientSecret` is shown in this reply only; the server keeps its SHA-256 hash.',
        body: CreateApiClientRequestSchema,
        response: { 201: CreatedApiClientSchema, ...problemResponses(400, 401, 403, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await identity.createApiClient(app, request.principal, request.body, request.id)),
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
      await identity.deleteApiClient(app, request.principal, request.params.clientId, request.id);
      return reply.code(204).send();
    },
  );
};
