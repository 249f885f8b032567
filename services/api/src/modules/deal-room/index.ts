import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentRoutes } from './assessment-routes.js';
import { dealRoutes } from './deal-routes.js';
import { reportRoutes } from './report-routes.js';
import { streamRoutes } from './stream-routes.js';
import { teamRoutes } from './team-routes.js';
import { timelineRoutes } from './timeline-routes.js';

/**
 * The deal room: a deal shared by its two parties — its row and invitations, each side's private
 * assessment, the rounds and their reports, the shared timeline and the mutual action plan, and
 * the data key that seals the private inputs. The one door other modules and the app use.
 */
export const dealRoomRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(dealRoutes);
  await app.register(assessmentRoutes);
  await app.register(reportRoutes);
  await app.register(timelineRoutes);
  await app.register(streamRoutes);
  await app.register(teamRoutes);
};

export { rewrapDataKeys } from './data-keys.js';
export { invitationPreviewRoutes } from './invitation-preview-routes.js';
// Registered apart so that the document lists its routes where it always has (after webhooks).
export { milestoneRoutes } from './milestone-routes.js';
