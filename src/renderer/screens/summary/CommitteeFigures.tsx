import { REVIEW_STATE_LABELS, type ReviewState } from '../../../shared/domain/decision';
import { formatKrw } from '../../../shared/domain/money';
import { OPEN_REVIEW_STATES } from '../../../shared/domain/summary';
import type { SecretarySummary } from '../../../shared/ipc/payouts-schemas';
import { formatCount } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { SUMMARY_COLOURS, swatchClass } from './summary-colours';
import { PanelHead } from '../../components/PanelHead';

const PAID_STATES = ['approved', 'partially_approved'] as const satisfies readonly ReviewState[];

/**
 * The council's cases by their current decision, in three groups: paid (with the ledger's
 * total), rejected, and open (with what they claim, which is exposure, not a payout); then the
 * appeals on the same claims, by ruling.
 */
export function CommitteeFigures({ summary }: { summary: SecretarySummary }) {
  const { t, label } = useLocale();
  const { committee, ledger, appeals } = summary;
  const stateRow = (state: ReviewState) => (
    <tr key={state} data-testid={`summary-state-${state}`}>
      <th scope="row" className="summary-table__indent">
        {label(REVIEW_STATE_LABELS[state])}
      </th>
      <td className="num">{formatCount(committee.byState[state])}</td>
      <td />
    </tr>
  );
  const subtotal = (id: string, text: string, count: number, amount: string, colour: string) => (
    <tr className="summary-table__subtotal" data-testid={`summary-committee-${id}`}>
      <th scope="row">
        <span className={swatchClass(colour)} aria-hidden="true" />
        {text}
      </th>
      <td className="num">{formatCount(count)}</td>
      <td className="num" data-testid={`summary-committee-${id}-amount`}>
        {amount}
      </td>
    </tr>
  );

  return (
    <section
      className="panel"
      data-testid="summary-committee"
      aria-labelledby="summary-committee-title"
    >
      <PanelHead titleId="summary-committee-title" title={t('summary.committee.title')}>
        <span className="muted" data-testid="summary-committee-cases">
          {t('summary.committee.cases', { count: formatCount(committee.cases) })}
        </span>
      </PanelHead>
      <div className="table-scroll">
        <table className="data-table summary-table">
          <caption className="visually-hidden">{t('summary.committee.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('summary.committee.state')}</th>
              <th scope="col" className="num">
                {t('summary.committee.count')}
              </th>
              <th scope="col" className="num">
                {t('summary.committee.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {PAID_STATES.map(stateRow)}
            {subtotal(
              'paid',
              t('summary.committee.paid'),
              ledger.byBasis.committee.count,
              formatKrw(ledger.byBasis.committee.total),
              SUMMARY_COLOURS.committee,
            )}
          </tbody>
          <tbody>{stateRow('rejected')}</tbody>
          <tbody>
            {OPEN_REVIEW_STATES.map(stateRow)}
            {subtotal(
              'open',
              t('summary.committee.open'),
              committee.open.count,
              formatKrw(committee.open.claimedTotal),
              SUMMARY_COLOURS.open,
            )}
          </tbody>
        </table>
      </div>
      {ledger.outsideMeeting > 0 && (
        <p className="summary-note" data-testid="summary-outside-meeting">
          {t('summary.committee.outsideMeeting', {
            count: formatCount(ledger.outsideMeeting),
          })}
        </p>
      )}
      <p className="summary-note" data-testid="summary-appeals">
        {t('summary.committee.appeals', {
          filed: formatCount(appeals.filed),
          admitted: formatCount(appeals.admitted),
          rejected: formatCount(appeals.rejected),
          undecided: formatCount(appeals.undecided),
        })}
      </p>
      {committee.open.withoutClaimedLoss > 0 && (
        <p className="summary-note" data-testid="summary-unpriced">
          {t('summary.committee.unpriced', {
            count: formatCount(committee.open.withoutClaimedLoss),
          })}
        </p>
      )}
    </section>
  );
}
