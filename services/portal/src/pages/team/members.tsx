import type { Schemas } from '@cg/sdk';
import { useState } from 'react';
import { call } from '../../api.js';
import { CheckboxGroup, InlineSelect, Options, SelectField, SubmitButton } from '../../components/fields.js';
import { Alert, Badge, ConfirmButton, DataTable, ProblemAlert } from '../../components/ui.js';
import { useSession } from '../../context.js';
import { useAction, useResource } from '../../hooks.js';
import { type Deal, formatDateTime } from '../../labels.js';

export type DealTeam = Schemas['DealTeam'];
export type DealRole = Schemas['DealRole'];
export type ContributionPart = Schemas['ContributionPart'];

const DEAL_ROLES: readonly DealRole[] = ['owner', 'contributor', 'viewer'];
const DEAL_ROLE_LABELS: Readonly<Record<DealRole, string>> = {
  owner: 'Owner',
  contributor: 'Contributor',
  viewer: 'Viewer',
};
const CONTRIBUTION_PARTS: readonly ContributionPart[] = [
  'objectives',
  'operational',
  'financial',
  'informationSecurity',
  'nature',
];
export const PART_LABELS: Readonly<Record<ContributionPart, string>> = {
  objectives: 'Objectives',
  operational: 'Operational risk',
  financial: 'Financial risk',
  informationSecurity: 'Information security risk',
  nature: 'Nature of the purchase',
};

const partList = (parts: readonly ContributionPart[]) =>
  parts.length === CONTRIBUTION_PARTS.length
    ? 'Every part'
    : parts.map((part) => PART_LABELS[part]).join(', ');

/** Who is on the side's team, in which role; owners change roles and add colleagues. */
export function TeamPanel({ deal, team, onChanged }: { deal: Deal; team: DealTeam; onChanged: () => void }) {
  const session = useSession();
  const { problem, run } = useAction();
  const owner = team.you.role === 'owner';
  const path = (userId: string) => ({ path: { dealId: deal.id, userId } });
  const setRole = (member: DealTeam['members'][number], role: DealRole) =>
    run(
      () =>
        call(
          session.client.PUT('/v1/deals/{dealId}/team/{userId}', {
            params: path(member.userId),
            body: role === 'contributor' ? { role, askedParts: [...member.askedParts] } : { role },
          }),
        ),
      onChanged,
    );
  const remove = (userId: string) =>
    run(
      () => call(session.client.DELETE('/v1/deals/{dealId}/team/{userId}', { params: path(userId) })),
      onChanged,
    );
  return (
    <section className="panel" aria-labelledby="team-heading">
      <h2 id="team-heading">Your team</h2>
      <p className="muted">
        Only your organisation sees its team. You are {team.you.source === 'team' ? 'a' : 'acting as an'}{' '}
        <strong>{DEAL_ROLE_LABELS[team.you.role].toLowerCase()}</strong> of this deal.
      </p>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <DataTable columns={['Person', 'Role', 'Asked for', 'Contribution', owner ? 'Change' : '']}>
        {team.members.map((member) => (
          <tr key={member.userId}>
            <td>
              {member.name}
              <br />
              <span className="small muted">{member.email}</span>
            </td>
            <td>
              <InlineSelect
                id={`role-${member.userId}`}
                label={`Role of ${member.name}`}
                value={member.role}
                values={DEAL_ROLES}
                labels={DEAL_ROLE_LABELS}
                disabled={!owner}
                onChange={(role) => void setRole(member, role)}
              />
            </td>
            <td className="small">{member.role === 'contributor' ? partList(member.askedParts) : '—'}</td>
            <td className="small">
              {member.contribution ? (
                <Badge tone="good">Given {formatDateTime(member.contribution.updatedAt)}</Badge>
              ) : (
                <span className="muted">None yet</span>
              )}
            </td>
            <td>
              {owner ? (
                <ConfirmButton
                  label="Remove"
                  name={`Remove ${member.name}`}
                  confirmLabel="Yes, remove"
                  onConfirm={() => void remove(member.userId)}
                />
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {owner ? <AddToTeam deal={deal} version={team.members.length} onAdded={onChanged} /> : null}
    </section>
  );
}

/** An owner asks a colleague in: as contributor of some parts (a CISO: information security), or to read. */
function AddToTeam({ deal, onAdded, version }: { deal: Deal; onAdded: () => void; version: number }) {
  const session = useSession();
  const candidates = useResource(
    () =>
      call(
        session.client.GET('/v1/deals/{dealId}/team/candidates', { params: { path: { dealId: deal.id } } }),
      ),
    `candidates-${deal.id}-${version}`,
  );
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<DealRole>('contributor');
  const [parts, setParts] = useState<ContributionPart[]>([...CONTRIBUTION_PARTS]);
  const { busy, problem, notice, notify, submit } = useAction();
  const people = candidates.data?.data ?? [];
  const add = submit(
    () =>
      call(
        session.client.PUT('/v1/deals/{dealId}/team/{userId}', {
          params: { path: { dealId: deal.id, userId } },
          body: role === 'contributor' ? { role, askedParts: parts } : { role },
        }),
      ),
    (member) => {
      notify(`${member.name} is now a ${DEAL_ROLE_LABELS[member.role].toLowerCase()} of this deal.`);
      setUserId('');
      setRole('contributor');
      setParts([...CONTRIBUTION_PARTS]);
      onAdded();
    },
  );
  return (
    <form className="stack" onSubmit={add} aria-labelledby="add-team-heading">
      <h3 id="add-team-heading">Add a colleague</h3>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {problem ? <ProblemAlert problem={problem} /> : null}
      <div className="field-row">
        <SelectField
          id="team-person"
          label="Person"
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
        >
          <option value="">Choose…</option>
          {people.map((person) => (
            <option key={person.userId} value={person.userId}>
              {person.name} ({person.email}){person.organisationRole === 'viewer' ? ', a viewer' : ''}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="team-role"
          label="Role on this deal"
          value={role}
          onChange={(event) => setRole(event.target.value as DealRole)}
        >
          <Options values={DEAL_ROLES} labels={DEAL_ROLE_LABELS} />
        </SelectField>
      </div>
      {role === 'contributor' ? (
        <CheckboxGroup
          legend="Ask them for"
          options={CONTRIBUTION_PARTS}
          explanations={PART_LABELS}
          selected={parts}
          onChange={setParts}
        />
      ) : null}
      <SubmitButton busy={busy} busyLabel="Adding…" label="Add to the team" />
    </form>
  );
}
