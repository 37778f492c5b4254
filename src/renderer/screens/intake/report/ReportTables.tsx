import { EVIDENCE_PROBLEM_LABELS } from '../../../../shared/domain/evidence';
import type { ImportReport } from '../../../../shared/ipc/intake-schemas';
import { formatCount } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import { useFieldName } from '../import/ColumnMappingStep';

/** A report can list thousands of rows; the first ones are enough to see what went wrong. */
const SHOWN_ROWS = 500;

/** Says how many of all the rows are listed: the report itself carries only the first ones. */
function Truncated({ shown, total }: { shown: number; total: number }) {
  const { t } = useLocale();
  const listed = Math.min(shown, SHOWN_ROWS);
  if (listed >= total) return null;
  return (
    <p className="muted" data-testid="report-truncated">
      {t('intake.report.truncated', { shown: formatCount(listed), total: formatCount(total) })}
    </p>
  );
}

/** Rows that did not become claims, each with every reason in the current language. */
export function QuarantineTable({
  rows,
  total,
}: {
  rows: ImportReport['quarantine'];
  total: number;
}) {
  const { t, label } = useLocale();
  const fieldName = useFieldName();
  if (rows.length === 0) return null;
  return (
    <div className="report-section">
      <h3 className="report__subtitle">
        {t('intake.report.quarantine.title', { count: formatCount(total) })}
      </h3>
      <div className="table-scroll report-table">
        <table className="data-table" data-testid="quarantine-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('intake.report.col.row')}
              </th>
              <th scope="col">{t('intake.report.col.claimId')}</th>
              <th scope="col">{t('intake.report.col.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_ROWS).map((row) => (
              <tr key={row.row} data-testid="quarantine-row" data-row={row.row}>
                <td className="num">{formatCount(row.row)}</td>
                <td className="mono">{row.claimId ?? t('intake.report.noClaimId')}</td>
                <td className="wrap">
                  <ul className="reason-list">
                    {row.reasons.map((reason, i) => (
                      <li key={`${reason.field}-${reason.code}-${i}`} data-issue={reason.code}>
                        <span className="muted">{fieldName(reason.field)}</span> {label(reason)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Truncated shown={rows.length} total={total} />
    </div>
  );
}

/** Claims already in the workspace: kept out, and where the first copy lives. */
export function DuplicatesTable({
  rows,
  total,
}: {
  rows: ImportReport['duplicateClaims'];
  total: number;
}) {
  const { t } = useLocale();
  if (rows.length === 0) return null;
  return (
    <div className="report-section">
      <h3 className="report__subtitle">
        {t('intake.report.duplicatesTitle', { count: formatCount(total) })}
      </h3>
      <div className="table-scroll report-table">
        <table className="data-table" data-testid="duplicates-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('intake.report.col.row')}
              </th>
              <th scope="col">{t('intake.report.col.claimId')}</th>
              <th scope="col">{t('intake.report.col.existingBatch')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_ROWS).map((row) => (
              <tr key={`${row.row}-${row.claimId}`} data-testid="duplicate-row">
                <td className="num">{formatCount(row.row)}</td>
                <td className="mono">{row.claimId}</td>
                <td>{t('intake.report.batchNumber', { id: row.existingBatchId })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Truncated shown={rows.length} total={total} />
    </div>
  );
}

/** Evidence files that are missing or were refused, per claim. */
export function EvidenceProblemsTable({
  rows,
  total,
}: {
  rows: ImportReport['evidenceProblems'];
  total: number;
}) {
  const { t, label } = useLocale();
  if (rows.length === 0) return null;
  return (
    <div className="report-section">
      <h3 className="report__subtitle" data-testid="evidence-problems-title">
        {t('intake.report.evidenceTitle', { count: formatCount(total) })}
      </h3>
      <div className="table-scroll report-table">
        <table className="data-table" data-testid="evidence-problems-table">
          <thead>
            <tr>
              <th scope="col">{t('intake.report.col.claimId')}</th>
              <th scope="col">{t('intake.report.col.file')}</th>
              <th scope="col">{t('intake.report.col.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_ROWS).map((row, i) => (
              <tr key={`${row.claimId}-${row.fileName}-${i}`} data-testid="evidence-problem-row">
                <td className="mono">{row.claimId}</td>
                <td className="wrap break-all">{row.fileName}</td>
                <td>
                  <span className={`badge badge--evidence-${row.status}`}>
                    {t(`evidence.status.${row.status}`)}
                  </span>{' '}
                  {label(EVIDENCE_PROBLEM_LABELS[row.problem])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Truncated shown={rows.length} total={total} />
    </div>
  );
}
