import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The API package's folder: this module runs from `src/plugins/` under tsx and from `dist/` bundled. */
function apiRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('the API package has no package.json');
    dir = parent;
  }
  return dir;
}

export const PORTAL_DIST = `${path.join(apiRoot(), '..', 'portal', 'dist')}${path.sep}`;

/**
 * Serves the supplier and buyer portals (one static single-page app, built by `pnpm install`)
 * at `/`. Paths the app routes itself (`/supplier/...`, `/buyer/...`) get its index.html.
 */
export default fp(
  async function portalPlugin(app: FastifyInstance) {
    if (!existsSync(`${PORTAL_DIST}index.html`)) {
      app.log.warn(
        { dir: PORTAL_DIST },
        'the portal is not built (run `pnpm install` or `pnpm --filter @cg/portal build`)',
      );
      return;
    }
    await app.register(fastifyStatic, {
      root: PORTAL_DIST,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Hashed assets never change; the page itself always revalidates.
        res.header(
          'cache-control',
          filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    for (const prefix of ['/supplier', '/buyer']) {
      app.get(`${prefix}`, { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
      app.get(`${prefix}/*`, { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
    }
  },
  { name: 'portal', dependencies: ['errors'] },
);
