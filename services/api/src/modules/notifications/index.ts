/**
 * Notifications: a person's notification centre and preferences, the one-click unsubscribe
 * links (RFC 8058) and the scheduler of milestone reminders and daily digests. What happens on a
 * deal becomes notifications in the database (`notification_fan_out`, called by the unit of
 * work); the mail module sends the messages. The one door the app and other modules use.
 */

export { unsubscribeTokens } from '../../platform/unsubscribe-tokens.js';
export { default as notificationSchedulerPlugin } from './plugin.js';
export { notificationRoutes } from './routes.js';
export { unsubscribeRoutes } from './unsubscribe-routes.js';
