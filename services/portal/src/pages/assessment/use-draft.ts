import type { DisclosureLevel, RiskCategory } from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { type FormEvent, useState } from 'react';
import { call, fieldErrors, type Problem, problemSlug } from '../../api.js';
import { useSession } from '../../context.js';
import { type Assessment, formatDateTime } from '../../labels.js';
import {
  EMPTY,
  type FormState,
  fromAssessment,
  type Loaded,
  type ObjectiveDraft,
  type RiskDraft,
  toInput,
  withLabels,
} from './draft.js';

export type Busy = 'save' | 'submit' | null;

const CHANGED_MEANWHILE =
  'Someone in your organisation changed this assessment after you opened it. Reload the page to see their version before saving yours.';

/** The API's problem, with a clearer detail when someone else saved the assessment meanwhile. */
function saveProblem(problem: Problem): Problem {
  return problemSlug(problem) === 'precondition-failed' ? { ...problem, detail: CHANGED_MEANWHILE } : problem;
}

/** The form's answers and the setters of each part; every change marks the draft dirty. */
function useAnswers(initial: Assessment | null, onChange: () => void) {
  const [form, setForm] = useState<FormState>(() => (initial ? fromAssessment(initial) : EMPTY));
  const update = (change: (draft: FormState) => FormState) => {
    setForm((previous) => change(previous));
    onChange();
  };
  const setObjective = (index: number, change: Partial<ObjectiveDraft>) =>
    update((draft) => {
      const objectives = [...draft.objectives] as FormState['objectives'];
      objectives[index] = { ...objectives[index], ...change } as ObjectiveDraft;
      return { ...draft, objectives };
    });
  const setRisk = (category: RiskCategory, change: Partial<RiskDraft>) =>
    update((draft) => ({
      ...draft,
      risks: { ...draft.risks, [category]: { ...draft.risks[category], ...change } },
    }));
  const setNature = (change: Partial<FormState['nature']>) =>
    update((draft) => ({ ...draft, nature: { ...draft.nature, ...change } }));
  const setDisclosure = (disclosure: DisclosureLevel) => update((draft) => ({ ...draft, disclosure }));
  return { form, setObjective, setRisk, setNature, setDisclosure };
}

/**
 * The assessment being edited: its answers, what was last saved (and its ETag), saving and
 * submitting, and the validation issues, the API's and the missing answers, keyed by field.
 */
export function useAssessmentDraft(loaded: Loaded, onSubmitted: (result: Schemas['SubmitResult']) => void) {
  const session = useSession();
  const dealId = loaded.deal.id;
  const [{ saved, etag }, setStored] = useState({ saved: loaded.assessment, etag: loaded.etag });
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<Problem>();
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string>();
  const answers = useAnswers(loaded.assessment, () => {
    setDirty(true);
    setNotice(undefined);
  });

  const save = async (): Promise<Assessment | null> => {
    const { input, missing: gaps } = toInput(answers.form);
    setMissing(gaps);
    setProblem(undefined);
    if (!input) return null;
    const result = await call(
      session.client.PUT('/v1/deals/{dealId}/assessment', {
        params: { path: { dealId }, ...(etag ? { header: { 'if-match': etag } } : {}) },
        body: input,
      }),
    );
    if (!result.ok) {
      setProblem(saveProblem(result.problem));
      return null;
    }
    if (!('objectives' in result.data)) return null;
    setStored({ saved: result.data, etag: result.response.headers.get('etag') });
    setDirty(false);
    return result.data;
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('save');
    const stored = await save();
    setBusy(null);
    if (stored)
      setNotice(`Draft saved at ${formatDateTime(stored.updatedAt)}. Nothing is shared until you submit.`);
  };

  const onSubmit = async () => {
    setBusy('submit');
    setNotice(undefined);
    if ((dirty || !saved) && !(await save())) {
      setBusy(null);
      return;
    }
    const result = await call(
      session.client.POST('/v1/deals/{dealId}/assessment/submit', { params: { path: { dealId } } }),
    );
    setBusy(null);
    if (result.ok) onSubmitted(result.data);
    else setProblem(result.problem);
  };

  const errors = { ...withLabels(fieldErrors(problem)), ...missing };
  const missingCount = Object.keys(missing).length;
  return { ...answers, saved, dirty, busy, problem, missingCount, notice, errors, onSave, onSubmit };
}
