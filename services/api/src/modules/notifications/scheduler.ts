import type { Database } from '@cg/db';
import type { FastifyBaseLogger } from 'fastify';
import * as repo from './repository.js';

/*
 * The notification scheduler: every API process runs one (unless SCHEDULER_ENABLED=false), every
 * SCHEDULER_INTERVAL_MS. Each run
 *   - reminds the owner side of every milestone not done that is due within 48 hours
 *     (`milestone.due`) or overdue (`milestone.overdue`), once per milestone, due date and kind;
 *   - once a day, at or after DIGEST_HOUR_UTC, queues the daily digest of each verified person
 *     with notifications waiting for it.
 * Replicas share the work through `scheduled_runs`: a reminder's or a day's slot is taken with
 * `insert … on conflict do nothing` in the transaction that does its work, so of all replicas
 * exactly one does it, and work that did not commit is done again by the next run. Reminders go
 * out through `notify_people`, which notifies each person once per kind and cause whatever
 * happens, and mails those who want mail now.
 */

export interface SchedulerDeps {
  database: Database;
  config: { SCHEDULER_INTERVAL_MS: number; DIGEST_HOUR_UTC: number };
  log: FastifyBaseLogger;
  /** The clock: injectable, so tests can stand at any time of any day. */
  now?: () => Date;
}

interface SchedulerRun {
  dueReminders: number;
  overdueReminders: number;
  /** Notifications the reminders made (one per person of the owner side). */
  notified: number;
  /** Digest messages queued (0 except on the run that takes the day's slot). */
  digests: number;
}

export interface NotificationScheduler {
  start(): void;
  /** Stops the timer and waits for a run under way. */
  stop(): Promise<void>;
  /** One run now (what the timer does): for tests and for the timer. */
  runOnce(): Promise<SchedulerRun>;
}

const REMINDER_HORIZON_MS = 48 * 3600 * 1000;
/** Reminders per transaction, and transactions per run: a backlog is worked off over runs. */
const BATCH_SIZE = 100;
const MAX_BATCHES_PER_RUN = 20;

/** One batch of reminders, in one transaction: the slots taken and their notifications made together. */
function remindBatch(database: Database, now: Date) {
  return database.asSystem(async (trx) => {
    const pending = await repo.findPendingReminders(trx, {
      now,
      horizon: new Date(now.getTime() + REMINDER_HORIZON_MS),
      limit: BATCH_SIZE,
    });
    const taken = await repo.claimSlots(
      trx,
      pending.map((reminder) => ({ job: reminder.kind, slot: reminder.cause })),
    );
    const takenKeys = new Set(taken.map((slot) => `${slot.job} ${slot.slot}`));
    const mine = pending.filter((reminder) => takenKeys.has(`${reminder.kind} ${reminder.cause}`));
    const notified = await repo.notifyReminders(trx, mine);
    return {
      found: pending.length,
      due: mine.filter((reminder) => reminder.kind === 'milestone.due').length,
      overdue: mine.filter((reminder) => reminder.kind === 'milestone.overdue').length,
      notified,
    };
  });
}

async function sendReminders(database: Database, now: Date) {
  const totals = { dueReminders: 0, overdueReminders: 0, notified: 0 };
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const result = await remindBatch(database, now);
    totals.dueReminders += result.due;
    totals.overdueReminders += result.overdue;
    totals.notified += result.notified;
    if (result.found < BATCH_SIZE) break;
  }
  return totals;
}

/** The day's digest slot, `YYYY-MM-DD` in UTC, once the digest hour has come; undefined before. */
export function digestSlot(now: Date, digestHourUtc: number): string | undefined {
  return now.getUTCHours() >= digestHourUtc ? now.toISOString().slice(0, 10) : undefined;
}

function queueDailyDigest(database: Database, now: Date, digestHourUtc: number): Promise<number> {
  const slot = digestSlot(now, digestHourUtc);
  if (slot === undefined) return Promise.resolve(0);
  return database.asSystem(async (trx) => {
    const [taken] = await repo.claimSlots(trx, [{ job: 'digest', slot }]);
    return taken ? repo.queueDigests(trx) : 0;
  });
}

export function createNotificationScheduler(deps: SchedulerDeps): NotificationScheduler {
  const { database, config, log } = deps;
  const now = deps.now ?? (() => new Date());
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  async function runOnce(): Promise<SchedulerRun> {
    const at = now();
    const reminders = await sendReminders(database, at);
    const digests = await queueDailyDigest(database, at, config.DIGEST_HOUR_UTC);
    const run = { ...reminders, digests };
    if (run.dueReminders + run.overdueReminders + run.digests > 0) log.info(run, 'scheduler run');
    return run;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((error: unknown) => log.warn({ err: error }, 'scheduler run failed; the next run retries'))
        .finally(() => {
          running = undefined;
          schedule(config.SCHEDULER_INTERVAL_MS);
        });
    }, delayMs);
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
