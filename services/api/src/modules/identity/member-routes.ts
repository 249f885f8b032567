import {
  AddMemberRequestSchema,
  MemberSchema,
  MeSchema,
  PageQuerySchema,
  page,
  UpdateMemberRequestSchema,
  UserIdParamsSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdempotencyKeyHeaders, problemResponses } from '../../lib/openapi.js';

import { identityDeps } from './dependencies.js';
import * as members from './members.js';

const NoContent = z.undefined().describe('Done.');

/** Who the caller is, and the organisation's members; authentication runs before the body is read. */
export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = identityDeps(app);
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
    async (request) => members.me(deps, request.caller),
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
    async (request) => members.listMembers(deps, request.caller, request.query),
  );

  app.post(
    '/v1/organisation/members',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['identity'],
        operationId: 'addMember',
        summary: 'Add a person to the organisation (admins)',
        body: AddMemberRequestSchema,
        response: { 201: MemberSchema, ...problemResponses(400, 401, 403, 409, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await members.addMember(deps, request.caller, request.body)),
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
      members.changeMemberRole(deps, request.caller, request.params.userId, request.body.role),
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
      await members.removeMember(deps, request.caller, request.params.userId);
      return reply.code(204).send();
    },
  );
};
