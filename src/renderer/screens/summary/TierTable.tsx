import { formatKrw } from '../../../shared/domain/money';
import type { Budget } from '../../../shared/domain/summary';
import { TIER_LABELS, type Tier } from '../../../shared/domain/tier';
import type { SecretarySummary } from '../../../shared/ipc/payouts-schemas';
import { formatCount } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { SUMMARY_COLOURS, swatchClass } from './summary-colours';

interface TierLine {
  tier: Tier;
  paid: number | null;
  support: string;
  amount: number | null;
  colour: string | null;
}

/**
 * Every tier with its claims and what it pays: the brackets as payouts x support = amount, the
 * council's cases at their decided amounts, and the tiers that are not paid money, named so.
 */
export function TierTable({ summary, budget }: { summary: SecretarySummary; budget: Budget }) {
  const { t, label } = useLocale();
  const { byBasis } = summary.ledger;
  const unitOf = (id: 'tier_30k' | 'tier_50k') => {
    const unit = budget.rows.find((row) => row.id === id)?.unitAmount ?? null;
    return unit === null ? '—' : formatKrw(unit);
  };
  const lines: TierLine[] = [
    {
      tier: 'tier_30k',
      paid: byBasis.tier_30k.count,
      support: unitOf('tier_30k'),
      amount: byBasis.tier_30k.total,
      colour: SUMMARY_COLOURS.tier_30k,
    },
    {
      tier: 'tier_50k',
      paid: byBasis.tier_50k.count,
      support: unitOf('tier_50k'),
      amount: byBasis.tier_50k.total,
      colour: SUMMARY_COLOURS.tier_50k,
    },
    {
      tier: 'committee_review',
      paid: byBasis.committee.count,
      support: t('summary.tiers.byDecision'),
      amount: byBasis.committee.total,
      colour: SUMMARY_COLOURS.committee,
    },
    {
      tier: 'general_package',
      paid: null,
      support: t('summary.tiers.package'),
      amount: null,
      colour: null,
    },
    {
      tier: 'non_monetary',
      paid: null,
      support: t('summary.tiers.none'),
      amount: null,
      colour: null,
    },
    {
      tier: 'excluded_affiliate',
      paid: null,
      support: t('summary.tiers.setAside'),
      amount: null,
      colour: null,
    },
  ];

  return (
    <section className="panel" data-testid="summary-tiers" aria-labelledby="summary-tiers-title">
      <h2 id="summary-tiers-title" className="panel__title">
        {t('summary.tiers.title')}
      </h2>
      <div className="table-scroll">
        <table className="data-table summary-table">
          <caption className="visually-hidden">{t('summary.tiers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('summary.tiers.tier')}</th>
              <th scope="col" className="num">
                {t('summary.tiers.claims')}
              </th>
              <th scope="col" className="num">
                {t('summary.tiers.paid')}
              </th>
              <th scope="col" className="num">
                {t('summary.tiers.support')}
              </th>
              <th scope="col" className="num">
                {t('summary.tiers.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.tier} data-testid={`summary-tier-${line.tier}`}>
                <th scope="row">
                  {line.colour && <span className={swatchClass(line.colour)} aria-hidden="true" />}
                  {label(TIER_LABELS[line.tier])}
                </th>
                <td className="num">{formatCount(summary.byTier[line.tier])}</td>
                <td className="num">{line.paid === null ? '—' : formatCount(line.paid)}</td>
                <td className={line.amount === null ? 'muted' : 'num'}>{line.support}</td>
                <td className="num" data-testid={`summary-tier-${line.tier}-amount`}>
                  {line.amount === null ? '—' : formatKrw(line.amount)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="summary-tier-total">
              <th scope="row">{t('summary.tiers.total')}</th>
              <td className="num">{formatCount(summary.claims)}</td>
              <td className="num">{formatCount(summary.ledger.count)}</td>
              <td />
              <td className="num" data-testid="summary-tier-total-amount">
                {formatKrw(summary.ledger.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
