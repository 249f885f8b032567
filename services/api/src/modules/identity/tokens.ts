import type { DB } from '@cg/db';
import type { Kysely } from 'kysely';
import { newId } from '../../lib/ids.js';
import { newSecret, sha256Hex } from '../../lib/secrets.js';
import type { IdentityDeps } from './dependencies.js';
import * as repo from './repository.js';

const REFRESH_TOKEN_PREFIX = 'cgr_';

/**
 * A person's token response: an access token and a refresh token of the session `familyId` (a
 * new session unless one is given), written in `trx`.
 */
export async function issueUserTokens(
  deps: Pick<IdentityDeps, 'config' | 'signAccessToken'>,
  trx: Kysely<DB>,
  user: { id: string; organisationId: string },
  familyId: string = newId('rtf'),
) {
  const refreshToken = newSecret(REFRESH_TOKEN_PREFIX);
  await repo.insertRefreshToken(trx, {
    id: newId('rt'),
    organisation_id: user.organisationId,
    user_id: user.id,
    family_id: familyId,
    token_hash: sha256Hex(refreshToken),
    expires_at: new Date(Date.now() + deps.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
  });
  return {
    access_token: deps.signAccessToken({
      kind: 'user',
      id: user.id,
      organisationId: user.organisationId,
      sessionId: familyId,
    }),
    token_type: 'Bearer' as const,
    expires_in: deps.config.ACCESS_TOKEN_TTL_SECONDS,
    refresh_token: refreshToken,
  };
}
