import { TIER_LABELS, TIERS } from '../../../../shared/domain/tier';
import type { ImportReport } from '../../../../shared/ipc/import-schemas';
import { formatCount } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/ko';
import { DuplicatesTable, EvidenceProblemsTable, QuarantineTable } from './ReportTables';

const FIGURES: { key: 'imported' | 'quarantined' | 'duplicates' | 'rows'; label: MessageKey }[] = [
  { key: 'imported', label: 'report.imported' },
  { key: 'quarantined', label: 'report.quarantined' },
  { key: 'duplicates', label: 'report.duplicates' },
  { key: 'rows', label: 'report.rows' },
];

const EVIDENCE: { key: keyof ImportReport['evidence']; label: MessageKey }[] = [
  { key: 'stored', label: 'report.evidence.stored' },
  { key: 'rejected', label: 'report.evidence.rejected' },
  { key: 'missing', label: 'report.evidence.missing' },
];

/** What one import did: counts first, then every row that needs someone's attention. */
export function ImportReportView({
  report,
  onOpenReview,
  onDismiss,
}: {
  report: ImportReport;
  onOpenReview: () => void;
  onDismiss: () => void;
}) {
  const { t, label } = useLocale();
  return (
    <section className="panel" data-testid="import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title" className="panel__title">
        {t('report.title', { batchId: report.batchId })}
      </h2>
      <p className="muted">{t('report.seconds', { seconds: report.seconds.toFixed(1) })}</p>
      <dl className="stat-grid">
        {FIGURES.map(({ key, label: name }) => (
          <div className="stat" key={key}>
            <dt className="stat__label">{t(name)}</dt>
            <dd className="stat__value num" data-testid={`report-${key}`}>
              {formatCount(report[key])}
            </dd>
          </div>
        ))}
      </dl>

      <div className="report-columns">
        <div>
          <h3 className="report__subtitle">{t('report.tiers')}</h3>
          <table className="data-table data-table--compact" data-testid="report-tiers">
            <tbody>
              {TIERS.map((tier) => (
                <tr key={tier} data-testid={`report-tier-${tier}`}>
                  <th scope="row">{label(TIER_LABELS[tier])}</th>
                  <td className="num">{formatCount(report.tiers[tier])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3 className="report__subtitle">{t('report.evidence')}</h3>
          <table className="data-table data-table--compact" data-testid="report-evidence">
            <tbody>
              {EVIDENCE.map(({ key, label: name }) => (
                <tr key={key} data-testid={`report-evidence-${key}`}>
                  <th scope="row">{t(name)}</th>
                  <td className="num">{formatCount(report.evidence[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <QuarantineTable rows={report.quarantine} total={report.quarantined} />
      <DuplicatesTable rows={report.duplicateClaims} total={report.duplicates} />
      <EvidenceProblemsTable
        rows={report.evidenceProblems}
        total={report.evidence.missing + report.evidence.rejected}
      />

      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onOpenReview}>
          {t('batches.openReview')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="dismiss-report"
          onClick={onDismiss}
        >
          {t('report.dismiss')}
        </button>
      </div>
    </section>
  );
}
