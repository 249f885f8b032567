import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** Sources of gauges read at scrape time (e.g. the webhook queue), registered by their modules. */
    metricsGauges: Map<string, { help: string; read: () => Promise<number> }>;
  }
}

/**
 * Prometheus metrics at `GET /metrics` when `METRICS_ENABLED=true`: requests and their latency by
 * route (the route pattern, never the URL: ids would explode the label set), the database pool,
 * gauges other modules register, and Node.js's own (memory, heap, GC, event-loop delay). Off by default; put it behind the network, not the internet.
 */
export default fp(
  async function metricsPlugin(app: FastifyInstance) {
    app.decorate('metricsGauges', new Map());
    if (!app.config.METRICS_ENABLED) return;
    const registry = new Registry();
    // The process's own: resident memory, heap by space, garbage collection, event-loop delay.
    collectDefaultMetrics({ register: registry });
    const requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by method and route pattern.',
      labelNames: ['method', 'route'] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    const pool = new Gauge({
      name: 'db_pool_connections',
      help: 'Request pool connections by state (total, idle, waiting requests).',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = app.database.poolStats();
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
    void pool;
    app.addHook('onReady', async () => {
      for (const [name, source] of app.metricsGauges) {
        new Gauge({
          name,
          help: source.help,
          registers: [registry],
          async collect() {
            this.set(await source.read());
          },
        });
      }
    });

    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      if (route === '/metrics') return;
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    });
  },
  { name: 'metrics', dependencies: ['database'] },
);
