import type { Database, Keyring } from '@cg/db';
import type { ReadCache } from '../../platform/read-cache.js';

/** What the deal room's use-cases work with: plain values, never the web framework's. */
export interface DealRoomDeps {
  database: Database;
  keyring: Keyring;
  readCache: ReadCache;
  config: {
    /** Rounds a new deal gets. */
    ROUND_BUDGET: number;
    INVITATION_TTL_DAYS: number;
  };
}

/** The deal room's dependencies picked from what the app holds (a plain object, built once). */
export const dealRoomDeps = (from: DealRoomDeps): DealRoomDeps => ({
  database: from.database,
  keyring: from.keyring,
  readCache: from.readCache,
  config: { ROUND_BUDGET: from.config.ROUND_BUDGET, INVITATION_TTL_DAYS: from.config.INVITATION_TTL_DAYS },
});
