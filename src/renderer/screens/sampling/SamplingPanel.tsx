import { formatKrw } from '../../../shared/domain/money';
import {
  intervalText,
  percentText,
  ruleText,
  type SampleSummary,
  type StratumFigures,
} from '../../../shared/domain/sampling';
import { BUDGET_ROW_LABELS } from '../../../shared/domain/summary';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PanelHead } from '../../components/PanelHead';
import { formatCount, formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';

/**
 * The latest post-payment sample of the bracket payouts, read-only: per tier the claims drawn
 * and checked, the error rate with its interval and the projected overpayment. Drawing and
 * checking happen at the CLI (review-desk sample draw|check); main computes every figure.
 */
export function SamplingPanel() {
  const { t } = useLocale();
  const status = useApi(api.sampling.status, {});
  return (
    <section className="panel" data-testid="sampling-panel" aria-labelledby="sampling-title">
      <PanelHead titleId="sampling-title" title={t('sampling.title')} />
      {status.state.status === 'loading' && <Loading />}
      {status.state.status === 'error' && (
        <ErrorNotice error={status.state.error} onRetry={status.reload} />
      )}
      {status.state.status === 'ready' &&
        (status.state.value.summary === null ? (
          <p className="muted" data-testid="sampling-none">
            {t('sampling.none')}
          </p>
        ) : (
          <SampleFigures summary={status.state.value.summary} />
        ))}
    </section>
  );
}

function SampleFigures({ summary }: { summary: SampleSummary }) {
  const { t, label, locale } = useLocale();
  const { sample, totals } = summary;
  const confidence = percentText(sample.confidence).replace('.0%', '%');
  const rate = (s: StratumFigures) =>
    s.errorRate === null || s.interval === null
      ? t('sampling.unchecked')
      : `${percentText(s.errorRate)} (${intervalText(s.interval)})`;
  const money = (p: StratumFigures['projected']) =>
    p === null ? '—' : `${formatKrw(p.point)} (${formatKrw(p.low)} – ${formatKrw(p.high)})`;
  return (
    <>
      <p className="muted" data-testid="sampling-sample">
        {t('sampling.sample', {
          id: sample.id,
          drawnAt: formatDateTime(sample.drawnAt, locale),
          drawnBy: sample.drawnBy,
          rule: ruleText(sample.confidence, sample.margin),
          seed: sample.seed,
          scope:
            sample.batchId === null
              ? t('sampling.scope.all')
              : t('sampling.scope.batch', { id: sample.batchId }),
        })}
      </p>
      <div className="table-scroll">
        <table className="data-table summary-table">
          <caption className="visually-hidden">{t('sampling.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sampling.tier')}</th>
              <th scope="col" className="num">
                {t('sampling.population')}
              </th>
              <th scope="col" className="num">
                {t('sampling.size')}
              </th>
              <th scope="col" className="num">
                {t('sampling.checked')}
              </th>
              <th scope="col" className="num">
                {t('sampling.notConfirmed')}
              </th>
              <th scope="col" className="num">
                {t('sampling.errorRate', { confidence })}
              </th>
              <th scope="col" className="num">
                {t('sampling.projected')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.strata.map((s) => (
              <tr key={s.tier} data-testid={`sampling-${s.tier}`}>
                <th scope="row">{label(BUDGET_ROW_LABELS[s.tier])}</th>
                <td className="num">{formatCount(s.population)}</td>
                <td className="num">{formatCount(s.size)}</td>
                <td className="num">{formatCount(s.checked)}</td>
                <td className="num">{formatCount(s.notConfirmed)}</td>
                <td className="num">{rate(s)}</td>
                <td className="num">{money(s.projected)}</td>
              </tr>
            ))}
            <tr className="summary-table__subtotal" data-testid="sampling-total">
              <th scope="row">{t('sampling.total')}</th>
              <td className="num">{formatCount(totals.population)}</td>
              <td className="num">{formatCount(totals.size)}</td>
              <td className="num">{formatCount(totals.checked)}</td>
              <td className="num">{formatCount(totals.notConfirmed)}</td>
              <td />
              <td className="num">{money(totals.projected)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="summary-note">{t('sampling.note')}</p>
    </>
  );
}
