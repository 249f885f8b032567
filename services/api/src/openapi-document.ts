import { openPglite } from '@cg/db';
import { buildApp } from './app.js';
import { parseConfig, resolveSecrets } from './config.js';
import { createLogger } from './logger.js';

/**
 * The OpenAPI document exactly as the server serves it, rendered as the committed file is: the
 * app is built with default settings on a throwaway in-memory database.
 */
export async function renderOpenApiDocument(): Promise<string> {
  const database = await openPglite({});
  const config = resolveSecrets({
    ...parseConfig({}),
    JWT_SECRET: 'document-generation-only-secret-0000000000',
    MASTER_KEY: Buffer.alloc(32).toString('base64'),
  });
  const app = await buildApp({ config, database, logger: createLogger({ level: 'silent' }) });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}
