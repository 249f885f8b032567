import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The Content-Security-Policy of every reply. The portal is a Vite build with no inline script
 * or style (its `index.html` loads one module and one stylesheet from `/assets/`), and Swagger
 * UI at `/docs` loads its scripts and styles from `/docs/static/`; both run under this policy as
 * it is (the Chromium test in `services/portal/test/e2e.test.ts` watches for violations). No
 * page may be framed by any origin: `frame-ancestors 'none'` (and `X-Frame-Options: DENY` for
 * browsers that predate it). No `upgrade-insecure-requests`: a plain-http deployment (local
 * development, a TLS-terminating proxy) must still load its own assets.
 */
const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

const HELMET_OPTIONS: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: Object.fromEntries(
      Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]]),
    ),
  },
  frameguard: { action: 'deny' },
};

/** Headers of every reply that are not helmet's, so a snapshot keeps helmet's alone. */
const NOT_HELMET = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

let snapshot: Promise<Readonly<Record<string, string>>> | undefined;

/**
 * The headers helmet sets with `HELMET_OPTIONS`, for replies written before a request reaches
 * the hooks (a URL the router cannot decode, a request line Node cannot parse). They are the
 * same for every request (no nonces), so they are read once from a throwaway instance.
 */
export function securityHeaders(): Promise<Readonly<Record<string, string>>> {
  snapshot ??= (async () => {
    const probe = Fastify({ logger: false });
    await probe.register(helmet, HELMET_OPTIONS);
    probe.get('/', async () => '');
    const reply = await probe.inject({ method: 'GET', url: '/' });
    await probe.close();
    return Object.freeze(
      Object.fromEntries(
        Object.entries(reply.headers)
          .filter(([name]) => !NOT_HELMET.has(name))
          .map(([name, value]) => [name, String(value)]),
      ),
    );
  })();
  return snapshot;
}

/**
 * An `onSend` hook for replies that carry credentials, secrets shown once or private inputs:
 * `Cache-Control: no-store`, so no browser or shared cache keeps them. A route that is meant to
 * be cached says so by setting its own Cache-Control.
 */
export async function noStore(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}

/**
 * Security headers on every reply, registered first so that even a reply refused by an early
 * hook (a rate limit, a missing token) or by the not-found handler carries them.
 */
export default fp(
  async function securityHeadersPlugin(app: FastifyInstance) {
    await app.register(helmet, HELMET_OPTIONS);
  },
  { name: 'security-headers' },
);
