import type { CreateApiClientRequestSchema, Scope } from '@cg/contracts';
import type { z } from 'zod';
import { newId } from '../../lib/ids.js';
import { notFound } from '../../lib/problems.js';
import { newSecret, sha256Hex } from '../../lib/secrets.js';
import { requireAdmin } from '../../platform/scopes.js';
import { type Caller, withCaller } from '../../platform/unit-of-work.js';
import { adminPage, type PageQuery } from './admin-page.js';
import type { IdentityDeps } from './dependencies.js';
import * as repo from './repository.js';

/** The organisation's machine clients for partner integrations (administrators manage them). */

type Deps = Pick<IdentityDeps, 'database'>;

const CLIENT_SECRET_PREFIX = 'cgs_';

const clientView = (client: { id: string; name: string; scopes: string[]; created_at: Date }) => ({
  id: client.id,
  clientId: client.id,
  name: client.name,
  scopes: client.scopes as Scope[],
  createdAt: client.created_at.toISOString(),
});

export function createApiClient(
  deps: Deps,
  caller: Caller,
  input: z.output<typeof CreateApiClientRequestSchema>,
) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireAdmin(actor);
    const secret = newSecret(CLIENT_SECRET_PREFIX);
    const client = await repo.insertApiClient(trx, {
      id: newId('cli'),
      organisation_id: actor.organisationId,
      name: input.name,
      secret_hash: sha256Hex(secret),
      scopes: input.scopes,
      created_by: actor.id,
    });
    effects.audit('client.created', {
      subject: { type: 'api_client', id: client.id },
      detail: { scopes: input.scopes.join(' ') },
    });
    return { ...clientView(client), clientSecret: secret };
  });
}

export const listApiClients = (deps: Deps, caller: Caller, page: PageQuery) =>
  adminPage(deps, caller, page, repo.listApiClients, clientView);

export function deleteApiClient(deps: Deps, caller: Caller, clientId: string) {
  return withCaller(deps.database, caller, async (trx, actor, effects) => {
    requireAdmin(actor);
    if (!(await repo.deleteApiClient(trx, clientId))) throw notFound('API client');
    effects.audit('client.deleted', {
      subject: { type: 'api_client', id: clientId },
    });
  });
}
