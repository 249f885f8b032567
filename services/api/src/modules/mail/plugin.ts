import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { publicUrlOf } from '../../lib/public-url.js';
import { countPendingMail } from './repository.js';
import { mailboxTransport, smtpTransport } from './transport.js';
import { createMailWorker } from './worker.js';

/** Runs the mail worker beside the API, from `onReady` until `onClose`, sending through SMTP_URL or to the mailbox folder. */
export default fp(
  async function mailWorkerPlugin(app: FastifyInstance) {
    app.metricsGauges.set('mail_queue_depth', {
      help: 'Messages in the mail outbox not yet sent (due now or waiting for a retry).',
      read: () => app.database.asSystem((trx) => countPendingMail(trx)),
    });
    if (!app.config.MAIL_WORKER_ENABLED) return;
    const { config } = app;
    const transport = config.SMTP_URL
      ? smtpTransport(config.SMTP_URL, config.MAIL_FROM)
      : mailboxTransport(config.DATA_DIR, config.MAIL_FROM);
    const log = app.log.child({ component: 'mail-worker' });
    const worker = createMailWorker({
      database: app.database,
      keyring: app.keyring,
      transport,
      config,
      publicUrl: publicUrlOf(config),
      log,
    });
    app.addHook('onReady', async () => {
      log.info({ transport: transport.description }, 'mail goes to %s', transport.description);
      worker.start();
    });
    app.addHook('onClose', async () => {
      await worker.stop();
      transport.close();
    });
  },
  { name: 'mail-worker', dependencies: ['database', 'metrics'] },
);
