import type { ResponseOf } from '../../../shared/ipc/contract';
import { formatCount } from '../../i18n/format';
import { useT } from '../../i18n/locale-context';

export function AuditVerdict({ verification }: { verification: ResponseOf<'auditLog:verify'> }) {
  const t = useT();
  if (verification.ok) {
    return (
      <p className="verdict verdict--ok" role="status" data-testid="audit-verdict" data-ok="true">
        {t('auditLog.verdict.ok', { count: formatCount(verification.entries) })}
      </p>
    );
  }
  const problem = verification.problem ? t(`auditLog.problem.${verification.problem}`) : '?';
  return (
    <p className="verdict verdict--broken" role="alert" data-testid="audit-verdict" data-ok="false">
      {t('auditLog.verdict.broken', { seq: verification.firstBadSeq ?? '?', problem })}
    </p>
  );
}
