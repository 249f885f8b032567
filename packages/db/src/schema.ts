import type { ColumnType } from 'kysely';

/**
 * The database as Kysely sees it: one interface per table, added with the migration that
 * creates the table. Repositories use `Selectable<…>`, `Insertable<…>`, `Updateable<…>`.
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

interface OrganisationsTable {
  id: string;
  name: string;
  side: 'sales' | 'procurement';
  created_at: CreatedAt;
}

interface UsersTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: 'admin' | 'member' | 'viewer';
  password_hash: string;
  /** Null until the person follows the verification link (or joined through an emailed link). */
  email_verified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

interface ApiClientsTable {
  id: string;
  organisation_id: string;
  name: string;
  secret_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: CreatedAt;
}

interface RefreshTokensTable {
  id: string;
  organisation_id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

interface AuditEventsTable {
  id: string;
  organisation_id: string;
  /** Set by the chaining trigger. */
  seq: ColumnType<string | number, never, never>;
  occurred_at: CreatedAt;
  actor_type: 'user' | 'client' | 'system';
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
  request_id: string | null;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

type Side = 'sales' | 'procurement';

interface DealsTable {
  id: string;
  title: string;
  description: string | null;
  /** numeric: a string from node-postgres, a number from PGlite; written as a string. */
  value_amount: ColumnType<string | number | null, string | null, string | null>;
  value_currency: string | null;
  expected_decision_at: Timestamp | null;
  status: 'awaiting_counterparty' | 'assessing' | 'aligned' | 'won' | 'lost' | 'withdrawn';
  sales_org_id: string | null;
  procurement_org_id: string | null;
  created_by_org_id: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  closed_at: Timestamp | null;
  version: ColumnType<number, number | undefined, number>;
  round: ColumnType<number, number | undefined, number>;
  round_budget: number;
  report_ready: ColumnType<boolean, boolean | undefined, boolean>;
  sales_round_revision: number | null;
  procurement_round_revision: number | null;
  sales_revision: number | null;
  procurement_revision: number | null;
}

interface InvitationsTable {
  id: string;
  deal_id: string;
  organisation_id: string;
  code_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by_organisation_id: string | null;
  /** The user or API client that issued it. */
  created_by: string | null;
  voided_at: Timestamp | null;
}

interface DealKeysTable {
  deal_id: string;
  wrapped_key: string;
  master_key_id: string;
  created_at: CreatedAt;
  rewrapped_at: Timestamp | null;
}

interface AssessmentsTable {
  deal_id: string;
  side: Side;
  organisation_id: string;
  /** AES-256-GCM ciphertext of the assessment content (see encryption.ts). */
  content: string;
  /** Keyed hash of the canonical content, to tell "nothing changed" without decrypting. */
  content_fingerprint: string;
  status: 'draft' | 'submitted';
  etag: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

interface AssessmentSubmissionsTable {
  deal_id: string;
  side: Side;
  revision: number;
  organisation_id: string;
  round: number;
  content: string;
  content_fingerprint: string;
  submitted_at: CreatedAt;
}

interface AlignmentReportsTable {
  deal_id: string;
  version: number;
  round: number;
  algorithm: string;
  computed_at: CreatedAt;
  based_on_sales: number;
  based_on_procurement: number;
  disclosure: 'summary' | 'standard' | 'detailed';
  view_sales: ColumnType<Record<string, unknown>, string, never>;
  view_procurement: ColumnType<Record<string, unknown>, string, never>;
}

interface DealEventsTable {
  id: string;
  deal_id: string;
  occurred_at: CreatedAt;
  type: string;
  side: Side | null;
  data: ColumnType<Record<string, unknown>, string | undefined, never>;
}

interface MilestonesTable {
  id: string;
  deal_id: string;
  title: string;
  owner_side: Side;
  due_at: Timestamp | null;
  status: PlanStatus;
  /** Days from the deal's expected decision date; `due_at` follows that date when set. */
  due_relative_days: number | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: ColumnType<number, number | undefined, number>;
}

type PlanStatus = 'open' | 'in_progress' | 'done' | 'blocked' | 'cancelled';

interface MilestoneTasksTable {
  id: string;
  milestone_id: string;
  deal_id: string;
  title: string;
  /** A person of either party; `assignee_name` is their name, copied when assigned. */
  assignee_user_id: string | null;
  assignee_name: string | null;
  assignee_side: Side | null;
  status: PlanStatus;
  due_at: Timestamp | null;
  due_relative_days: number | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: ColumnType<number, number | undefined, number>;
}

interface PlanCommentsTable {
  id: string;
  deal_id: string;
  milestone_id: string;
  task_id: string | null;
  /** The user or API client who wrote it, with the name and side shown beside the comment. */
  author_id: string;
  author_name: string;
  author_side: Side;
  body: string;
  /** The user ids the text mentions (`@name`), people of either party. */
  mentions: ColumnType<string[], string[] | undefined, never>;
  created_at: CreatedAt;
}

interface IdempotencyKeysTable {
  /** Who may replay: the organisation and caller, or an address hash before sign-in. */
  scope: string;
  key: string;
  request_hash: string;
  /** committed: the write is done (marked in its own transaction) but its reply is not stored yet. */
  state: 'in_progress' | 'committed' | 'completed';
  /** While in progress: after this, the claim counts as abandoned (its process died). */
  locked_until: Timestamp | null;
  /** The stored reply, encrypted (it may hold a secret shown once). */
  response: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

type WebhookEventType =
  | 'deal.joined'
  | 'assessment.submitted'
  | 'round.opened'
  | 'alignment.ready'
  | 'milestone.changed'
  | 'deal.closed';

interface WebhookEndpointsTable {
  id: string;
  organisation_id: string;
  url: string;
  events: WebhookEventType[];
  /** The signing secret sealed under the master keyring (its key id included), bound to the endpoint id. */
  secret_sealed: string;
  /** After a rotation: the replaced secret, which keeps signing until `previous_secret_expires_at`. */
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Timestamp | null;
  secret_rotated_at: Timestamp | null;
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  disabled_at: Timestamp | null;
  disabled_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

interface WebhookDeliveriesTable {
  /** The `webhook-id` of every attempt of this event to this endpoint. */
  id: string;
  organisation_id: string;
  endpoint_id: string;
  deal_event_id: string;
  deal_id: string;
  event_type: WebhookEventType;
  status: ColumnType<
    'pending' | 'succeeded' | 'failed' | 'cancelled',
    'pending' | undefined,
    'pending' | 'succeeded' | 'failed' | 'cancelled'
  >;
  /** Attempts started so far (a claim counts one). */
  attempts: ColumnType<number, number | undefined, number>;
  /** When it is due; while an attempt is in flight, the end of that attempt's lease. */
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_attempt_at: Timestamp | null;
  completed_at: Timestamp | null;
  created_at: CreatedAt;
}

interface WebhookAttemptsTable {
  delivery_id: string;
  attempt: number;
  /** Insertion order, for the delivery log's pages. */
  seq: ColumnType<string | number, never, never>;
  organisation_id: string;
  endpoint_id: string;
  attempted_at: Timestamp;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  outcome: 'succeeded' | 'retrying' | 'failed';
  next_retry_at: Timestamp | null;
}

export type OneTimeTokenPurpose =
  | 'email_verification'
  | 'password_reset'
  | 'sign_in_code'
  | 'member_invitation';

interface OneTimeTokensTable {
  id: string;
  organisation_id: string;
  user_id: string | null;
  purpose: OneTimeTokenPurpose;
  email: string;
  token_hash: string;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  failed_attempts: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export const NOTIFICATION_KINDS = [
  'deal.joined',
  'assessment.submitted',
  'round.opened',
  'alignment.ready',
  'milestone.due',
  'milestone.overdue',
  'deal.closed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NotificationDelivery = 'email' | 'digest' | 'off';

interface NotificationsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  deal_id: string;
  kind: NotificationKind;
  cause: string;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  delivery: NotificationDelivery;
  created_at: CreatedAt;
  read_at: Timestamp | null;
  mailed_at: Timestamp | null;
}

interface NotificationPreferencesTable {
  user_id: string;
  organisation_id: string;
  kind: NotificationKind;
  delivery: NotificationDelivery;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type MailTemplate =
  | 'invitation'
  | 'member_invitation'
  | 'email_verification'
  | 'password_reset'
  | 'sign_in_code'
  | 'notification'
  | 'digest';

interface MailOutboxTable {
  id: string;
  organisation_id: string;
  to_address: string;
  template: MailTemplate;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  secret_sealed: string | null;
  notification_id: string | null;
  status: ColumnType<'pending' | 'sent' | 'failed', 'pending' | undefined, 'pending' | 'sent' | 'failed'>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

interface ScheduledRunsTable {
  job: string;
  slot: string;
  ran_at: CreatedAt;
}

export type DealRole = 'owner' | 'contributor' | 'viewer';
export type ContributionPartName =
  | 'objectives'
  | 'operational'
  | 'financial'
  | 'informationSecurity'
  | 'nature';

interface DealTeamMembersTable {
  deal_id: string;
  organisation_id: string;
  user_id: string;
  role: DealRole;
  /** For a contributor: the parts of the assessment it is asked for. */
  asked_parts: ColumnType<ContributionPartName[], ContributionPartName[] | undefined, ContributionPartName[]>;
  added_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: ColumnType<number, number | undefined, number>;
}

interface DealContributionsTable {
  id: string;
  deal_id: string;
  organisation_id: string;
  side: Side;
  contributor_id: string;
  /** Copied when written, so that a contribution still names its author after they leave. */
  contributor_name: string;
  /** Sealed with the deal's data key, bound to the deal, side and contributor. */
  content: string;
  parts: ContributionPartName[];
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: ColumnType<number, number | undefined, number>;
}

interface DealSideSettingsTable {
  deal_id: string;
  organisation_id: string;
  spread_shared: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

interface DealStakeholdersTable {
  id: string;
  deal_id: string;
  organisation_id: string;
  name: string;
  /** The party the person belongs to. */
  side: Side;
  role: 'economic_buyer' | 'technical_evaluator' | 'user' | 'legal' | 'procurement' | 'champion' | 'blocker';
  influence: 'low' | 'medium' | 'high';
  stance: 'supportive' | 'neutral' | 'opposed' | 'unknown';
  member_user_id: string | null;
  /** Sealed with the deal's data key: private input of the side. */
  notes: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: ColumnType<number, number | undefined, number>;
}

interface PlanTemplatesTable {
  id: string;
  organisation_id: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  approach: 'collaborative' | 'competitive';
  /** The template's steps as the API answers them (`PlanTemplate.milestones`). */
  milestones: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface DB {
  organisations: OrganisationsTable;
  users: UsersTable;
  api_clients: ApiClientsTable;
  refresh_tokens: RefreshTokensTable;
  audit_events: AuditEventsTable;
  deals: DealsTable;
  invitations: InvitationsTable;
  deal_keys: DealKeysTable;
  assessments: AssessmentsTable;
  assessment_submissions: AssessmentSubmissionsTable;
  alignment_reports: AlignmentReportsTable;
  deal_events: DealEventsTable;
  milestones: MilestonesTable;
  milestone_tasks: MilestoneTasksTable;
  plan_comments: PlanCommentsTable;
  deal_team_members: DealTeamMembersTable;
  deal_contributions: DealContributionsTable;
  deal_side_settings: DealSideSettingsTable;
  deal_stakeholders: DealStakeholdersTable;
  plan_templates: PlanTemplatesTable;
  idempotency_keys: IdempotencyKeysTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  one_time_tokens: OneTimeTokensTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  mail_outbox: MailOutboxTable;
  scheduled_runs: ScheduledRunsTable;
}
