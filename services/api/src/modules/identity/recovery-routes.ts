import {
  AcceptedMemberInvitationSchema,
  AcceptedSchema,
  AcceptMemberInvitationRequestSchema,
  MemberInvitationPreviewSchema,
  MemberInvitationTokenRequestSchema,
  PasswordResetConfirmRequestSchema,
  PasswordResetRequestSchema,
  SignInCodeRequestSchema,
  UserSchema,
  VerifyEmailRequestSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../lib/openapi.js';
import { type Background, createBackground } from './background.js';
import { type IdentityDeps, identityDeps } from './dependencies.js';
import * as invitations from './member-invitations.js';
import * as reset from './password-reset.js';
import { requestSignInCode } from './sign-in-codes.js';
import { verifyEmail } from './verification.js';

/*
 * What a person does from an emailed link or before signing in: confirm the address, reset the
 * password, ask for a sign-in code, see and accept a member invitation. No access token; tokens
 * travel in POST bodies (as RFC 7662 does), never in URLs the logs keep.
 */

type RouteApp = Parameters<FastifyPluginAsyncZod>[0];
type Deps = IdentityDeps & { background: Background };

const NoContent = z.undefined().describe('Done.');
const requestContext = (request: { id: string; ip: string }) => ({ requestId: request.id, ip: request.ip });

function registerVerifyEmail(app: RouteApp, deps: Deps) {
  app.post(
    '/v1/auth/verify-email',
    {
      schema: {
        tags: ['identity'],
        operationId: 'verifyEmail',
        summary: 'Confirm an email address with the token of the emailed link',
        security: [],
        body: VerifyEmailRequestSchema,
        response: { 200: UserSchema, ...problemResponses(400, 415) },
      },
    },
    async (request) => verifyEmail(deps, requestContext(request), request.body.token),
  );
}

function registerPasswordReset(app: RouteApp, deps: Deps) {
  app.post(
    '/v1/auth/password-reset',
    {
      schema: {
        tags: ['identity'],
        operationId: 'requestPasswordReset',
        summary: 'Email a password reset link (valid 30 minutes, once)',
        description:
          'The answer is the same whether or not an account has the address. Throttled per client address and per email address.',
        security: [],
        body: PasswordResetRequestSchema,
        response: { 202: AcceptedSchema, ...problemResponses(400, 415, 429) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await reset.requestPasswordReset(deps, requestContext(request), request.body.email)),
  );
  app.post(
    '/v1/auth/password-reset/confirm',
    {
      schema: {
        tags: ['identity'],
        operationId: 'confirmPasswordReset',
        summary: 'Set a new password with the token of the emailed link; every session ends',
        security: [],
        body: PasswordResetConfirmRequestSchema,
        response: { 204: NoContent, ...problemResponses(400, 415) },
      },
    },
    async (request, reply) => {
      await reset.confirmPasswordReset(deps, requestContext(request), request.body);
      return reply.code(204).send();
    },
  );
}

function registerSignInCode(app: RouteApp, deps: Deps) {
  app.post(
    '/v1/auth/sign-in-code',
    {
      schema: {
        tags: ['identity'],
        operationId: 'requestSignInCode',
        summary: 'Email a one-time sign-in code (valid 10 minutes, once)',
        description:
          'The answer is the same whether or not an account has the address. Redeem the code at `POST /v1/auth/token` with `grant_type=urn:common-ground:params:oauth:grant-type:emailed-code`, or at `POST /v1/auth/session` with `{ email, code }`. A newer code voids the older; five wrong tries spend it.',
        security: [],
        body: SignInCodeRequestSchema,
        response: { 202: AcceptedSchema, ...problemResponses(400, 415, 429) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await requestSignInCode(deps, requestContext(request), request.body.email)),
  );
}

function registerMemberInvitationLinks(app: RouteApp, deps: Deps) {
  app.post(
    '/v1/auth/member-invitations/preview',
    {
      schema: {
        tags: ['identity'],
        operationId: 'previewMemberInvitation',
        summary: 'What a member invitation link offers: the organisation, the role, who invites',
        security: [],
        body: MemberInvitationTokenRequestSchema,
        response: { 200: MemberInvitationPreviewSchema, ...problemResponses(400, 415) },
      },
    },
    async (request) => invitations.previewInvitation(deps, request.body.token),
  );
  app.post(
    '/v1/auth/member-invitations/accept',
    {
      schema: {
        tags: ['identity'],
        operationId: 'acceptMemberInvitation',
        summary: 'Join the inviting organisation with a password of your own',
        security: [],
        body: AcceptMemberInvitationRequestSchema,
        response: { 201: AcceptedMemberInvitationSchema, ...problemResponses(400, 409, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await invitations.acceptInvitation(deps, requestContext(request), request.body)),
  );
}

/** The public routes of the emailed flows (registered where replies are never cached). */
export const recoveryRoutes: FastifyPluginAsyncZod = async (app) => {
  const background = createBackground(app.log);
  app.addHook('onClose', async () => background.drain());
  const deps: Deps = { ...identityDeps(app), background };
  registerVerifyEmail(app, deps);
  registerPasswordReset(app, deps);
  registerSignInCode(app, deps);
  registerMemberInvitationLinks(app, deps);
};
