import type { ContributionPartName, DB, DealRole } from '@cg/db';
import type { Insertable, Kysely, Updateable } from 'kysely';

/*
 * The queries of a side's deal team: its members, their contributions, the side's settings and
 * its stakeholder map. Every table here is confined to the caller's organisation by row-level
 * security; the explicit `organisation_id` conditions keep the plans on the indexes.
 */

export function findTeamMember(db: Kysely<DB>, dealId: string, userId: string) {
  return db
    .selectFrom('deal_team_members')
    .select(['role', 'asked_parts'])
    .where('deal_id', '=', dealId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function listTeam(db: Kysely<DB>, dealId: string, organisationId: string) {
  return db
    .selectFrom('deal_team_members as team')
    .innerJoin('users', 'users.id', 'team.user_id')
    .leftJoin('deal_contributions as contribution', (join) =>
      join
        .onRef('contribution.deal_id', '=', 'team.deal_id')
        .onRef('contribution.contributor_id', '=', 'team.user_id'),
    )
    .select([
      'team.user_id',
      'users.name',
      'users.email',
      'team.role',
      'team.asked_parts',
      'team.version',
      'team.created_at',
      'team.updated_at',
      'contribution.updated_at as contribution_updated_at',
    ])
    .where('team.deal_id', '=', dealId)
    .where('team.organisation_id', '=', organisationId)
    .orderBy('team.created_at')
    .orderBy('team.user_id')
    .execute();
}

export function findOrganisationUser(db: Kysely<DB>, organisationId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** People of the organisation not yet on the deal's team, by name. */
export function listTeamCandidates(db: Kysely<DB>, dealId: string, organisationId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role'])
    .where('organisation_id', '=', organisationId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deal_team_members as team')
            .select('team.user_id')
            .where('team.deal_id', '=', dealId)
            .whereRef('team.user_id', '=', 'users.id'),
        ),
      ),
    )
    .orderBy('name')
    .orderBy('id')
    .limit(500)
    .execute();
}

export function addOwner(db: Kysely<DB>, member: { dealId: string; organisationId: string; userId: string }) {
  return db
    .insertInto('deal_team_members')
    .values({
      deal_id: member.dealId,
      organisation_id: member.organisationId,
      user_id: member.userId,
      role: 'owner',
      added_by: member.userId,
    })
    .onConflict((conflict) => conflict.columns(['deal_id', 'user_id']).doUpdateSet({ role: 'owner' }))
    .execute();
}

/** Adds or changes a member; answers whether the row is new. */
export async function putTeamMember(
  db: Kysely<DB>,
  member: {
    deal_id: string;
    organisation_id: string;
    user_id: string;
    role: DealRole;
    asked_parts: ContributionPartName[];
    added_by: string;
  },
) {
  const row = await db
    .insertInto('deal_team_members')
    .values(member)
    .onConflict((conflict) =>
      conflict.columns(['deal_id', 'user_id']).doUpdateSet((eb) => ({
        role: eb.ref('excluded.role'),
        asked_parts: eb.ref('excluded.asked_parts'),
        updated_at: new Date(),
        version: eb('deal_team_members.version', '+', 1),
      })),
    )
    .returning(['version'])
    .executeTakeFirstOrThrow();
  return { created: row.version === 1 };
}

export async function removeTeamMember(db: Kysely<DB>, dealId: string, userId: string) {
  const result = await db
    .deleteFrom('deal_team_members')
    .where('deal_id', '=', dealId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function findContribution(db: Kysely<DB>, dealId: string, contributorId: string) {
  return db
    .selectFrom('deal_contributions')
    .selectAll()
    .where('deal_id', '=', dealId)
    .where('contributor_id', '=', contributorId)
    .executeTakeFirst();
}

export function listContributions(db: Kysely<DB>, dealId: string, organisationId: string) {
  return db
    .selectFrom('deal_contributions')
    .selectAll()
    .where('deal_id', '=', dealId)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function upsertContribution(db: Kysely<DB>, row: Insertable<DB['deal_contributions']>) {
  return db
    .insertInto('deal_contributions')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['deal_id', 'contributor_id']).doUpdateSet((eb) => ({
        content: eb.ref('excluded.content'),
        parts: eb.ref('excluded.parts'),
        contributor_name: eb.ref('excluded.contributor_name'),
        updated_at: new Date(),
        version: eb('deal_contributions.version', '+', 1),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function spreadShared(db: Kysely<DB>, dealId: string, organisationId: string) {
  const row = await db
    .selectFrom('deal_side_settings')
    .select('spread_shared')
    .where('deal_id', '=', dealId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row?.spread_shared ?? false;
}

export function setSpreadShared(db: Kysely<DB>, dealId: string, organisationId: string, shared: boolean) {
  return db
    .insertInto('deal_side_settings')
    .values({ deal_id: dealId, organisation_id: organisationId, spread_shared: shared })
    .onConflict((conflict) =>
      conflict
        .columns(['deal_id', 'organisation_id'])
        .doUpdateSet({ spread_shared: shared, updated_at: new Date() }),
    )
    .execute();
}

export function listStakeholders(db: Kysely<DB>, dealId: string, organisationId: string) {
  return db
    .selectFrom('deal_stakeholders')
    .selectAll()
    .where('deal_id', '=', dealId)
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute();
}

export function findStakeholder(db: Kysely<DB>, dealId: string, id: string) {
  return db
    .selectFrom('deal_stakeholders')
    .selectAll()
    .where('deal_id', '=', dealId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertStakeholder(db: Kysely<DB>, row: Insertable<DB['deal_stakeholders']>) {
  return db.insertInto('deal_stakeholders').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateStakeholder(
  db: Kysely<DB>,
  dealId: string,
  id: string,
  changes: Updateable<DB['deal_stakeholders']>,
) {
  return db
    .updateTable('deal_stakeholders')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('deal_id', '=', dealId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteStakeholder(db: Kysely<DB>, dealId: string, id: string) {
  const result = await db
    .deleteFrom('deal_stakeholders')
    .where('deal_id', '=', dealId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
