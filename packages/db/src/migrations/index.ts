import type { Migration } from 'kysely';
import * as createAppRole from './2026_11_29_090000_create_app_role.js';
import * as createIdentity from './2026_11_29_100000_create_identity.js';
import * as createDeals from './2026_11_29_110000_create_deals.js';
import * as createMilestonesAndIdempotency from './2026_11_29_120000_create_milestones_and_idempotency.js';
import * as createWebhooks from './2026_11_29_130000_create_webhooks.js';
import * as indexCounterpartyVisibility from './2026_11_29_140000_index_counterparty_visibility.js';
import * as counterpartyCheckByIndex from './2026_11_29_150000_counterparty_check_by_index.js';
import * as organisationPartners from './2026_11_29_160000_organisation_partners.js';
import * as announceChanges from './2026_12_01_090000_announce_changes.js';
import * as announceSessionEnds from './2026_12_02_090000_announce_session_ends.js';
import * as createMailAndNotifications from './2026_12_02_100000_create_mail_and_notifications.js';
import * as announceTimelineEntries from './2026_12_02_100100_announce_timeline_entries.js';
import * as refineNotifications from './2026_12_02_110000_refine_notifications.js';
import * as planTasksAndComments from './2026_12_02_120000_plan_tasks_and_comments.js';
import * as dealTeams from './2026_12_03_090000_deal_teams.js';
import * as organisationPlanTemplates from './2026_12_04_090000_organisation_plan_templates.js';

// An explicit list instead of reading a folder: migrations ship with the code, in order, and a
// typo in a file name cannot silently skip one.
export const migrations: Record<string, Migration> = {
  '2026_11_29_090000_create_app_role': createAppRole,
  '2026_11_29_100000_create_identity': createIdentity,
  '2026_11_29_110000_create_deals': createDeals,
  '2026_11_29_120000_create_milestones_and_idempotency': createMilestonesAndIdempotency,
  '2026_11_29_130000_create_webhooks': createWebhooks,
  '2026_11_29_140000_index_counterparty_visibility': indexCounterpartyVisibility,
  '2026_11_29_150000_counterparty_check_by_index': counterpartyCheckByIndex,
  '2026_11_29_160000_organisation_partners': organisationPartners,
  '2026_12_01_090000_announce_changes': announceChanges,
  '2026_12_02_090000_announce_session_ends': announceSessionEnds,
  '2026_12_02_100000_create_mail_and_notifications': createMailAndNotifications,
  '2026_12_02_100100_announce_timeline_entries': announceTimelineEntries,
  '2026_12_02_110000_refine_notifications': refineNotifications,
  '2026_12_02_120000_plan_tasks_and_comments': planTasksAndComments,
  '2026_12_03_090000_deal_teams': dealTeams,
  '2026_12_04_090000_organisation_plan_templates': organisationPlanTemplates,
};
