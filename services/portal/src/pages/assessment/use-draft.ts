import type { DisclosureLevel, RiskCategory } from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { call, fieldErrors, type Problem, problemSlug } from '../../api.js';
import { useSession } from '../../context.js';
import { type Assessment, formatDateTime } from '../../labels.js';
import { guardLeaving } from '../../router.js';
import {
  EMPTY,
  type FormState,
  fromAssessment,
  hasUnfinishedAnswers,
  type Loaded,
  type ObjectiveDraft,
  type RiskDraft,
  remainingParts,
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

/** How the draft's autosave stands: nothing to save, saving, saved, or the last save failed. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** Autosave waits this long after the last change (and saves at once when a field loses focus). */
const AUTOSAVE_DELAY_MS = 1500;

const LEAVE_WARNING = 'Your latest changes to this assessment are not saved yet. Leave the page anyway?';

/** Warns before the page is left with unsaved changes: closing or reloading the tab, and in-app links. */
function useLeaveWarning(unsaved: { current: boolean }, unfinished: { current: boolean }) {
  useEffect(() => {
    const mustWarn = () => unsaved.current || unfinished.current;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!mustWarn()) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = LEAVE_WARNING;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const release = guardLeaving(() => (mustWarn() ? LEAVE_WARNING : null));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      release();
    };
  }, [unsaved, unfinished]);
}

/**
 * Saving the draft, one PUT at a time (each with the ETag the previous one returned): debounced
 * after changes, at once on blur or when asked. A save that overlapped further changes leaves the
 * draft unsaved, and the debounce of those changes saves it.
 */
function useAutosave(dealId: string, loaded: Loaded, form: FormState) {
  const session = useSession();
  const [saved, setSaved] = useState(loaded.assessment);
  const [saveState, setSaveState] = useState<SaveState>(loaded.assessment ? 'saved' : 'idle');
  const [problem, setProblem] = useState<Problem>();
  const latest = useRef({ form, etag: loaded.etag, changes: 0, savedChanges: 0, stored: loaded.assessment });
  latest.current.form = form;
  const unsaved = useRef(false);
  const unfinished = useRef(false);
  unfinished.current = hasUnfinishedAnswers(form);
  const queue = useRef<Promise<Assessment | null>>(Promise.resolve(null));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const put = async (): Promise<Assessment | null> => {
    const { form: current, etag, changes, savedChanges, stored: last } = latest.current;
    // Queued behind a save that already took these changes: nothing left to send.
    if (last && changes === savedChanges) return last;
    setSaveState('saving');
    const result = await call(
      session.client.PUT('/v1/deals/{dealId}/assessment', {
        params: { path: { dealId }, ...(etag ? { header: { 'if-match': etag } } : {}) },
        body: toInput(current),
      }),
    );
    if (!result.ok) {
      setProblem(saveProblem(result.problem));
      setSaveState('error');
      return null;
    }
    latest.current.etag = result.response.headers.get('etag');
    latest.current.savedChanges = changes;
    const stored = result.data as Assessment;
    latest.current.stored = stored;
    setSaved(stored);
    setProblem(undefined);
    unsaved.current = latest.current.changes !== changes;
    setSaveState(unsaved.current ? 'idle' : 'saved');
    return stored;
  };
  const save = () => {
    clearTimeout(timer.current);
    queue.current = queue.current.then(put);
    return queue.current;
  };
  const changed = () => {
    latest.current.changes += 1;
    unsaved.current = true;
    setSaveState((state) => (state === 'saving' ? state : 'idle'));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  };
  const saveIfChanged = () => {
    if (unsaved.current) void save();
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  useLeaveWarning(unsaved, unfinished);
  return {
    saved,
    saveState,
    unfinished: unfinished.current,
    problem,
    setProblem,
    unsaved,
    save,
    changed,
    saveIfChanged,
    settled: () => queue.current,
  };
}

/**
 * The assessment being edited: its answers, autosaved as a draft (which may be incomplete),
 * what remains to fill in before it can be submitted, submitting, and the API's issues by field.
 */
export function useAssessmentDraft(loaded: Loaded, onSubmitted: (result: Schemas['SubmitResult']) => void) {
  const session = useSession();
  const dealId = loaded.deal.id;
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<string>();
  const autosave = useRef<() => void>(() => undefined);
  const answers = useAnswers(loaded.assessment, () => {
    setNotice(undefined);
    autosave.current();
  });
  const draft = useAutosave(dealId, loaded, answers.form);
  autosave.current = draft.changed;
  const remaining = remainingParts(answers.form);

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('save');
    const stored = await draft.save();
    setBusy(null);
    if (stored)
      setNotice(`Draft saved at ${formatDateTime(stored.updatedAt)}. Nothing is shared until you submit.`);
  };

  const onSubmit = async () => {
    setBusy('submit');
    setNotice(undefined);
    const needsSave = draft.unsaved.current || !draft.saved;
    const stored = needsSave ? await draft.save() : await draft.settled();
    if (needsSave && !stored) {
      setBusy(null);
      return;
    }
    const result = await call(
      session.client.POST('/v1/deals/{dealId}/assessment/submit', { params: { path: { dealId } } }),
    );
    setBusy(null);
    if (result.ok) onSubmitted(result.data);
    else draft.setProblem(result.problem);
  };

  const errors = withLabels(fieldErrors(draft.problem));
  return {
    ...answers,
    saved: draft.saved,
    saveState: draft.saveState,
    unfinished: draft.unfinished,
    busy,
    problem: draft.problem,
    remaining,
    notice,
    errors,
    onSave,
    onSubmit,
    onBlur: draft.saveIfChanged,
  };
}
