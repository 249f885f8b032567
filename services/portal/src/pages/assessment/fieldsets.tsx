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
  RISK_CATEGORIES,
  RISK_CATEGORY_LABELS,
  type RiskCategory,
} from '@cg/domain';
import { SelectField, TextAreaField } from '../../components/fields.js';
import { BUSINESS_IMPACT_LABELS, SUPPLY_RISK_LABELS } from '../../labels.js';
import { type FormState, fieldId, type ObjectiveDraft, type RiskDraft, severityBand } from './draft.js';

/** Validation messages by field path (`risks/financial/impact`). */
type Errors = Readonly<Record<string, string>>;

/** A 1-to-5 rating, each step with its word ("3 · Possible"). */
function ScaleField({
  path,
  label,
  hint,
  words,
  value,
  errors,
  onChange,
}: {
  path: string;
  label: string;
  hint?: string;
  words: readonly string[];
  value: number;
  errors: Errors;
  onChange: (value: number) => void;
}) {
  return (
    <SelectField
      id={fieldId(path)}
      label={label}
      hint={hint}
      value={value || ''}
      error={errors[path]}
      onChange={(event) => onChange(Number(event.target.value))}
    >
      <option value="">Choose…</option>
      {words.map((word, index) => (
        <option key={word} value={index + 1}>
          {index + 1} · {word}
        </option>
      ))}
    </SelectField>
  );
}

/** An optional free-text note on an answer. */
function NoteField(props: {
  path: string;
  label: string;
  value: string;
  errors: Errors;
  onChange: (note: string) => void;
}) {
  return (
    <TextAreaField
      id={fieldId(props.path)}
      label={props.label}
      rows={2}
      maxLength={NOTE_MAX_LENGTH}
      value={props.value}
      error={props.errors[props.path]}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

function objectiveHint(objective: ObjectiveDraft, index: number): string {
  if (objective.category) return OBJECTIVE_CATEGORY_INFO[objective.category].explanation;
  return index === 0 ? 'Your most important objective.' : 'Choose from the same list both sides use.';
}

function ObjectiveSlot({
  objective,
  index,
  errors,
  onChange,
}: {
  objective: ObjectiveDraft;
  index: number;
  errors: Errors;
  onChange: (index: number, change: Partial<ObjectiveDraft>) => void;
}) {
  const path = `objectives/${index}/category`;
  return (
    <div className="objective">
      <SelectField
        id={fieldId(path)}
        label={`Objective ${index + 1}`}
        hint={objectiveHint(objective, index)}
        value={objective.category}
        error={errors[path]}
        onChange={(event) => onChange(index, { category: event.target.value as ObjectiveCategory })}
      >
        <option value="">Choose an objective…</option>
        {OBJECTIVE_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {OBJECTIVE_CATEGORY_INFO[category].label}
          </option>
        ))}
      </SelectField>
      <NoteField
        path={`objectives/${index}/note`}
        label={`Note on objective ${index + 1} (optional)`}
        value={objective.note}
        errors={errors}
        onChange={(note) => onChange(index, { note })}
      />
    </div>
  );
}

export function ObjectivesFieldset({
  objectives,
  errors,
  onChange,
}: {
  objectives: FormState['objectives'];
  errors: Errors;
  onChange: (index: number, change: Partial<ObjectiveDraft>) => void;
}) {
  return (
    <section className="panel" aria-labelledby="objectives-heading">
      <h2 id="objectives-heading">Objectives</h2>
      <p className="muted">
        Your three objectives for this deal, most important first. Only objectives both sides chose are ever
        named in the report.
      </p>
      <div className="objective-grid">
        {objectives.map((objective, index) => (
          <ObjectiveSlot
            // biome-ignore lint/suspicious/noArrayIndexKey: the three objective slots are fixed positions
            key={index}
            objective={objective}
            index={index}
            errors={errors}
            onChange={onChange}
          />
        ))}
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
  );
}

function Severity({ risk }: { risk: RiskDraft }) {
  const severity = risk.likelihood && risk.impact ? severityBand(risk.likelihood, risk.impact) : undefined;
  return (
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
  );
}

function RiskRating({
  category,
  risk,
  errors,
  onChange,
}: {
  category: RiskCategory;
  risk: RiskDraft;
  errors: Errors;
  onChange: (change: Partial<RiskDraft>) => void;
}) {
  const label = RISK_CATEGORY_LABELS[category];
  return (
    <fieldset className="risk">
      <legend>{label} risk</legend>
      <div className="field-row">
        <ScaleField
          path={`risks/${category}/likelihood`}
          label={`${label} likelihood`}
          words={LIKELIHOOD_LABELS}
          value={risk.likelihood}
          errors={errors}
          onChange={(likelihood) => onChange({ likelihood })}
        />
        <ScaleField
          path={`risks/${category}/impact`}
          label={`${label} impact`}
          words={IMPACT_LABELS}
          value={risk.impact}
          errors={errors}
          onChange={(impact) => onChange({ impact })}
        />
      </div>
      <Severity risk={risk} />
      <NoteField
        path={`risks/${category}/note`}
        label={`${label} note (optional)`}
        value={risk.note}
        errors={errors}
        onChange={(note) => onChange({ note })}
      />
    </fieldset>
  );
}

export function RisksFieldset({
  risks,
  errors,
  onChange,
  categories = RISK_CATEGORIES,
}: {
  risks: FormState['risks'];
  errors: Errors;
  onChange: (category: RiskCategory, change: Partial<RiskDraft>) => void;
  /** The categories to ask (a contributor is asked only some). */
  categories?: readonly RiskCategory[];
}) {
  return (
    <section className="panel" aria-labelledby="risks-heading">
      <h2 id="risks-heading">Risks</h2>
      <p className="muted">
        How much risk does this deal carry? Both sides answer the same question; the report says where your
        views differ, and who rates a risk lower.
      </p>
      <div className="risk-grid">
        {categories.map((category) => (
          <RiskRating
            key={category}
            category={category}
            risk={risks[category]}
            errors={errors}
            onChange={(change) => onChange(category, change)}
          />
        ))}
      </div>
    </section>
  );
}

function QuadrantPreview({ nature }: { nature: FormState['nature'] }) {
  const quadrant =
    nature.supplyRisk && nature.businessImpact
      ? kraljicQuadrant(nature.supplyRisk, nature.businessImpact)
      : undefined;
  return (
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
  );
}

export function NatureFieldset({
  nature,
  errors,
  onChange,
}: {
  nature: FormState['nature'];
  errors: Errors;
  onChange: (change: Partial<FormState['nature']>) => void;
}) {
  return (
    <section className="panel" aria-labelledby="nature-heading">
      <h2 id="nature-heading">Nature of the purchase</h2>
      <p className="muted">
        Where you place this purchase in the Kraljic matrix. 3 or more counts as high. Strategic and
        bottleneck purchases call for collaboration; leverage and non-critical ones for a competitive process.
      </p>
      <div className="field-row">
        <ScaleField
          path="nature/supplyRisk"
          label="Supply risk"
          hint="How hard would it be to switch supplier or source elsewhere?"
          words={SUPPLY_RISK_LABELS}
          value={nature.supplyRisk}
          errors={errors}
          onChange={(supplyRisk) => onChange({ supplyRisk })}
        />
        <ScaleField
          path="nature/businessImpact"
          label="Business impact"
          hint="How much does the purchase matter to the buyer’s results?"
          words={BUSINESS_IMPACT_LABELS}
          value={nature.businessImpact}
          errors={errors}
          onChange={(businessImpact) => onChange({ businessImpact })}
        />
      </div>
      <QuadrantPreview nature={nature} />
    </section>
  );
}

export function DisclosureFieldset({
  value,
  error,
  onChange,
}: {
  value: DisclosureLevel | '';
  error: string | undefined;
  onChange: (level: DisclosureLevel) => void;
}) {
  return (
    <section className="panel">
      <fieldset
        className={`choice${error ? ' field-invalid' : ''}`}
        id={fieldId('disclosure')}
        aria-describedby={error ? 'disclosure-error' : 'disclosure-hint'}
      >
        <legend className="legend-heading">Disclosure</legend>
        <p className="hint" id="disclosure-hint">
          The most you agree the report may reveal. The deal uses the lower of the two sides’ choices, and
          your choice itself is never shown.
        </p>
        {DISCLOSURE_LEVELS.map((level) => (
          <label key={level} className="choice-option">
            <input
              type="radio"
              name="disclosure"
              value={level}
              checked={value === level}
              onChange={() => onChange(level)}
            />
            <span>
              <span className="choice-label">{DISCLOSURE_LEVEL_INFO[level].label}</span>
              <span className="choice-explanation">{DISCLOSURE_LEVEL_INFO[level].explanation}</span>
            </span>
          </label>
        ))}
        {error ? (
          <p className="field-error" id="disclosure-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        ) : null}
      </fieldset>
    </section>
  );
}
