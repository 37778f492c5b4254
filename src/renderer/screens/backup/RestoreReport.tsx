import { useEffect, useRef } from 'react';
import type { RestoreReport } from '../../../shared/ipc/backup-schemas';
import { Button } from '../../components/Button';
import { FactRow } from '../../components/Facts';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { BackupCountRows } from './BackupFacts';

/**
 * What a restore put in place: where, as of when (work done after the backup is not in it),
 * what it holds, and each check main ran before writing, in its order. The workspace is open
 * already; Continue lets the gate find that out.
 */
export function RestoreReportView({
  report,
  onContinue,
}: {
  report: RestoreReport;
  onContinue: () => void;
}) {
  const { t, locale } = useLocale();
  const done = useRef<HTMLParagraphElement>(null);

  // The form the person was in is gone: bring them to the outcome.
  useEffect(() => done.current?.focus(), []);

  return (
    <div className="backup-report" data-testid="vault-restore-report">
      <p ref={done} className="notice notice--success" role="status" tabIndex={-1}>
        {t('backup.restore.done')}
      </p>
      <dl className="facts">
        <FactRow
          term={t('backup.restore.workspace')}
          className="mono break-all"
          testId="vault-restore-workspace"
        >
          {report.workspaceDir}
        </FactRow>
        <FactRow term={t('backup.restore.asOf')} testId="vault-restore-taken-at">
          {formatDateTime(report.takenAt, locale)}
        </FactRow>
        <BackupCountRows counts={report.counts} testIdPrefix="vault-restore" />
      </dl>
      <p className="field__hint">{t('backup.restore.asOfNote')}</p>
      <h2 id="vault-restore-checks-title" className="backup-report__checks-title">
        {t('backup.restore.checks')}
      </h2>
      <ul
        className="backup-report__checks"
        aria-labelledby="vault-restore-checks-title"
        data-testid="vault-restore-checks"
      >
        {report.checks.map(({ check, count }) => (
          <li key={check}>{t(`backup.restore.check.${check}`, { count: count ?? 0 })}</li>
        ))}
      </ul>
      <div className="button-row">
        <Button variant="primary" testId="vault-restore-continue" onClick={onContinue}>
          {t('backup.restore.continue')}
        </Button>
      </div>
    </div>
  );
}
