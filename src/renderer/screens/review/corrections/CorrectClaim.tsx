import { useState, type FormEvent } from 'react';
import { FIELD_HEADERS } from '../../../../shared/domain/batch-format';
import {
  CORRECTABLE_FIELDS,
  type CorrectableField,
} from '../../../../shared/domain/claim-correction';
import { TIER_LABELS } from '../../../../shared/domain/tier';
import type { CorrectionResult } from '../../../../shared/ipc/corrections-schemas';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field, SelectField, TextField } from '../../../components/Field';
import { useLocale } from '../../../i18n/locale-context';

/**
 * The secretariat corrects a claim's data here (a figure the claimant mistyped, a name that
 * differs from the registration): a new version of the claim with the reason, never an edit
 * in place. The value is typed as a batch file would write it and checked the same way.
 * ClaimWorkspace shows it only to the secretary or the chair, the people who may make it.
 */
export function CorrectClaim({
  claimId,
  onCorrected,
}: {
  claimId: string;
  onCorrected: () => void;
}) {
  const { t, label } = useLocale();
  const { run, pending, error } = useWrite();
  const [field, setField] = useState<CorrectableField>('claimed_loss');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<CorrectionResult | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    const done = await run(() =>
      api.corrections.correct({ claimId, changes: { [field]: value }, reason }),
    );
    if (!done) return;
    setResult(done);
    setValue('');
    setReason('');
    onCorrected();
  }

  return (
    <section className="detail__section" aria-labelledby="correct-claim-title">
      <h3 id="correct-claim-title" className="detail__subtitle">
        {t('corrections.title')}
      </h3>
      <p className="muted">{t('corrections.help')}</p>
      <form data-testid="correct-claim" onSubmit={(event) => void submit(event)}>
        <SelectField
          label={t('corrections.field')}
          testId="correct-field"
          value={field}
          onChange={(next) => setField(next as CorrectableField)}
        >
          {CORRECTABLE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {label(FIELD_HEADERS[f])}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('corrections.value')}
          testId="correct-value"
          value={value}
          onChange={setValue}
        />
        <Field label={t('corrections.reason')}>
          <textarea
            className="textarea"
            data-testid="correct-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </Field>
        <Button variant="secondary" type="submit" testId="correct-submit" disabled={pending}>
          {t('corrections.submit')}
        </Button>
      </form>
      {error && <ErrorNotice error={error} testId="correct-error" />}
      {result && (
        <p className="notice notice--success" role="status" data-testid="correct-result">
          {t('corrections.done', {
            from: String(result.fromVersion),
            to: String(result.toVersion),
            fields: result.fields.map((f) => label(FIELD_HEADERS[f])).join(', '),
          })}{' '}
          {result.tier.from !== result.tier.to &&
            t('corrections.retiered', {
              from: label(TIER_LABELS[result.tier.from]),
              to: label(TIER_LABELS[result.tier.to]),
            })}
        </p>
      )}
    </section>
  );
}
