import { MONEY_ERROR_MESSAGES, formatKrw, type MoneyErrorCode } from '../../../shared/domain/money';
import type { DecisionIssue } from '../../../shared/domain/decision';
import { useLocale } from '../../i18n/locale-context';
import { FieldIssues, hasIssue } from './FieldIssues';

export function AmountField({
  value,
  onChange,
  enabled,
  outcomeChosen,
  parsedAmount,
  amountError,
  claimedLoss,
  issues,
}: {
  value: string;
  onChange: (text: string) => void;
  enabled: boolean;
  /** Before an outcome is picked the box is off because there is nothing to decide yet. */
  outcomeChosen: boolean;
  parsedAmount: number | null;
  amountError: MoneyErrorCode | null;
  claimedLoss: number | null;
  issues: DecisionIssue[];
}) {
  const { t, label } = useLocale();
  const invalid = amountError !== null || hasIssue(issues, 'amount');
  return (
    <div className="field">
      <label className="field__label" htmlFor="decision-amount">
        {t('review.form.amount')}
      </label>
      <div className="amount-row">
        <input
          id="decision-amount"
          className="input input--amount"
          type="text"
          inputMode="text"
          autoComplete="off"
          data-testid="decision-amount"
          value={value}
          disabled={!enabled}
          aria-invalid={invalid || undefined}
          aria-describedby="decision-amount-hint decision-amount-issues decision-amount-error"
          onChange={(event) => onChange(event.target.value)}
        />
        {enabled && parsedAmount !== null && (
          <output className="amount-row__parsed num" data-testid="decision-amount-parsed">
            {t('review.form.amount.parsed', { amount: formatKrw(parsedAmount) })}
          </output>
        )}
      </div>
      <p id="decision-amount-hint" className="field__hint">
        {enabled
          ? t('review.form.amount.hint')
          : t(outcomeChosen ? 'review.form.amount.notNeeded' : 'review.form.amount.chooseOutcome')}
        {claimedLoss !== null && (
          <> · {t('review.form.claimedLoss', { amount: formatKrw(claimedLoss) })}</>
        )}
      </p>
      {amountError && (
        <p id="decision-amount-error" className="field-issues__item" data-testid="amount-error">
          {label(MONEY_ERROR_MESSAGES[amountError])}
        </p>
      )}
      <FieldIssues id="decision-amount-issues" issues={issues} field="amount" />
    </div>
  );
}
