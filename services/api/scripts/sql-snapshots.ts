import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DB } from '@cg/db';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import { format } from 'sql-formatter';
import * as audit from '../src/modules/audit/repository.js';
import * as dealRoom from '../src/modules/deal-room/repository.js';
import * as identity from '../src/modules/identity/repository.js';
import * as mail from '../src/modules/mail/repository.js';
import * as notifications from '../src/modules/notifications/repository.js';
import * as webhooks from '../src/modules/webhooks/repository.js';
import { loadActor } from '../src/platform/caller.js';
import * as effects from '../src/platform/effects.js';
import * as idempotency from '../src/platform/idempotency/repository.js';

/*
 * SQL you can review (as immich does with its generated query files): every repository query,
 * compiled by Kysely with example arguments, is written to queries/<repository>.sql. The files
 * are committed and a test fails when they differ from what the code compiles, so a changed
 * statement — and so a changed plan — shows in the diff. `pnpm --filter @cg/api sql` writes them.
 */

export const QUERIES_DIR = fileURLToPath(new URL('../queries', import.meta.url));

/** A driver that runs nothing: it records each statement and answers with one empty row. */
class RecordingDriver implements Driver {
  constructor(private readonly sink: string[]) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const sink = this.sink;
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        sink.push(query.sql);
        return { rows: [{} as R], numAffectedRows: 1n };
      },
      async *streamQuery() {},
    };
  }
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

const ID = 'id_example';
const CLAIMED_MAIL: mail.ClaimedMail = {
  id: ID,
  organisation_id: ID,
  to_address: 'x',
  template: 'notification',
  params: {},
  secret_sealed: null,
  notification_id: ID,
  attempts: 1,
};
const WHEN = new Date(0);
type Example = (db: Kysely<DB>) => unknown;

const caller = { callerId: ID, callerOrganisationId: ID, callerSessionId: ID };

/** Each repository's queries, by name, with the arguments the use-cases pass. */
const CATALOGUE: Record<string, Record<string, Example>> = {
  caller: {
    'loadActor (user)': (db) => loadActor(db, { kind: 'user', id: ID, organisationId: ID, sessionId: ID }),
    'loadActor (client)': (db) => loadActor(db, { kind: 'client', id: ID, organisationId: ID }),
  },
  'deal-room': {
    'actorWithDeal (user)': () => dealRoom.actorWithDeal.user({ dealId: ID, ...caller }),
    findDeal: (db) => dealRoom.findDeal(db, ID),
    'findDealToWorkOn (locked)': (db) => dealRoom.findDealToWorkOn(db, ID, { lock: true }),
    'findDealToWorkOn (read)': (db) => dealRoom.findDealToWorkOn(db, ID, { lock: false }),
    listDeals: (db) =>
      dealRoom.listDeals(db, {
        side: 'sales',
        organisationId: ID,
        limit: 20,
        beforeId: ID,
        status: 'assessing',
      }),
    insertDeal: (db) =>
      dealRoom.insertDeal(db, {
        id: ID,
        title: 'x',
        description: null,
        value_amount: null,
        value_currency: null,
        expected_decision_at: null,
        status: 'awaiting_counterparty',
        sales_org_id: ID,
        procurement_org_id: null,
        created_by_org_id: ID,
        round_budget: 5,
      }),
    updateDeal: (db) => dealRoom.updateDeal(db, ID, { title: 'x', status: 'won', closed_at: WHEN }),
    voidOpenInvitations: (db) => dealRoom.voidOpenInvitations(db, ID),
    insertInvitation: (db) =>
      dealRoom.insertInvitation(db, {
        id: ID,
        deal_id: ID,
        organisation_id: ID,
        code_hash: 'x',
        expires_at: WHEN,
      }),
    findInvitationForUpdate: (db) => dealRoom.findInvitationForUpdate(db, 'x'),
    markInvitationUsed: (db) => dealRoom.markInvitationUsed(db, ID, ID),
    insertDealKey: (db) => dealRoom.insertDealKey(db, { deal_id: ID, wrapped_key: 'x', master_key_id: 'x' }),
    findAssessment: (db) => dealRoom.findAssessment(db, ID, 'sales'),
    upsertAssessment: (db) =>
      dealRoom.upsertAssessment(db, {
        deal_id: ID,
        side: 'sales',
        organisation_id: ID,
        content: 'x',
        content_fingerprint: 'x',
      }),
    markAssessmentSubmitted: (db) => dealRoom.markAssessmentSubmitted(db, ID, 'sales'),
    insertSubmission: (db) =>
      dealRoom.insertSubmission(db, {
        deal_id: ID,
        side: 'sales',
        revision: 1,
        organisation_id: ID,
        round: 1,
        content: 'x',
        content_fingerprint: 'x',
      }),
    findLatestSubmissionFingerprint: (db) => dealRoom.findLatestSubmissionFingerprint(db, ID, 'sales'),
    roundSubmissions: (db) => dealRoom.roundSubmissions(db, ID),
    lockKeysNotWrappedBy: (db) => dealRoom.lockKeysNotWrappedBy(db, 'x', 200),
    countKeysNotWrappedBy: (db) => dealRoom.countKeysNotWrappedBy(db, 'x'),
    replaceWrappedKey: (db) => dealRoom.replaceWrappedKey(db, ID, 'x', 'x'),
    insertReport: (db) =>
      dealRoom.insertReport(db, {
        deal_id: ID,
        version: 1,
        round: 1,
        algorithm: 'x',
        based_on_sales: 1,
        based_on_procurement: 1,
        disclosure: 'standard',
        view_sales: '{}',
        view_procurement: '{}',
      }),
    latestReportVersion: (db) => dealRoom.latestReportVersion(db, ID),
    listReports: (db) => dealRoom.listReports(db, ID, { limit: 20, beforeVersion: 2 }),
    'actorWithLatestReport (user)': () => dealRoom.actorWithLatestReport.user({ dealId: ID, ...caller }),
    listDealEvents: (db) => dealRoom.listDealEvents(db, ID, { limit: 20, beforeId: ID }),
    listDealEventsAfter: (db) => dealRoom.listDealEventsAfter(db, ID, { afterId: ID, limit: 100 }),
    findMilestone: (db) => dealRoom.findMilestone(db, ID, ID),
    listMilestones: (db) => dealRoom.listMilestones(db, ID, { limit: 20, afterId: ID }),
    insertMilestone: (db) =>
      dealRoom.insertMilestone(db, {
        id: ID,
        deal_id: ID,
        title: 'x',
        owner_side: 'sales',
        due_at: null,
        status: 'open',
      }),
    updateMilestone: (db) => dealRoom.updateMilestone(db, ID, ID, { title: 'x', status: 'done' }),
    deleteMilestone: (db) => dealRoom.deleteMilestone(db, ID, ID),
    moveRelativeDueDates: (db) => dealRoom.moveRelativeDueDates(db, ID, new Date(0)),
    taskProgress: (db) => dealRoom.taskProgress(db, ID, [ID]),
    findTask: (db) => dealRoom.findTask(db, ID, ID, ID),
    listTasks: (db) => dealRoom.listTasks(db, ID, ID, { limit: 20, afterId: ID }),
    insertTask: (db) =>
      dealRoom.insertTask(db, {
        id: ID,
        milestone_id: ID,
        deal_id: ID,
        title: 'x',
        assignee_user_id: null,
        assignee_name: null,
        assignee_side: 'sales',
        due_at: null,
        status: 'open',
      }),
    updateTask: (db) => dealRoom.updateTask(db, ID, ID, ID, { title: 'x', status: 'done' }),
    deleteTask: (db) => dealRoom.deleteTask(db, ID, ID, ID),
    findDealPartyMember: (db) => dealRoom.findDealPartyMember(db, ID, ID),
    insertPlanComment: (db) =>
      dealRoom.insertPlanComment(db, {
        id: ID,
        deal_id: ID,
        milestone_id: ID,
        task_id: null,
        author_id: ID,
        author_name: 'x',
        author_side: 'sales',
        body: 'x',
        mentions: [ID],
      }),
    listPlanComments: (db) =>
      dealRoom.listPlanComments(db, { dealId: ID, milestoneId: ID, taskId: ID }, { limit: 20, afterId: ID }),
    findMentionedPeople: (db) => dealRoom.findMentionedPeople(db, ID, 'x'),
  },
  effects: {
    appendAuditEntries: (db) =>
      effects.appendAuditEntries(db, [
        { organisationId: ID, actor: { type: 'user', id: ID }, action: 'x', requestId: 'x' },
      ]),
    recordDealEvents: (db) =>
      effects.recordDealEvents(db, [{ dealId: ID, type: 'deal.joined', side: 'sales' }]),
  },
  identity: {
    insertOrganisation: (db) => identity.insertOrganisation(db, { id: ID, name: 'x', side: 'sales' }),
    findOrganisation: (db) => identity.findOrganisation(db, ID),
    lockOrganisation: (db) => identity.lockOrganisation(db, ID),
    insertUser: (db) =>
      identity.insertUser(db, {
        id: ID,
        organisation_id: ID,
        email: 'x',
        name: 'x',
        role: 'admin',
        password_hash: 'x',
      }),
    findUserByEmail: (db) => identity.findUserByEmail(db, 'x'),
    findUser: (db) => identity.findUser(db, ID),
    listUsers: (db) => identity.listUsers(db, { limit: 20, afterId: ID }),
    countAdmins: (db) => identity.countAdmins(db),
    updateUserRole: (db) => identity.updateUserRole(db, ID, 'viewer'),
    deleteUser: (db) => identity.deleteUser(db, ID),
    insertApiClient: (db) =>
      identity.insertApiClient(db, {
        id: ID,
        organisation_id: ID,
        name: 'x',
        secret_hash: 'x',
        scopes: ['deals:read'],
        created_by: ID,
      }),
    findApiClient: (db) => identity.findApiClient(db, ID),
    listApiClients: (db) => identity.listApiClients(db, { limit: 20, afterId: ID }),
    deleteApiClient: (db) => identity.deleteApiClient(db, ID),
    insertRefreshToken: (db) =>
      identity.insertRefreshToken(db, {
        id: ID,
        organisation_id: ID,
        user_id: ID,
        family_id: ID,
        token_hash: 'x',
        expires_at: WHEN,
      }),
    findRefreshTokenForUpdate: (db) => identity.findRefreshTokenForUpdate(db, 'x'),
    markRefreshTokenUsed: (db) => identity.markRefreshTokenUsed(db, ID),
    revokeRefreshTokenFamily: (db) => identity.revokeRefreshTokenFamily(db, ID, ID),
    findAccountByEmail: (db) => identity.findAccountByEmail(db, 'x'),
    findCredentials: (db) => identity.findCredentials(db, ID),
    updatePasswordHash: (db) => identity.updatePasswordHash(db, ID, 'x'),
    markEmailVerified: (db) => identity.markEmailVerified(db, ID),
    'revokeUserSessions (all)': (db) => identity.revokeUserSessions(db, ID),
    'revokeUserSessions (but one)': (db) => identity.revokeUserSessions(db, ID, ID),
    insertOneTimeToken: (db) =>
      identity.insertOneTimeToken(db, {
        id: ID,
        organisation_id: ID,
        user_id: ID,
        purpose: 'password_reset',
        email: 'x',
        token_hash: 'x',
        expires_at: WHEN,
      }),
    voidOneTimeTokens: (db) =>
      identity.voidOneTimeTokens(db, { purpose: 'sign_in_code', email: 'x', organisationId: ID }),
    'findOneTimeToken (locked)': (db) => identity.findOneTimeToken(db, 'password_reset', 'x', { lock: true }),
    'findOneTimeToken (read)': (db) =>
      identity.findOneTimeToken(db, 'member_invitation', 'x', { lock: false }),
    findLiveSignInCodeForUpdate: (db) => identity.findLiveSignInCodeForUpdate(db, ID),
    markOneTimeTokenUsed: (db) => identity.markOneTimeTokenUsed(db, ID),
    recordWrongCode: (db) => identity.recordWrongCode(db, ID, 5),
  },
  idempotency: {
    claim: (db) => idempotency.claim(db, 'x', 'x', 'x', 24),
    findForUpdate: (db) => idempotency.findForUpdate(db, 'x', 'x'),
    reclaim: (db) => idempotency.reclaim(db, 'x', 'x', 'x', 24),
    complete: (db) => idempotency.complete(db, 'x', 'x', 'x'),
    markCommitted: (db) => idempotency.markCommitted(db, 'x', 'x'),
    release: (db) => idempotency.release(db, 'x', 'x'),
    deleteExpired: (db) => idempotency.deleteExpired(db),
  },
  audit: {
    listAuditEvents: (db) => audit.listAuditEvents(db, { limit: 20, beforeSeq: 2 }),
  },
  webhooks: {
    insertEndpoint: (db) =>
      webhooks.insertEndpoint(db, {
        id: ID,
        organisation_id: ID,
        url: 'x',
        events: ['deal.joined'],
        secret_sealed: 'x',
        created_by: ID,
      }),
    countEndpoints: (db) => webhooks.countEndpoints(db, ID),
    listEndpoints: (db) => webhooks.listEndpoints(db, { limit: 20, beforeId: ID }),
    findEndpoint: (db) => webhooks.findEndpoint(db, ID),
    deleteEndpoint: (db) => webhooks.deleteEndpoint(db, ID),
    rotateSecret: (db) => webhooks.rotateSecret(db, ID, 'x', WHEN),
    lockEndpointSecrets: (db) => webhooks.lockEndpointSecrets(db, { afterId: ID, limit: 100 }),
    replaceSealedSecrets: (db) => webhooks.replaceSealedSecrets(db, ID, { secret: 'x', previous: null }),
    listAttempts: (db) => webhooks.listAttempts(db, ID, { limit: 20, beforeSeq: 2 }),
    claimDueDeliveries: (db) => webhooks.claimDueDeliveries(db, { limit: 8, leaseSeconds: 20 }),
    'recordAttempt (retrying)': (db) =>
      webhooks.recordAttempt(db, {
        deliveryId: ID,
        attempt: 1,
        organisationId: ID,
        endpointId: ID,
        attemptedAt: WHEN,
        durationMs: 1,
        statusCode: 500,
        error: null,
        outcome: 'retrying',
        retryInSeconds: 5,
      }),
    disableEndpoint: (db) => webhooks.disableEndpoint(db, ID, 'x'),
    countPendingDeliveries: (db) => webhooks.countPendingDeliveries(db),
  },
  notifications: {
    listNotifications: (db) =>
      notifications.listNotifications(db, ID, { limit: 20, beforeId: ID, unreadOnly: true }),
    countUnread: (db) => notifications.countUnread(db, ID),
    markRead: (db) => notifications.markRead(db, ID, ID),
    markAllRead: (db) => notifications.markAllRead(db, ID),
    'listPreferences (locked)': (db) => notifications.listPreferences(db, ID, { lock: true }),
    savePreferences: (db) =>
      notifications.savePreferences(db, { userId: ID, organisationId: ID }, [
        { kind: 'deal.joined', delivery: 'off' },
      ]),
    findRecipient: (db) => notifications.findRecipient(db, ID),
    turnOffDigest: (db) => notifications.turnOffDigest(db, ID),
    findPendingReminders: (db) =>
      notifications.findPendingReminders(db, { now: WHEN, horizon: WHEN, limit: 100 }),
    claimSlots: (db) => notifications.claimSlots(db, [{ job: 'digest', slot: '2026-12-02' }]),
    notifyReminders: (db) =>
      notifications.notifyReminders(db, [
        {
          kind: 'milestone.due',
          cause: 'x',
          deal_id: ID,
          organisation_id: ID,
          milestone_id: ID,
          milestone_title: 'x',
          due_at: 'x',
        },
      ]),
    queueDigests: (db) => notifications.queueDigests(db),
  },
  mail: {
    claimDueMail: (db) => mail.claimDueMail(db, { limit: 4, leaseSeconds: 120 }),
    markMailSent: (db) => mail.markMailSent(db, CLAIMED_MAIL, [ID]),
    markMailRetrying: (db) => mail.markMailRetrying(db, CLAIMED_MAIL, 'x', 30),
    markMailFailed: (db) => mail.markMailFailed(db, CLAIMED_MAIL, 'x'),
    countPendingMail: (db) => mail.countPendingMail(db),
    findNotification: (db) => mail.findNotification(db, ID),
    findDigestNotifications: (db) => mail.findDigestNotifications(db, ID),
  },
};

const pretty = (statement: string) =>
  format(statement, { language: 'postgresql', keywordCase: 'lower', paramTypes: { numbered: ['$'] } });

/** The text of every snapshot file, by file name. */
export async function compileQueries(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const [repository, examples] of Object.entries(CATALOGUE)) {
    const sections: string[] = [];
    for (const [name, example] of Object.entries(examples)) {
      const sink: string[] = [];
      const db = new Kysely<DB>({
        dialect: {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => new RecordingDriver(sink),
          createIntrospector: (kysely) => new PostgresIntrospector(kysely),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        },
      });
      const result = await Promise.resolve(example(db)).catch(() => undefined);
      // A defined read (`defineActorRead`) is compiled, not run: its statement is the result.
      if (result && typeof result === 'object' && 'sql' in result) sink.push((result as CompiledQuery).sql);
      await db.destroy();
      sections.push(
        `-- ${repository}: ${name}\n${sink.map((statement) => `${pretty(statement)};`).join('\n\n')}`,
      );
    }
    files[`${repository}.sql`] =
      `-- Generated by services/api/scripts/sql-snapshots.ts: do not edit.\n\n${sections.join('\n\n')}\n`;
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await compileQueries();
  mkdirSync(QUERIES_DIR, { recursive: true });
  for (const stale of readdirSync(QUERIES_DIR)) if (!(stale in files)) rmSync(path.join(QUERIES_DIR, stale));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(QUERIES_DIR, name), text);
  process.stdout.write(`wrote ${Object.keys(files).length} files to ${QUERIES_DIR}\n`);
}
