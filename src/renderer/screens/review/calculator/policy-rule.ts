import { formatKrw } from '../../../../shared/domain/money';
import type { SupportPolicyBody } from '../../../../shared/domain/support-policy';
import type { Translate } from '../../../i18n/locale-context';

/**
 * The rounding rule and limits in one line, as the calculator and the policy editor show them:
 * "1,000원 단위 내림 · 최저 50,000원 · 최고 한도 없음 · 확인 피해액을 넘지 않음".
 */
export function describePolicyRule(t: Translate, body: SupportPolicyBody): string {
  const { rounding, minimumAmount, maximumAmount } = body;
  return [
    t(`policy.rounding.${rounding.mode}`, { unit: formatKrw(rounding.unit) }),
    t('policy.limit.minimum', { amount: formatKrw(minimumAmount) }),
    maximumAmount === null
      ? t('policy.limit.noMaximum')
      : t('policy.limit.maximum', { amount: formatKrw(maximumAmount) }),
    t('policy.limit.verifiedLoss'),
  ].join(' · ');
}
