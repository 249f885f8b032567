import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ReadCache } from '../platform/read-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    readCache: ReadCache;
  }
}

/** The process's cache of hot reads (`platform/read-cache.ts`), kept fresh by the database's change feed. */
export default fp(
  async function readCachePlugin(app: FastifyInstance) {
    const cache = new ReadCache(app.database.changes, app.config.READ_CACHE_MAX_ENTRIES);
    app.decorate('readCache', cache);
    app.metricsGauges.set('read_cache_entries', {
      help: 'Reads kept in the read cache.',
      read: async () => cache.size,
    });
    app.metricsGauges.set('read_cache_hits', {
      help: 'Read cache look-ups answered from it since the process started (the caller and the result count one each).',
      read: async () => cache.hits,
    });
    app.metricsGauges.set('read_cache_misses', {
      help: 'Read cache look-ups that found nothing since the process started.',
      read: async () => cache.misses,
    });
    app.addHook('onClose', async () => cache.close());
  },
  { name: 'read-cache', dependencies: ['database', 'metrics'] },
);
