import { InvitationPreviewRequestSchema, InvitationPreviewSchema } from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../lib/openapi.js';
import { previewInvitation } from './invitation-preview.js';

/** Public: the page an emailed invitation opens shows this before the visitor has an account. */
export const invitationPreviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/invitations/preview',
    {
      schema: {
        tags: ['deals'],
        operationId: 'previewInvitation',
        summary: 'What an invitation code leads to: the deal’s title and who invites (no sign-in needed)',
        description:
          'POST, so that the code stays out of URLs and logs (as RFC 7662 does for tokens). A used, replaced or expired code answers 404.',
        security: [],
        body: InvitationPreviewRequestSchema,
        response: { 200: InvitationPreviewSchema, ...problemResponses(400, 404, 415, 429) },
      },
    },
    async (request) => previewInvitation({ database: app.database }, request.body.code),
  );
};
