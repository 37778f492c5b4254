import { useImperativeHandle, useRef, useState, type FormEvent, type Ref } from 'react';
import { formatKrw } from '../../../shared/domain/money';
import type { SupportCalculation } from '../../../shared/domain/support-policy';
import {
  OUTCOMES,
  OUTCOME_LABELS,
  outcomeTakesAmount,
  REASON_CODES,
  REASON_LABELS,
  type Outcome,
  type ReasonCode,
} from '../../../shared/domain/decision';
import type { ClaimDetail, DecisionRecordDto } from '../../../shared/ipc/schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLocale } from '../../i18n/locale-context';
import { AmountField } from './AmountField';
import { checkDraft, EMPTY_FORM, type DecisionFormState } from './decision-draft';
import { FieldIssues, hasIssue } from './FieldIssues';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';

/** What the keyboard shortcuts can ask of the form. */
export interface DecisionFormCommands {
  focus(): void;
  chooseOutcome(outcome: Outcome): void;
  save(): void;
}

export function DecisionForm({
  claim,
  recommendation,
  commands,
  onSaved,
  onEdit,
}: {
  claim: ClaimDetail;
  /** The calculation recorded for this claim in this session, if any. */
  recommendation: SupportCalculation | null;
  commands: Ref<DecisionFormCommands>;
  onSaved: (record: DecisionRecordDto) => void;
  /** Called on any change, so an old "saved" confirmation does not linger over new input. */
  onEdit: () => void;
}) {
  const { t, label } = useLocale();
  const [form, setForm] = useState<DecisionFormState>(EMPTY_FORM);
  const { run, pending: busy, error, clearError } = useWrite();
  const check = checkDraft(claim, form, recommendation);
  const { issues } = check;
  const formRef = useRef<HTMLFormElement>(null);

  function update(patch: Partial<DecisionFormState>) {
    setForm((previous) => ({ ...previous, ...patch }));
    clearError();
    onEdit();
  }

  function chooseOutcome(outcome: Outcome) {
    // A recorded calculation is the natural starting amount; the member can still change it.
    const prefill =
      outcomeTakesAmount(outcome) && form.amountText.trim() === '' && recommendation
        ? { amountText: String(recommendation.recommended) }
        : {};
    update({ outcome, ...prefill });
  }

  useImperativeHandle(commands, () => ({
    focus: () =>
      formRef.current
        ?.querySelector<HTMLInputElement>(
          'input[name="decision-outcome"]:checked, input[name="decision-outcome"]',
        )
        ?.focus(),
    chooseOutcome: (outcome) => {
      chooseOutcome(outcome);
      formRef.current
        ?.querySelector<HTMLInputElement>(`[data-testid="outcome-${outcome}"]`)
        ?.focus();
    },
    save: () => formRef.current?.requestSubmit(),
  }));

  function toggleReason(code: ReasonCode, checked: boolean) {
    const others = form.reasonCodes.filter((c) => c !== code);
    // Keep the shared list's order so the record does not depend on click order.
    const next = checked ? REASON_CODES.filter((c) => c === code || others.includes(c)) : others;
    update({ reasonCodes: next });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { draft } = check;
    if (!check.canSave || !draft || busy) return;
    // Stays busy after a success: the panel reloads and replaces this form, and a second click
    // in between would point at a decision that is no longer the current one.
    const record = await run(() => api.decisions.record(draft), { holdOnSuccess: true });
    if (record) onSaved(record);
  }

  return (
    <form
      ref={formRef}
      className="decision-form"
      data-testid="decision-form"
      aria-labelledby="decision-form-title"
      noValidate
      onSubmit={submit}
    >
      <h3 id="decision-form-title" className="detail__subtitle">
        {t(`review.form.title.${check.kind}`)}
      </h3>
      <p className="field__hint" data-testid="decision-form-view-hint">
        {t('review.form.viewHint')}
      </p>
      {check.kind === 'amendment' && (
        <p className="field__hint">{t('review.form.amendmentHint')}</p>
      )}

      <fieldset className="field" aria-describedby="decision-outcome-issues">
        <legend className="field__label">{t('review.form.outcome')}</legend>
        <div className="choice-list">
          {OUTCOMES.map((outcome) => (
            <label key={outcome} className="choice">
              <input
                type="radio"
                name="decision-outcome"
                value={outcome}
                data-testid={`outcome-${outcome}`}
                checked={form.outcome === outcome}
                onChange={() => chooseOutcome(outcome)}
              />
              <span>{label(OUTCOME_LABELS[outcome])}</span>
            </label>
          ))}
        </div>
        <FieldIssues id="decision-outcome-issues" issues={issues} field="outcome" />
      </fieldset>

      <AmountField
        value={form.amountText}
        onChange={(amountText) => update({ amountText })}
        enabled={outcomeTakesAmount(form.outcome)}
        outcomeChosen={form.outcome !== null}
        parsedAmount={check.parsedAmount}
        amountError={check.amountError}
        claimedLoss={claim.claimedLoss}
        issues={issues}
      />

      {recommendation && outcomeTakesAmount(form.outcome) && (
        <p className="field__hint" data-testid="recommendation-hint">
          {t('review.form.recommendation', {
            amount: formatKrw(recommendation.recommended),
            version: recommendation.policyVersion,
          })}
        </p>
      )}
      {check.overridesRecommendation && (
        <TextAreaField
          id="override-reason"
          label={t('review.form.overrideReason')}
          rows={2}
          testId="override-reason"
          value={form.overrideReasonText}
          aria-invalid={hasIssue(issues, 'overrideReason') || undefined}
          aria-describedby="override-reason-issues"
          onChange={(value) => update({ overrideReasonText: value })}
        >
          <FieldIssues id="override-reason-issues" issues={issues} field="overrideReason" />
        </TextAreaField>
      )}

      <fieldset
        className="field"
        aria-describedby="decision-reasons-issues"
        aria-invalid={hasIssue(issues, 'reasonCodes') || undefined}
      >
        <legend className="field__label">{t('review.form.reasons')}</legend>
        <div className="choice-list">
          {REASON_CODES.map((code) => (
            <label key={code} className="choice">
              <input
                type="checkbox"
                value={code}
                data-testid={`reason-${code}`}
                checked={form.reasonCodes.includes(code)}
                onChange={(event) => toggleReason(code, event.target.checked)}
              />
              <span>{label(REASON_LABELS[code])}</span>
            </label>
          ))}
        </div>
        <FieldIssues id="decision-reasons-issues" issues={issues} field="reasonCodes" />
      </fieldset>

      <TextAreaField
        id="decision-note"
        label={t('review.form.note')}
        rows={3}
        testId="decision-note"
        value={form.note}
        aria-invalid={hasIssue(issues, 'note') || undefined}
        aria-describedby="decision-note-issues"
        onChange={(value) => update({ note: value })}
      >
        <FieldIssues id="decision-note-issues" issues={issues} field="note" />
      </TextAreaField>

      {check.kind === 'amendment' && (
        <TextAreaField
          id="amendment-reason"
          label={t('review.form.amendmentReason')}
          rows={2}
          testId="amendment-reason"
          value={form.amendmentReasonText}
          aria-invalid={hasIssue(issues, 'amendmentReason') || undefined}
          aria-describedby="amendment-reason-issues"
          onChange={(value) => update({ amendmentReasonText: value })}
        >
          <FieldIssues id="amendment-reason-issues" issues={issues} field="amendmentReason" />
        </TextAreaField>
      )}

      <FieldIssues id="decision-chain-issues" issues={issues} field="replacesId" />
      {error && <ErrorNotice error={error} testId="save-error" />}

      <div className="decision-form__actions">
        <Button
          variant="primary"
          type="submit"
          testId="save-decision"
          disabled={!check.canSave || busy}
        >
          {busy ? t('review.form.saving') : t('review.form.save')}
        </Button>
        {!check.canSave && (
          <span className="muted" data-testid="save-blocked-reason">
            {form.outcome === null
              ? t('review.form.outcomeRequired')
              : t('review.form.issueCount', {
                  count: issues.length + (check.amountError ? 1 : 0),
                })}
          </span>
        )}
      </div>
    </form>
  );
}
