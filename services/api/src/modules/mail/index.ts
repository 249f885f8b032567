/**
 * Mail: the worker that sends the outbox (through SMTP, or to the mailbox folder), and what each
 * message says. Use-cases queue mail through the unit of work (`effects.mail`, platform/mail-outbox).
 */
export { default as mailWorkerPlugin } from './plugin.js';
export { describeNotification, type NotificationFacts, portalOfSide } from './templates.js';
export { mailboxDir } from './transport.js';
