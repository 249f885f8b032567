import type { Database } from '@cg/db';
import { type UnsubscribeTokens, unsubscribeTokens } from '../../platform/unsubscribe-tokens.js';

/** What the notifications use-cases work with: plain values, never the web framework's. */
export interface NotificationDeps {
  database: Database;
  unsubscribeTokens: UnsubscribeTokens;
}

/** The module's dependencies picked from what the app holds (a plain object, built once). */
export const notificationDeps = (from: {
  database: Database;
  config: { JWT_SECRET: string };
}): NotificationDeps => ({
  database: from.database,
  unsubscribeTokens: unsubscribeTokens(from.config.JWT_SECRET),
});
