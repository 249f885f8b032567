import {
  AcceptedSchema,
  ChangePasswordRequestSchema,
  CreateMemberInvitationRequestSchema,
  MemberInvitationSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdempotencyKeyHeaders, problemResponses } from '../../lib/openapi.js';
import { identityDeps } from './dependencies.js';
import { inviteMember } from './member-invitations.js';
import { changePassword } from './password-change.js';
import { resendVerification } from './verification.js';

const NoContent = z.undefined().describe('Done.');

/** The signed-in person's own account, and inviting members by email; authentication runs first. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = identityDeps(app);
  app.post(
    '/v1/me/verification-email',
    {
      schema: {
        tags: ['identity'],
        operationId: 'resendVerificationEmail',
        summary: 'Send the signed-in person a new link to confirm their address',
        description: '409 once the address is confirmed. Throttled per client address and per email address.',
        response: { 202: AcceptedSchema, ...problemResponses(401, 403, 409, 429) },
      },
    },
    async (request, reply) => reply.code(202).send(await resendVerification(deps, request.caller, request)),
  );

  app.post(
    '/v1/me/password',
    {
      schema: {
        tags: ['identity'],
        operationId: 'changePassword',
        summary: 'Change the password; every other session of the account ends',
        description:
          'A wrong `currentPassword` is a 400 whose `errors` point at it, and counts against the sign-in throttle (429).',
        body: ChangePasswordRequestSchema,
        response: { 204: NoContent, ...problemResponses(400, 401, 403, 415, 429) },
      },
    },
    async (request, reply) => {
      await changePassword(deps, request.caller, request, request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/v1/organisation/member-invitations',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['identity'],
        operationId: 'inviteMember',
        summary: 'Invite a person by email to join the organisation (admins with a confirmed address)',
        description:
          'The person chooses their own password through the emailed link (valid 7 days, once). 403 `email-unverified` until your own address is confirmed; 409 if the address already has an account.',
        body: CreateMemberInvitationRequestSchema,
        response: { 202: MemberInvitationSchema, ...problemResponses(400, 401, 403, 409, 415) },
      },
    },
    async (request, reply) => reply.code(202).send(await inviteMember(deps, request.caller, request.body)),
  );
};
