import { HealthSchema, ProblemSchema } from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/problems.js';

const READY_TIMEOUT_MS = 2000;

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getLiveness',
        summary: 'The process is up',
        security: [],
        response: { 200: HealthSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getReadiness',
        summary: 'The service can reach its database',
        security: [],
        response: {
          200: HealthSchema,
          503: {
            description: 'The database is unreachable.',
            content: { 'application/problem+json': { schema: ProblemSchema } },
          },
        },
      },
    },
    async (request) => {
      try {
        await Promise.race([
          app.database.ping(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('ping timed out')), READY_TIMEOUT_MS).unref(),
          ),
        ]);
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        throw new AppError('service-unavailable', 'The database is unreachable.', {
          headers: { 'retry-after': '5' },
        });
      }
    },
  );
};
