import { AuditEventSchema, PageQuerySchema, page } from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../lib/openapi.js';
import { listAuditTrail } from './service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/audit-events',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEvents',
        summary: 'The organisation’s own audit trail, newest first (admins)',
        description:
          'Append-only and hash-chained: each entry’s `hash` covers the entry and the previous entry’s hash, so a changed or deleted entry shows.',
        querystring: PageQuerySchema,
        response: { 200: page(AuditEventSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listAuditTrail(app.database, request.caller, request.query),
  );
};
