import {
  DISCLOSURE_LEVEL_INFO,
  DISCLOSURE_LEVELS,
  type DisclosureLevel,
  IMPACT_LABELS,
  KRALJIC_QUADRANT_INFO,
  kraljicQuadrant,
  LIKELIHOOD_LABELS,
  NOTE_MAX_LENGTH,
  OBJECTIVE_CATEGORIES,
  OBJECTIVE_CATEGORY_INFO,
  type ObjectiveCategory,
  otherSide,
  RISK_BANDS,
  RISK_CATEGORIES,
  RISK_CATEGORY_LABELS,
  type RiskCategory,
} from '@cg/domain';
import type { Schemas } from '@cg/sdk';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { call, fieldErrors, type Problem, problemSlug, type Result } from '../api.js';
import {
  Alert,
  LoadError,
  Loading,
  PageHeading,
  ProblemAlert,
  SelectField,
  TextAreaField,
} from '../components/ui.js';
import { usePortal, useSession } from '../context.js';
import { usePageTitle, useResource } from '../hooks.js';
import {
  type Assessment,
  BUSINESS_IMPACT_LABELS,
  CLOSED_STATUSES,
  type Deal,
  formatDateTime,
  SUPPLY_RISK_LABELS,
} from '../labels.js';
import { portalOfSide } from '../portals.js';
import { Link, navigate } from '../router.js';

type AssessmentInput = Schemas['AssessmentContentInput'];

interface ObjectiveDraft {
  category: ObjectiveCategory | '';
  note: string;
}
interface RiskDraft {
  likelihood: number;
  impact: number;
  note: string;
}
interface FormState {
  objectives: [ObjectiveDraft, ObjectiveDraft, ObjectiveDraft];
  risks: Record<RiskCategory, RiskDraft>;
  nature: { supplyRisk: number; businessImpact: number };
  disclosure: DisclosureLevel | '';
}

const emptyRisk = (): RiskDraft => ({ likelihood: 0, impact: 0, note: '' });

const EMPTY: FormState = {
  objectives: [
    { category: '', note: '' },
    { category: '', note: '' },
    { category: '', note: '' },
  ],
  risks: { operational: emptyRisk(), financial: emptyRisk(), informationSecurity: emptyRisk() },
  nature: { supplyRisk: 0, businessImpact: 0 },
  disclosure: '',
};

function fromAssessment(assessment: Assessment): FormState {
  const objective = (index: 0 | 1 | 2): ObjectiveDraft => ({
    category: assessment.objectives[index]?.category ?? '',
    note: assessment.objectives[index]?.note ?? '',
  });
  const risk = (category: RiskCategory): RiskDraft => ({
    likelihood: assessment.risks[category].likelihood,
    impact: assessment.risks[category].impact,
    note: assessment.risks[category].note ?? '',
  });
  return {
    objectives: [objective(0), objective(1), objective(2)],
    risks: {
      operational: risk('operational'),
      financial: risk('financial'),
      informationSecurity: risk('informationSecurity'),
    },
    nature: { ...assessment.nature },
    disclosure: assessment.disclosure,
  };
}

/** Field ids are the API's JSON Pointers below /body, so its validation messages land on them. */
const fieldId = (path: string) => `field-${path.replaceAll('/', '-')}`;

const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(
    [0, 1, 2].flatMap((index) => [
      [`objectives/${index}/category`, `Objective ${index + 1}`],
      [`objectives/${index}/note`, `Note on objective ${index + 1}`],
    ]),
  ),
  ...Object.fromEntries(
    RISK_CATEGORIES.flatMap((category) => [
      [`risks/${category}/likelihood`, `${RISK_CATEGORY_LABELS[category]} likelihood`],
      [`risks/${category}/impact`, `${RISK_CATEGORY_LABELS[category]} impact`],
      [`risks/${category}/note`, `${RISK_CATEGORY_LABELS[category]} note`],
    ]),
  ),
  'nature/supplyRisk': 'Supply risk',
  'nature/businessImpact': 'Business impact',
  disclosure: 'Disclosure',
};

/** Missing answers, keyed like the API's validation paths; the body when nothing is missing. */
function toInput(form: FormState): { input?: AssessmentInput; missing: Record<string, string> } {
  const missing: Record<string, string> = {};
  form.objectives.forEach((objective, index) => {
    if (!objective.category) missing[`objectives/${index}/category`] = 'Choose an objective.';
  });
  for (const category of RISK_CATEGORIES) {
    if (!form.risks[category].likelihood) missing[`risks/${category}/likelihood`] = 'Choose a likelihood.';
    if (!form.risks[category].impact) missing[`risks/${category}/impact`] = 'Choose an impact.';
  }
  if (!form.nature.supplyRisk) missing['nature/supplyRisk'] = 'Choose a supply risk.';
  if (!form.nature.businessImpact) missing['nature/businessImpact'] = 'Choose a business impact.';
  if (!form.disclosure) missing.disclosure = 'Choose how much the report may reveal.';
  if (Object.keys(missing).length || !form.disclosure) return { missing };

  const objective = (draft: ObjectiveDraft): Schemas['AssessmentObjectiveInput'] => {
    const out: Schemas['AssessmentObjectiveInput'] = { category: draft.category as ObjectiveCategory };
    if (draft.note.trim()) out.note = draft.note.trim();
    return out;
  };
  const risk = (draft: RiskDraft): Schemas['RiskRatingInput'] => {
    const out: Schemas['RiskRatingInput'] = { likelihood: draft.likelihood, impact: draft.impact };
    if (draft.note.trim()) out.note = draft.note.trim();
    return out;
  };
  return {
    missing,
    input: {
      objectives: [
        objective(form.objectives[0]),
        objective(form.objectives[1]),
        objective(form.objectives[2]),
      ],
      risks: {
        operational: risk(form.risks.operational),
        financial: risk(form.risks.financial),
        informationSecurity: risk(form.risks.informationSecurity),
      },
      nature: { supplyRisk: form.nature.supplyRisk, businessImpact: form.nature.businessImpact },
      disclosure: form.disclosure,
    },
  };
}

/** The API names categories by code ("business_value"); people read their labels. */
function withLabels(errors: Record<string, string>): Record<string, string> {
  const named = (message: string) =>
    OBJECTIVE_CATEGORIES.reduce(
      (text, category) => text.replaceAll(`"${category}"`, `“${OBJECTIVE_CATEGORY_INFO[category].label}”`),
      message,
    );
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, named(message)]));
}

function severityBand(likelihood: number, impact: number) {
  const severity = likelihood * impact;
  return { severity, band: RISK_BANDS.find((band) => severity <= band.maxSeverity)?.band ?? 'critical' };
}

interface Loaded {
  deal: Deal;
  assessment: Assessment | null;
  etag: string | null;
}

async function loadBoth(session: ReturnType<typeof useSession>, dealId: string): Promise<Result<Loaded>> {
  const [deal, assessment] = await Promise.all([
    call(session.client.GET('/v1/deals/{dealId}', { params: { path: { dealId } } })),
    call(session.client.GET('/v1/deals/{dealId}/assessment', { params: { path: { dealId } } })),
  ]);
  if (!deal.ok) return deal;
  if (!assessment.ok) {
    if (assessment.problem.status === 404) {
      return { ok: true, data: { deal: deal.data, assessment: null, etag: null }, response: deal.response };
    }
    return assessment;
  }
  return {
    ok: true,
    data: { deal: deal.data, assessment: assessment.data, etag: assessment.response.headers.get('etag') },
    response: assessment.response,
  };
}

export function AssessmentPage({ dealId }: { dealId: string }) {
  const session = useSession();
  const { portal } = usePortal();
  const loaded = useResource(() => loadBoth(session, dealId), dealId);
  usePageTitle(`Assessment · ${loaded.data?.deal.title ?? 'Deal'}`);
  const dealPath = `${portal.basePath}/deals/${encodeURIComponent(dealId)}`;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`${portal.basePath}/deals`}>Deals</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={dealPath}>{loaded.data?.deal.title ?? 'Deal'}</Link>
      </p>
      <PageHeading>Your private assessment</PageHeading>
      {loaded.status === 'loading' ? <Loading label="Loading your assessment…" /> : null}
      {loaded.status === 'error' ? (
        <LoadError problem={loaded.problem} onRetry={() => void loaded.reload()} />
      ) : null}
      {loaded.status === 'ready' ? <AssessmentForm loaded={loaded.data} dealPath={dealPath} /> : null}
    </>
  );
}

function AssessmentForm({ loaded, dealPath }: { loaded: Loaded; dealPath: string }) {
  const session = useSession();
  const { portal, me } = usePortal();
  const { deal } = loaded;
  const [form, setForm] = useState<FormState>(() =>
    loaded.assessment ? fromAssessment(loaded.assessment) : EMPTY,
  );
  const [saved, setSaved] = useState<Assessment | null>(loaded.assessment);
  const [etag, setEtag] = useState<string | null>(loaded.etag);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [problem, setProblem] = useState<Problem>();
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string>();
  const summaryRef = useRef<HTMLDivElement>(null);

  const other = portalOfSide(otherSide(portal.side));
  const otherName = deal.parties[otherSide(portal.side)]?.name ?? `the ${other.noun}`;
  const closed = CLOSED_STATUSES.includes(deal.status);
  const readOnly = closed || me.role === 'viewer';
  const errors = { ...withLabels(fieldErrors(problem)), ...missing };
  const errorCount = Object.keys(errors).length;

  useEffect(() => {
    if (errorCount > 0) summaryRef.current?.focus();
  }, [errorCount]);

  const update = (change: (draft: FormState) => FormState) => {
    setForm((previous) => change(previous));
    setDirty(true);
    setNotice(undefined);
  };

  const save = async (): Promise<Assessment | null> => {
    const { input, missing: gaps } = toInput(form);
    setMissing(gaps);
    setProblem(undefined);
    if (!input) return null;
    const result = await call(
      session.client.PUT('/v1/deals/{dealId}/assessment', {
        params: { path: { dealId: deal.id }, ...(etag ? { header: { 'if-match': etag } } : {}) },
        body: input,
      }),
    );
    if (!result.ok) {
      setProblem(
        problemSlug(result.problem) === 'precondition-failed'
          ? {
              ...result.problem,
              detail:
                'Someone in your organisation changed this assessment after you opened it. Reload the page to see their version before saving yours.',
            }
          : result.problem,
      );
      return null;
    }
    if (!('objectives' in result.data)) return null;
    setSaved(result.data);
    setEtag(result.response.headers.get('etag'));
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
    if (dirty || !saved) {
      const stored = await save();
      if (!stored) {
        setBusy(null);
        return;
      }
    }
    const result = await call(
      session.client.POST('/v1/deals/{dealId}/assessment/submit', { params: { path: { dealId: deal.id } } }),
    );
    setBusy(null);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    const { outcome, round } = result.data;
    const flash =
      outcome === 'closed'
        ? `Submitted. Both sides are in: the report for round ${round} is ready.`
        : outcome === 'opened'
          ? `Submitted. You opened round ${round}; its report waits for ${otherName}.`
          : outcome === 'replaced'
            ? `Submitted. Your new answers replace your earlier submission for round ${round}.`
            : `Submitted for round ${round}. The report is computed once ${otherName} submits too.`;
    navigate(dealPath, { flash });
  };

  const statusLine = saved
    ? saved.status === 'submitted'
      ? `Submitted (submission ${saved.revision}), last changed ${formatDateTime(saved.updatedAt)}.`
      : deal.submissions[portal.side].revision
        ? `Draft with changes since your last submission, saved ${formatDateTime(saved.updatedAt)}. Your submission ${deal.submissions[portal.side].revision} stays in force until you submit again.`
        : `Draft, saved ${formatDateTime(saved.updatedAt)}. Not submitted yet.`
    : 'Not started.';

  const summaryItems = Object.entries(errors).map(([path, message]) => ({
    path,
    label: FIELD_LABELS[path],
    message,
  }));

  const quadrant =
    form.nature.supplyRisk && form.nature.businessImpact
      ? kraljicQuadrant(form.nature.supplyRisk, form.nature.businessImpact)
      : undefined;

  return (
    <>
      <div className="privacy-callout">
        <svg className="privacy-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <rect x="4" y="10" width="16" height="11" rx="2" />
          <path d="M8 10V7a4 4 0 0 1 8 0v3" />
        </svg>
        <div>
          <p className="privacy-title">Only {me.organisation.name} can see these answers.</p>
          <p>
            {otherName} never sees them — not your objectives, notes, ratings or disclosure choice. Once both
            sides have submitted, both see only the alignment report worked out from the two assessments.
          </p>
        </div>
      </div>
      <p className="status-line">
        <strong>{deal.title}</strong> · Round {deal.round.number} of {deal.round.budget} · {statusLine}
      </p>
      {readOnly ? (
        <Alert tone="info">
          {closed
            ? 'This deal is closed; its assessment can no longer change.'
            : 'Viewers can read but not change assessments.'}
        </Alert>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {errorCount > 0 ? (
        <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p className="alert-title">
            {problem && !Object.keys(missing).length ? problem.title : 'Some answers need attention'}
          </p>
          <ul>
            {summaryItems.map((item) => (
              <li key={item.path}>
                {item.label ? <a href={`#${fieldId(item.path)}`}>{item.label}</a> : null}
                {item.label ? ': ' : ''}
                {item.message}
              </li>
            ))}
          </ul>
        </div>
      ) : problem ? (
        <ProblemAlert problem={problem} />
      ) : null}

      <form className="assessment" onSubmit={(event) => void onSave(event)} noValidate>
        <fieldset disabled={readOnly || busy !== null} className="plain">
          <section className="panel" aria-labelledby="objectives-heading">
            <h2 id="objectives-heading">Objectives</h2>
            <p className="muted">
              Your three objectives for this deal, most important first. Only objectives both sides chose are
              ever named in the report.
            </p>
            <div className="objective-grid">
              {form.objectives.map((objective, index) => {
                const path = `objectives/${index}/category`;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the three objective slots are fixed positions
                  <div key={index} className="objective">
                    <SelectField
                      id={fieldId(path)}
                      label={`Objective ${index + 1}`}
                      hint={
                        objective.category
                          ? OBJECTIVE_CATEGORY_INFO[objective.category].explanation
                          : index === 0
                            ? 'Your most important objective.'
                            : 'Choose from the same list both sides use.'
                      }
                      value={objective.category}
                      error={errors[path]}
                      onChange={(event) =>
                        update((draft) => {
                          const objectives = [...draft.objectives] as FormState['objectives'];
                          objectives[index] = {
                            ...objectives[index],
                            category: event.target.value as ObjectiveCategory,
                          } as ObjectiveDraft;
                          return { ...draft, objectives };
                        })
                      }
                    >
                      <option value="">Choose an objective…</option>
                      {OBJECTIVE_CATEGORIES.map((category) => (
                        <option key={category} value={category}>
                          {OBJECTIVE_CATEGORY_INFO[category].label}
                        </option>
                      ))}
                    </SelectField>
                    <TextAreaField
                      id={fieldId(`objectives/${index}/note`)}
                      label={`Note on objective ${index + 1} (optional)`}
                      rows={2}
                      maxLength={NOTE_MAX_LENGTH}
                      value={objective.note}
                      error={errors[`objectives/${index}/note`]}
                      onChange={(event) =>
                        update((draft) => {
                          const objectives = [...draft.objectives] as FormState['objectives'];
                          objectives[index] = {
                            ...objectives[index],
                            note: event.target.value,
                          } as ObjectiveDraft;
                          return { ...draft, objectives };
                        })
                      }
                    />
                  </div>
                );
              })}
            </div>
            <details className="taxonomy">
              <summary>What the objectives mean</summary>
              <dl>
                {OBJECTIVE_CATEGORIES.map((category) => (
                  <div key={category}>
                    <dt>{OBJECTIVE_CATEGORY_INFO[category].label}</dt>
                    <dd>{OBJECTIVE_CATEGORY_INFO[category].explanation}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </section>

          <section className="panel" aria-labelledby="risks-heading">
            <h2 id="risks-heading">Risks</h2>
            <p className="muted">
              How much risk does this deal carry? Both sides answer the same question; the report says where
              your views differ, and who rates a risk lower.
            </p>
            <div className="risk-grid">
              {RISK_CATEGORIES.map((category) => {
                const risk = form.risks[category];
                const label = RISK_CATEGORY_LABELS[category];
                const severity =
                  risk.likelihood && risk.impact ? severityBand(risk.likelihood, risk.impact) : undefined;
                const setRisk = (change: Partial<RiskDraft>) =>
                  update((draft) => ({
                    ...draft,
                    risks: { ...draft.risks, [category]: { ...draft.risks[category], ...change } },
                  }));
                return (
                  <fieldset key={category} className="risk">
                    <legend>{label} risk</legend>
                    <div className="field-row">
                      <SelectField
                        id={fieldId(`risks/${category}/likelihood`)}
                        label={`${label} likelihood`}
                        value={risk.likelihood || ''}
                        error={errors[`risks/${category}/likelihood`]}
                        onChange={(event) => setRisk({ likelihood: Number(event.target.value) })}
                      >
                        <option value="">Choose…</option>
                        {LIKELIHOOD_LABELS.map((word, index) => (
                          <option key={word} value={index + 1}>
                            {index + 1} · {word}
                          </option>
                        ))}
                      </SelectField>
                      <SelectField
                        id={fieldId(`risks/${category}/impact`)}
                        label={`${label} impact`}
                        value={risk.impact || ''}
                        error={errors[`risks/${category}/impact`]}
                        onChange={(event) => setRisk({ impact: Number(event.target.value) })}
                      >
                        <option value="">Choose…</option>
                        {IMPACT_LABELS.map((word, index) => (
                          <option key={word} value={index + 1}>
                            {index + 1} · {word}
                          </option>
                        ))}
                      </SelectField>
                    </div>
                    <p className="severity" aria-live="polite">
                      {severity ? (
                        <>
                          Your severity: {severity.severity}{' '}
                          <span className={`band band-${severity.band}`}>{severity.band}</span>
                        </>
                      ) : (
                        <span className="muted">Severity appears when both are chosen.</span>
                      )}
                    </p>
                    <TextAreaField
                      id={fieldId(`risks/${category}/note`)}
                      label={`${label} note (optional)`}
                      rows={2}
                      maxLength={NOTE_MAX_LENGTH}
                      value={risk.note}
                      error={errors[`risks/${category}/note`]}
                      onChange={(event) => setRisk({ note: event.target.value })}
                    />
                  </fieldset>
                );
              })}
            </div>
          </section>

          <section className="panel" aria-labelledby="nature-heading">
            <h2 id="nature-heading">Nature of the purchase</h2>
            <p className="muted">
              Where you place this purchase in the Kraljic matrix. 3 or more counts as high. Strategic and
              bottleneck purchases call for collaboration; leverage and non-critical ones for a competitive
              process.
            </p>
            <div className="field-row">
              <SelectField
                id={fieldId('nature/supplyRisk')}
                label="Supply risk"
                hint="How hard would it be to switch supplier or source elsewhere?"
                value={form.nature.supplyRisk || ''}
                error={errors['nature/supplyRisk']}
                onChange={(event) =>
                  update((draft) => ({
                    ...draft,
                    nature: { ...draft.nature, supplyRisk: Number(event.target.value) },
                  }))
                }
              >
                <option value="">Choose…</option>
                {SUPPLY_RISK_LABELS.map((word, index) => (
                  <option key={word} value={index + 1}>
                    {index + 1} · {word}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={fieldId('nature/businessImpact')}
                label="Business impact"
                hint="How much does the purchase matter to the buyer’s results?"
                value={form.nature.businessImpact || ''}
                error={errors['nature/businessImpact']}
                onChange={(event) =>
                  update((draft) => ({
                    ...draft,
                    nature: { ...draft.nature, businessImpact: Number(event.target.value) },
                  }))
                }
              >
                <option value="">Choose…</option>
                {BUSINESS_IMPACT_LABELS.map((word, index) => (
                  <option key={word} value={index + 1}>
                    {index + 1} · {word}
                  </option>
                ))}
              </SelectField>
            </div>
            <p className="quadrant-preview" aria-live="polite">
              {quadrant ? (
                <>
                  Your position: <strong>{KRALJIC_QUADRANT_INFO[quadrant].label}</strong> —{' '}
                  {KRALJIC_QUADRANT_INFO[quadrant].explanation}
                </>
              ) : (
                <span className="muted">Your quadrant appears when both are chosen.</span>
              )}
            </p>
          </section>

          <section className="panel">
            <fieldset
              className={`choice${errors.disclosure ? ' field-invalid' : ''}`}
              id={fieldId('disclosure')}
              aria-describedby={errors.disclosure ? 'disclosure-error' : 'disclosure-hint'}
            >
              <legend className="legend-heading">Disclosure</legend>
              <p className="hint" id="disclosure-hint">
                The most you agree the report may reveal. The deal uses the lower of the two sides’ choices,
                and your choice itself is never shown.
              </p>
              {DISCLOSURE_LEVELS.map((level) => (
                <label key={level} className="choice-option">
                  <input
                    type="radio"
                    name="disclosure"
                    value={level}
                    checked={form.disclosure === level}
                    onChange={() => update((draft) => ({ ...draft, disclosure: level }))}
                  />
                  <span>
                    <span className="choice-label">{DISCLOSURE_LEVEL_INFO[level].label}</span>
                    <span className="choice-explanation">{DISCLOSURE_LEVEL_INFO[level].explanation}</span>
                  </span>
                </label>
              ))}
              {errors.disclosure ? (
                <p className="field-error" id="disclosure-error">
                  <span aria-hidden="true">⚠ </span>
                  {errors.disclosure}
                </p>
              ) : null}
            </fieldset>
          </section>
        </fieldset>

        {readOnly ? null : (
          <div className="actions form-actions">
            <button type="submit" className="button secondary" disabled={busy !== null}>
              {busy === 'save' ? 'Saving…' : 'Save draft'}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy !== null}
              onClick={() => void onSubmit()}
            >
              {busy === 'submit' ? 'Submitting…' : 'Submit'}
            </button>
            <span className="muted small">
              {dirty ? 'Unsaved changes.' : saved ? 'All changes saved.' : ''} Submitting seals your answers
              for round {deal.round.number}.
            </span>
          </div>
        )}
      </form>
    </>
  );
}
