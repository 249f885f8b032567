import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createNotificationScheduler } from './scheduler.js';

/** Runs the notification scheduler beside the API, from `onReady` until `onClose` (unless SCHEDULER_ENABLED=false). */
export default fp(
  async function notificationSchedulerPlugin(app: FastifyInstance) {
    if (!app.config.SCHEDULER_ENABLED) return;
    const scheduler = createNotificationScheduler({
      database: app.database,
      config: app.config,
      log: app.log.child({ component: 'scheduler' }),
    });
    app.addHook('onReady', async () => scheduler.start());
    app.addHook('onClose', async () => scheduler.stop());
  },
  { name: 'notification-scheduler', dependencies: ['database'] },
);
