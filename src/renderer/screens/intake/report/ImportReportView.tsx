import { TIER_LABELS, TIERS } from '../../../../shared/domain/tier';
import type { ImportReport } from '../../../../shared/ipc/intake-schemas';
import { formatCount } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/ko';
import { DuplicatesTable, EvidenceProblemsTable, QuarantineTable } from './ReportTables';
import { Button } from '../../../components/Button';
import { encodingKey } from '../encoding-label';

const FIGURES: { key: 'imported' | 'quarantined' | 'duplicates' | 'rows'; label: MessageKey }[] = [
  { key: 'imported', label: 'intake.report.imported' },
  { key: 'quarantined', label: 'intake.report.quarantined' },
  { key: 'duplicates', label: 'intake.report.duplicates' },
  { key: 'rows', label: 'intake.report.rows' },
];

const EVIDENCE: { key: keyof ImportReport['evidence']; label: MessageKey }[] = [
  { key: 'stored', label: 'intake.report.evidence.stored' },
  { key: 'rejected', label: 'intake.report.evidence.rejected' },
  { key: 'missing', label: 'intake.report.evidence.missing' },
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
        {t('intake.report.title', { batchId: report.batchId })}
      </h2>
      <p className="muted" data-testid="report-file">
        {t('intake.report.file', {
          name: report.file.name,
          format: report.file.format.toUpperCase(),
          encoding: t(encodingKey(report.file.encoding)),
        })}
        {' · '}
        {t('intake.report.seconds', { seconds: report.seconds.toFixed(1) })}
      </p>
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
          <h3 className="report__subtitle">{t('intake.report.tiers')}</h3>
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
          <h3 className="report__subtitle">{t('intake.report.evidence')}</h3>
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

      {report.evidenceLayout ? (
        <div className="notice notice--info" role="note" data-testid="report-evidence-layout">
          <p className="notice__title">{t('intake.report.evidenceLayout.title')}</p>
          <p className="notice__detail">{label(report.evidenceLayout.hint)}</p>
        </div>
      ) : null}

      <QuarantineTable rows={report.quarantine} total={report.quarantined} />
      <DuplicatesTable rows={report.duplicateClaims} total={report.duplicates} />
      <EvidenceProblemsTable
        rows={report.evidenceProblems}
        total={report.evidence.missing + report.evidence.rejected}
      />

      <div className="button-row">
        <Button variant="primary" onClick={onOpenReview}>
          {t('intake.openReview')}
        </Button>
        <Button variant="secondary" testId="dismiss-report" onClick={onDismiss}>
          {t('intake.report.dismiss')}
        </Button>
      </div>
    </section>
  );
}
