import { useState } from 'react';
import { call } from '../../api.js';
import { SubmitButton, TextAreaField, TextField } from '../../components/fields.js';
import { Alert, ProblemAlert } from '../../components/ui.js';
import { useSession } from '../../context.js';
import { useAction, useFields } from '../../hooks.js';
import type { Deal } from '../../labels.js';

const dateOnly = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/**
 * An owner changes the deal's title, description, value and expected decision date. The change is
 * conditional on the version read when the form opened, so an edit by the other side in between is
 * refused (412) instead of overwritten; relative plan dates move with the decision date.
 */
export function EditDeal({ deal, onSaved }: { deal: Deal; onSaved: () => void }) {
  const session = useSession();
  const [etag, setEtag] = useState<string | null>(null);
  const { values, bind, set } = useFields({
    title: deal.title,
    description: deal.description ?? '',
    amount: deal.value ? String(deal.value.amount) : '',
    currency: deal.value?.currency ?? 'EUR',
    decision: dateOnly(deal.expectedDecisionAt),
  });
  const { busy, problem, notice, notify, run, submit } = useAction();
  // The form edits what the deal is now, and its ETag makes the save conditional on that version.
  const open = () =>
    run(
      async () => {
        const result = await call(
          session.client.GET('/v1/deals/{dealId}', { params: { path: { dealId: deal.id } } }),
        );
        if (!result.ok) return result;
        return { ...result, data: { fresh: result.data, etag: result.response.headers.get('etag') ?? '*' } };
      },
      ({ fresh, etag: read }) => {
        set({
          title: fresh.title,
          description: fresh.description ?? '',
          amount: fresh.value ? String(fresh.value.amount) : '',
          currency: fresh.value?.currency ?? 'EUR',
          decision: dateOnly(fresh.expectedDecisionAt),
        });
        setEtag(read);
      },
    );
  const save = submit(
    () =>
      call(
        session.client.PATCH('/v1/deals/{dealId}', {
          params: { path: { dealId: deal.id }, ...(etag ? { header: { 'if-match': etag } } : {}) },
          body: {
            title: values.title.trim(),
            description: values.description.trim() ? values.description.trim() : null,
            value: values.amount.trim()
              ? { amount: Number(values.amount), currency: values.currency.trim().toUpperCase() }
              : null,
            expectedDecisionAt: values.decision || null,
          },
        }),
      ),
    () => {
      setEtag(null);
      notify('The deal is updated for both sides.');
      onSaved();
    },
  );
  return (
    <section className="panel" aria-labelledby="edit-deal-heading">
      <h2 id="edit-deal-heading">Deal details</h2>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {problem ? (
        <ProblemAlert problem={problem} fields={['title', 'description', 'value', 'expectedDecisionAt']} />
      ) : null}
      {etag === null ? (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void open()}>
          Edit the deal
        </button>
      ) : (
        <form className="stack" onSubmit={save}>
          <TextField id="deal-title" label="Deal title" required maxLength={200} {...bind('title')} />
          <TextAreaField
            id="deal-description"
            label="Description"
            maxLength={5000}
            {...bind('description')}
          />
          <div className="field-row">
            <TextField id="deal-amount" label="Estimated value" inputMode="decimal" {...bind('amount')} />
            <TextField id="deal-currency" label="Currency" maxLength={3} {...bind('currency')} />
          </div>
          <TextField id="deal-decision" label="Expected decision" type="date" {...bind('decision')} />
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel="Saving…" label="Save the deal" />
            <button type="button" className="button secondary" onClick={() => setEtag(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
