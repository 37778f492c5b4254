import { useState, type KeyboardEvent } from 'react';
import {
  formatKrw,
  formatKrwPlain,
  MONEY_ERROR_MESSAGES,
  parseKrw,
} from '../../../../shared/domain/money';
import {
  basisPointsToPercentText,
  calculateSupport,
  formatUnroundedKrw,
} from '../../../../shared/domain/support-calculator';
import {
  POLICY_TABLE_KEYS,
  POLICY_TABLES,
  type SupportCalculation,
  type SupportPolicy,
} from '../../../../shared/domain/support-policy';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useLocale } from '../../../i18n/locale-context';
import { describePolicyRule } from './policy-rule';
import { Button } from '../../../components/Button';
import { FactRow } from '../../../components/Facts';

export interface CalculatorClaimFacts {
  claimId: string;
  industry: string | null;
  service: string;
  claimedLoss: number | null;
}

/** The live preview; null while the input is not an amount (the parse error says why). */
function preview(
  policy: SupportPolicy,
  claim: CalculatorClaimFacts,
  verifiedLoss: number | null,
): SupportCalculation | null {
  if (verifiedLoss === null) return null;
  try {
    return calculateSupport(policy, claim, verifiedLoss);
  } catch {
    // Only a policy without a "*" row throws; main never stores one, so show nothing.
    return null;
  }
}

/**
 * The transparent support calculator for a committee-review claim: every factor with the row
 * and source it came from, the formula with the figures in it, and the rounding rule. The
 * preview runs the shared calculator here; "record" asks main to run it again and log it.
 */
export function SupportCalculator({
  claim,
  policy,
  onRecommended,
}: {
  claim: CalculatorClaimFacts;
  policy: SupportPolicy;
  onRecommended: (calculation: SupportCalculation) => void;
}) {
  const { t, label } = useLocale();
  const [lossText, setLossText] = useState(() =>
    claim.claimedLoss === null ? '' : formatKrwPlain(claim.claimedLoss),
  );
  const { run, pending: busy, error, clearError } = useWrite();
  const [recorded, setRecorded] = useState<SupportCalculation | null>(null);

  const parsed = parseKrw(lossText);
  const verifiedLoss = parsed.ok ? parsed.value : null;
  const calculation = preview(policy, claim, verifiedLoss);

  function edit(text: string) {
    setLossText(text);
    clearError();
    setRecorded(null);
  }

  // The calculator may sit inside the decision form: Enter here must not submit that form.
  function blockEnter(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') event.preventDefault();
  }

  async function record() {
    if (verifiedLoss === null || busy) return;
    const result = await run(() =>
      api.support.calculate({
        claimId: claim.claimId,
        verifiedLoss,
        policyVersion: policy.version,
      }),
    );
    if (!result) return;
    setRecorded(result);
    onRecommended(result);
  }

  const claimValue = (table: (typeof POLICY_TABLES)[number]) =>
    POLICY_TABLE_KEYS[table] === 'industry' ? claim.industry : claim.service;

  return (
    <section className="calculator" data-testid="calculator" aria-labelledby="calculator-title">
      <h3 id="calculator-title" className="detail__subtitle">
        {t('policy.calc.title')}
      </h3>
      <p className="field__hint">
        {t('policy.calc.usingVersion', { version: policy.version })} {t('policy.calc.advice')}
      </p>

      <div className="field">
        <label className="field__label" htmlFor="calculator-verified-loss">
          {t('policy.calc.verifiedLoss')}
        </label>
        <div className="amount-row">
          <input
            id="calculator-verified-loss"
            className="input input--amount"
            type="text"
            autoComplete="off"
            data-testid="calculator-verified-loss"
            value={lossText}
            aria-invalid={!parsed.ok || undefined}
            aria-describedby="calculator-verified-loss-hint calculator-verified-loss-error"
            onChange={(event) => edit(event.target.value)}
            onKeyDown={blockEnter}
          />
          {verifiedLoss !== null && (
            <output className="amount-row__parsed num">
              {t('policy.calc.parsed', { amount: formatKrw(verifiedLoss) })}
            </output>
          )}
        </div>
        <p id="calculator-verified-loss-hint" className="field__hint">
          {claim.claimedLoss === null
            ? t('policy.calc.verifiedLoss.hintNoClaim')
            : t('policy.calc.verifiedLoss.hint', { amount: formatKrw(claim.claimedLoss) })}
        </p>
        {!parsed.ok && (
          <p id="calculator-verified-loss-error" className="field-issues__item">
            {label(MONEY_ERROR_MESSAGES[parsed.code])}
          </p>
        )}
      </div>

      <div className="table-scroll calculator__factors">
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">{t('policy.calc.factors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.calc.col.factor')}</th>
              <th scope="col">{t('policy.calc.col.row')}</th>
              <th scope="col" className="num">
                {t('policy.calc.col.value')}
              </th>
              <th scope="col">{t('policy.calc.col.source')}</th>
            </tr>
          </thead>
          <tbody>
            {POLICY_TABLES.map((table) => {
              const factor = calculation?.factors[table];
              const value = claimValue(table);
              return (
                <tr key={table} data-testid={`calculator-factor-${table}`}>
                  <th scope="row">{t(`policy.table.${table}`)}</th>
                  <td className="wrap">
                    {factor && (factor.fallback ? t('policy.fallbackRow') : factor.key)}
                    {factor?.fallback && (
                      <span className="calculator__why muted">
                        {value === null
                          ? t('policy.calc.noIndustry')
                          : t('policy.calc.notInTable', { value })}
                      </span>
                    )}
                  </td>
                  <td className="num">
                    {factor &&
                      t('policy.percent', { percent: basisPointsToPercentText(factor.factorBp) })}
                  </td>
                  <td className="wrap">{factor?.source}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <p className="calculator__formula">
        <span className="muted">{t('policy.calc.formula')}</span>
        {calculation && (
          <span className="num" data-testid="calculator-formula">
            {[
              formatKrw(calculation.verifiedLoss),
              ...POLICY_TABLES.map(
                (table) => `${basisPointsToPercentText(calculation.factors[table].factorBp)}%`,
              ),
            ].join(' × ')}
            {` = ${formatUnroundedKrw(calculation.unrounded)}`}
          </span>
        )}
      </p>

      <dl className="facts calculator__result">
        <FactRow term={t('policy.calc.unrounded')} className="num" testId="calculator-unrounded">
          {calculation && formatUnroundedKrw(calculation.unrounded)}
        </FactRow>
        <FactRow term={t('policy.calc.rule')}>{describePolicyRule(t, policy.body)}</FactRow>
        <div className="facts__row calculator__recommended">
          <dt>{t('policy.calc.recommended')}</dt>
          <dd className="num" data-testid="calculator-recommended">
            {calculation && formatKrw(calculation.recommended)}
          </dd>
        </div>
      </dl>

      <div className="button-row">
        <Button
          variant="secondary"
          testId="calculator-record"
          disabled={calculation === null || busy}
          onClick={() => void record()}
        >
          {busy ? t('policy.calc.recording') : t('policy.calc.record')}
        </Button>
        {recorded && (
          <p className="calculator__recorded" role="status" data-testid="calculator-recorded">
            {t('policy.calc.recorded', {
              amount: formatKrw(recorded.recommended),
              version: recorded.policyVersion,
            })}
          </p>
        )}
      </div>
      {error && <ErrorNotice error={error} testId="calculator-error" />}
    </section>
  );
}
