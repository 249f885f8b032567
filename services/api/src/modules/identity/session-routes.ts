import {
  EmptyObjectSchema,
  RevokeRequestSchema,
  RevokeResponseSchema,
  SessionRequestSchema,
  SessionResponseSchema,
  SignupRequestSchema,
  SignupResponseSchema,
  TokenRequestSchema,
  TokenResponseSchema,
} from '@cg/contracts';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdempotencyKeyHeaders, problemResponses } from '../../lib/openapi.js';
import { AppError } from '../../lib/problems.js';

import { type IdentityDeps, identityDeps } from './dependencies.js';
import * as sessions from './sessions.js';
import { emailedCodeGrant } from './sign-in-codes.js';

/** A request's own context, as the sign-in use-cases take it. */
const requestContext = (request: { id: string; ip: string }) => ({ requestId: request.id, ip: request.ip });

const NoContent = z.undefined().describe('Done.');

const REFRESH_COOKIE = 'cg_refresh';
const SESSION_PATH = '/v1/auth/session';

type RouteApp = Parameters<FastifyPluginAsyncZod>[0];
type SessionCookieOptions = ReturnType<typeof sessionCookieOptions>;

function registerSignup(app: RouteApp, deps: IdentityDeps) {
  app.post(
    '/v1/signup',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['identity'],
        operationId: 'signup',
        summary: 'Create an organisation and its first administrator',
        security: [],
        body: SignupRequestSchema,
        response: { 201: SignupResponseSchema, ...problemResponses(400, 409, 415, 429) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sessions.signup(deps, requestContext(request), request.body)),
  );
}

function registerCreateToken(app: RouteApp, deps: IdentityDeps) {
  app.post(
    '/v1/auth/token',
    {
      schema: {
        tags: ['identity'],
        operationId: 'createToken',
        summary: 'Get an access token (password, refresh_token, client_credentials or emailed-code grant)',
        description:
          'JSON or `application/x-www-form-urlencoded`. Refresh tokens are single-use: each refresh returns a new one, and presenting a spent one revokes every token of its family. The extension grant `urn:common-ground:params:oauth:grant-type:emailed-code` (RFC 6749 §4.5) takes `username` and the `code` mailed by `POST /v1/auth/sign-in-code`.',
        security: [],
        body: TokenRequestSchema,
        response: { 200: TokenResponseSchema, ...problemResponses(400, 401, 415, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return sessions.grantToken(deps, requestContext(request), request.body);
    },
  );
}

function registerRevokeToken(app: RouteApp, deps: IdentityDeps) {
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
    async (request) => sessions.revokeToken(deps, request.body.token, request.id),
  );
}

const sessionCookieOptions = (config: RouteApp['config']) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  // Secure when the public URL is https, and otherwise per request: 'auto' sets it when the
  // request arrived over https, directly or (with TRUST_PROXY) by the proxy's X-Forwarded-Proto.
  secure: config.PUBLIC_URL?.startsWith('https://') ? true : ('auto' as const),
  path: SESSION_PATH,
  maxAge: config.REFRESH_TOKEN_TTL_DAYS * 86_400,
});

const requireJson = async (request: FastifyRequest) => {
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new AppError('unsupported-media-type', 'Browser sessions accept JSON bodies only.');
  }
};

/** The refresh token goes into the cookie, never the body: page scripts must not see it. */
function startSession(
  reply: FastifyReply,
  cookieOptions: SessionCookieOptions,
  tokens: { refresh_token?: string; access_token: string; expires_in: number },
) {
  if (tokens.refresh_token) reply.setCookie(REFRESH_COOKIE, tokens.refresh_token, cookieOptions);
  reply.header('cache-control', 'no-store');
  return {
    access_token: tokens.access_token,
    token_type: 'Bearer' as const,
    expires_in: tokens.expires_in,
  };
}

function registerCreateSession(app: RouteApp, deps: IdentityDeps, cookieOptions: SessionCookieOptions) {
  app.post(
    SESSION_PATH,
    {
      preValidation: requireJson,
      schema: {
        tags: ['identity'],
        operationId: 'createSession',
        summary: 'Sign in a browser: access token in the body, refresh token in an httpOnly cookie',
        description:
          'With `{ email, password }`, or with `{ email, code }` and the code mailed by `POST /v1/auth/sign-in-code`.',
        security: [],
        body: SessionRequestSchema,
        response: { 200: SessionResponseSchema, ...problemResponses(400, 401, 415, 429) },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const tokens =
        'code' in body
          ? await emailedCodeGrant(deps, requestContext(request), body.email, body.code)
          : await sessions.passwordGrant(deps, requestContext(request), body.email, body.password);
      return startSession(reply, cookieOptions, tokens);
    },
  );
}

function registerRefreshSession(app: RouteApp, deps: IdentityDeps, cookieOptions: SessionCookieOptions) {
  app.post(
    `${SESSION_PATH}/refresh`,
    {
      preValidation: requireJson,
      schema: {
        tags: ['identity'],
        operationId: 'refreshSession',
        summary: 'Get a new access token with the session cookie (which rotates)',
        security: [],
        body: EmptyObjectSchema,
        response: { 200: SessionResponseSchema, ...problemResponses(400, 401, 415) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[REFRESH_COOKIE];
      if (!token) throw new AppError('unauthenticated', 'There is no session: sign in.');
      try {
        return startSession(
          reply,
          cookieOptions,
          await sessions.refreshGrant(deps, requestContext(request), token),
        );
      } catch (error) {
        reply.clearCookie(REFRESH_COOKIE, { path: SESSION_PATH });
        throw error;
      }
    },
  );
}

function registerDeleteSession(app: RouteApp, deps: IdentityDeps) {
  app.delete(
    SESSION_PATH,
    {
      schema: {
        tags: ['identity'],
        operationId: 'deleteSession',
        summary: 'Sign out: revoke the session’s refresh tokens and clear the cookie',
        security: [],
        response: { 204: NoContent, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[REFRESH_COOKIE];
      if (token) await sessions.revokeToken(deps, token, request.id);
      reply.clearCookie(REFRESH_COOKIE, { path: SESSION_PATH });
      return reply.code(204).send();
    },
  );
}

/** Sign-up and the OAuth 2.0 token endpoints: no access token needed. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = identityDeps(app);
  // OAuth clients send form-urlencoded bodies; only these routes accept them.
  await app.register(formbody, { bodyLimit: 16_384 });
  registerSignup(app, deps);
  registerCreateToken(app, deps);
  registerRevokeToken(app, deps);

  // Browser sessions for the portals: the access token lives in the page's memory, the refresh
  // token in an httpOnly, SameSite=Strict cookie scoped to these routes, so page scripts never
  // see it and other sites cannot send it. JSON bodies are required, which a cross-site form
  // cannot send without a CORS preflight that this API does not grant.
  await app.register(cookie);
  const cookieOptions = sessionCookieOptions(app.config);
  registerCreateSession(app, deps, cookieOptions);
  registerRefreshSession(app, deps, cookieOptions);
  registerDeleteSession(app, deps);
};
