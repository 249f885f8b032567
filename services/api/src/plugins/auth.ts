import { randomUUID } from 'node:crypto';
import { SCOPES, type Scope } from '@cg/contracts';
import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/problems.js';
import type { Principal } from '../platform/caller.js';
import type { Caller } from '../platform/unit-of-work.js';

const ACCESS_TOKEN_TYPE = 'access';

interface AccessTokenClaims {
  sub: string;
  org: string;
  kind: 'user' | 'client';
  typ: typeof ACCESS_TOKEN_TYPE;
  scope?: string;
  /** Users: the sign-in session (refresh-token family) the token belongs to. */
  sid?: string;
  jti: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    signAccessToken(principal: Principal): string;
    /** onRequest hook: requires a valid bearer access token and sets `request.principal`. */
    authenticate(request: FastifyRequest): Promise<void>;
  }
  interface FastifyRequest {
    principal: Principal;
    /** The principal with the request's own context, as services take it. */
    caller: Caller;
  }
}

function parseClaims(payload: unknown): Principal | undefined {
  const claims = payload as Partial<AccessTokenClaims>;
  if (claims.typ !== ACCESS_TOKEN_TYPE || typeof claims.sub !== 'string' || typeof claims.org !== 'string')
    return undefined;
  if (claims.kind !== 'user' && claims.kind !== 'client') return undefined;
  const tokenScopes =
    typeof claims.scope === 'string'
      ? (claims.scope.split(' ').filter((s) => (SCOPES as readonly string[]).includes(s)) as Scope[])
      : undefined;
  if (claims.kind === 'user' && typeof claims.sid !== 'string') return undefined;
  return {
    kind: claims.kind,
    id: claims.sub,
    organisationId: claims.org,
    tokenScopes,
    ...(claims.kind === 'user' ? { sessionId: claims.sid } : {}),
  };
}

const unauthenticated = () =>
  new AppError('unauthenticated', 'Send an access token as `Authorization: Bearer <token>`.', {
    headers: { 'www-authenticate': 'Bearer realm="common-ground"' },
  });

const invalidToken = () =>
  new AppError(
    'invalid-token',
    'The access token is invalid or has expired; get a new one from /v1/auth/token.',
    {
      headers: { 'www-authenticate': 'Bearer realm="common-ground", error="invalid_token"' },
    },
  );

/**
 * Access tokens are JWTs signed with HS256 and checked strictly: the algorithm is pinned (no
 * `none`, no RS/HS confusion), and issuer, audience, expiry and the token type are required.
 */
export default fp(
  async function authPlugin(app: FastifyInstance) {
    const { config } = app;
    await app.register(jwt, {
      secret: config.JWT_SECRET,
      sign: {
        algorithm: 'HS256',
        iss: config.JWT_ISSUER,
        aud: config.JWT_AUDIENCE,
        expiresIn: config.ACCESS_TOKEN_TTL_SECONDS,
      },
      verify: {
        algorithms: ['HS256'],
        allowedIss: config.JWT_ISSUER,
        allowedAud: config.JWT_AUDIENCE,
        requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub', 'typ'],
        // A token seen again is not verified again until it expires (an LRU of the last 1,000):
        // a caller sends the same token with every request. Whether its user or client still
        // exists is checked against the database on every request regardless.
        cache: 1000,
      },
    });

    app.decorate('signAccessToken', (principal: Principal) => {
      const claims: AccessTokenClaims = {
        sub: principal.id,
        org: principal.organisationId,
        kind: principal.kind,
        typ: ACCESS_TOKEN_TYPE,
        jti: randomUUID(),
        ...(principal.tokenScopes ? { scope: principal.tokenScopes.join(' ') } : {}),
        ...(principal.sessionId ? { sid: principal.sessionId } : {}),
      };
      return app.jwt.sign(claims);
    });

    app.decorateRequest('principal', null as unknown as Principal);
    app.decorateRequest('caller', null as unknown as Caller);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const header = request.headers.authorization;
      if (!header) throw unauthenticated();
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header);
      if (!match?.[1]) throw invalidToken();
      let payload: unknown;
      try {
        payload = app.jwt.verify(match[1]);
      } catch {
        throw invalidToken();
      }
      const principal = parseClaims(payload);
      if (!principal) throw invalidToken();
      request.principal = principal;
      request.caller = { principal, requestId: request.id };
    });
  },
  { name: 'auth', dependencies: ['errors'] },
);
