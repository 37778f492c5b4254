import {
  OUTCOME_LABELS,
  OUTCOMES,
  REASON_CODES,
  REASON_LABELS,
  outcomeTakesAmount,
  type Outcome,
  type ReasonCode,
} from '../../../shared/domain/decision';
import { Options } from '../../components/Field';
import { useLocale } from '../../i18n/locale-context';

/**
 * A council decision's outcome, amount (for approve and partial) and reason codes, as the
 * chair's confirmation and the secretary's amendment both ask for them. `outcomeLocked` fixes
 * the outcome; `detailsLocked` fixes the amount and reasons too (a carried motion's).
 */
export function OutcomeFields({
  testIdPrefix,
  outcomeLabel,
  outcome,
  onOutcome,
  amountText,
  onAmountText,
  reasons,
  onReasons,
  outcomeLocked = false,
  detailsLocked = false,
}: {
  testIdPrefix: string;
  outcomeLabel: string;
  outcome: Outcome;
  onOutcome: (outcome: Outcome) => void;
  amountText: string;
  onAmountText: (text: string) => void;
  reasons: ReasonCode[];
  onReasons: (reasons: ReasonCode[]) => void;
  outcomeLocked?: boolean;
  detailsLocked?: boolean;
}) {
  const { t, label } = useLocale();
  const toggle = (code: ReasonCode) =>
    onReasons(reasons.includes(code) ? reasons.filter((r) => r !== code) : [...reasons, code]);
  return (
    <>
      <div className="inline-form">
        <select
          className="select"
          aria-label={outcomeLabel}
          data-testid={`${testIdPrefix}-outcome`}
          value={outcome}
          disabled={outcomeLocked || detailsLocked}
          onChange={(event) => onOutcome(event.target.value as Outcome)}
        >
          <Options values={OUTCOMES} optionLabel={(value) => label(OUTCOME_LABELS[value])} />
        </select>
        {outcomeTakesAmount(outcome) && (
          <input
            className="input input--amount"
            aria-label={t('meetings.agenda.amount')}
            data-testid={`${testIdPrefix}-amount`}
            value={amountText}
            disabled={detailsLocked}
            onChange={(event) => onAmountText(event.target.value)}
          />
        )}
      </div>
      <div className="choice-list">
        {REASON_CODES.map((code) => (
          <label key={code} className="choice">
            <input
              type="checkbox"
              checked={reasons.includes(code)}
              disabled={detailsLocked}
              onChange={() => toggle(code)}
            />{' '}
            {label(REASON_LABELS[code])}
          </label>
        ))}
      </div>
    </>
  );
}
