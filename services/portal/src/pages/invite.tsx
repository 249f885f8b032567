import { otherSide } from '@cg/domain';
import { type FormEvent, useState } from 'react';
import { fieldErrors, problemSlug } from '../api.js';
import { TextAreaField, TextField } from '../components/fields.js';
import { Alert, CopyField, ProblemAlert } from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { type InvitationByEmail, type SentInvitation, sendInvitation } from '../endpoints.js';
import { useAction, useFields } from '../hooks.js';
import { type Deal, formatDateTime } from '../labels.js';
import { portalOfSide } from '../portals.js';
import { ResendVerification } from './account.js';

/*
 * Inviting the other side from the deal page: by email (the message carries the code and a link
 * to the other portal's join page), or a bare code to pass on through a channel of one's own.
 */

const FIELDS = ['email', 'name', 'message'];

function bodyOf(values: { email: string; name: string; message: string }): InvitationByEmail {
  const body: InvitationByEmail = { email: values.email.trim() };
  if (values.name.trim()) body.name = values.name.trim();
  if (values.message.trim()) body.message = values.message.trim();
  return body;
}

export function InvitePanel({ deal, onIssued }: { deal: Deal; onIssued: () => void }) {
  const session = useSession();
  const { portal } = usePortal();
  const fields = useFields({ email: '', name: '', message: '' });
  const [invitation, setInvitation] = useState<SentInvitation>();
  const [missingEmail, setMissingEmail] = useState(false);
  const { busy, problem, run, clear } = useAction();
  const other = portalOfSide(otherSide(portal.side));

  const issue = (body: InvitationByEmail) =>
    run(
      () => sendInvitation(session.client, deal.id, body),
      (data) => {
        setInvitation(data);
        if (data.emailedTo) fields.reset('email', 'name', 'message');
        onIssued();
      },
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    setMissingEmail(fields.values.email.trim() === '');
    if (fields.values.email.trim() !== '') void issue(bodyOf(fields.values));
  };

  const unverified = problem && problemSlug(problem) === 'email-unverified' ? problem : undefined;
  const errors = fieldErrors(problem);
  return (
    <section className="panel invite" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite the {other.noun}</h2>
      <p>
        The {other.noun} joins this deal in the {other.name.toLowerCase()} with a one-time code. Send it by
        email from here, or create a code and pass it on yourself; a new invitation voids the previous one.
      </p>
      {unverified ? (
        <Alert tone="warning" title={unverified.title}>
          <p>{unverified.detail}</p>
          <ResendVerification />
        </Alert>
      ) : problem ? (
        <ProblemAlert problem={problem} fields={FIELDS} />
      ) : null}
      {invitation ? <Issued invitation={invitation} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label="Their email"
          type="email"
          autoComplete="off"
          {...fields.bind('email')}
          error={
            errors.email ?? (missingEmail ? 'Enter their email address, or create a code only.' : undefined)
          }
        />
        <TextField
          label="Their name"
          hint="Optional: the message greets them by name."
          {...fields.bind('name')}
          error={errors.name}
        />
        <TextAreaField
          label="Personal note"
          hint="Optional: quoted in the message as you write it."
          rows={3}
          maxLength={1000}
          {...fields.bind('message')}
          error={errors.message}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Sending…' : 'Send invitation'}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void issue({})}>
            {invitation ? 'Create a new code' : 'Create a code only'}
          </button>
        </div>
      </form>
    </section>
  );
}

function Issued({ invitation }: { invitation: SentInvitation }) {
  return (
    <>
      <Alert
        tone="success"
        title={invitation.emailedTo ? `Sent to ${invitation.emailedTo}` : 'Invitation code created'}
      >
        <p>
          {invitation.emailedTo
            ? 'The message carries the code and a link to join. You can also pass the code on yourself.'
            : 'Pass the code on through a channel you trust.'}
        </p>
      </Alert>
      <CopyField
        label="Invitation code"
        value={invitation.code}
        hint={`Works once, until ${formatDateTime(invitation.expiresAt)}.`}
      />
    </>
  );
}
