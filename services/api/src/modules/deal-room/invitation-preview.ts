import { notFound } from '../../lib/problems.js';
import { sha256Hex } from '../../lib/secrets.js';
import type { DealRoomDeps } from './dependencies.js';
import * as repo from './repository.js';

/**
 * What an invitation's link opens before anyone signs in: the deal's title, who invites and which
 * side may join — facts both parties share, never the deal's private inputs. The code is the
 * credential (160 random bits), looked up by its hash across organisations; a used, replaced or
 * expired one answers as an unknown one would, with a detail that says what to do.
 */
export async function previewInvitation(deps: Pick<DealRoomDeps, 'database'>, code: string) {
  const row = await deps.database.asSystem((trx) => repo.findInvitationPreview(trx, sha256Hex(code.trim())));
  const gone = !row || row.voided_at || row.expires_at.getTime() <= Date.now() || row.used_at;
  if (!row || gone || (row.sales_org_id && row.procurement_org_id)) {
    throw notFound(
      'invitation (it may have expired, been used, or been replaced by a newer one: ask for a new one)',
    );
  }
  return {
    deal: { title: row.title },
    invitedBy: { organisation: row.organisation_name, name: row.user_name ?? row.client_name },
    joinAs: row.organisation_side === 'sales' ? ('procurement' as const) : ('sales' as const),
    expiresAt: row.expires_at.toISOString(),
  };
}
