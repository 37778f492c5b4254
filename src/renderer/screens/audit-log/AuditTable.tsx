import { AUDIT_ACTION_LABELS, isKnownAuditAction } from '../../../shared/domain/audit-actions';
import type { AuditEntryDto } from '../../../shared/ipc/audit-log-schemas';
import { formatDateTime, shortHash } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';

export function AuditTable({ entries }: { entries: AuditEntryDto[] }) {
  const { t, locale, label } = useLocale();
  if (entries.length === 0) return <p className="muted">{t('auditLog.empty')}</p>;

  // Actions new to this build still show, by their raw name, rather than vanish.
  const actionLabel = (action: string) =>
    isKnownAuditAction(action) ? label(AUDIT_ACTION_LABELS[action]) : action;

  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('auditLog.col.seq')}
            </th>
            <th scope="col">{t('auditLog.col.at')}</th>
            <th scope="col">{t('auditLog.col.actor')}</th>
            <th scope="col">{t('auditLog.col.action')}</th>
            <th scope="col">{t('auditLog.col.subject')}</th>
            <th scope="col">{t('auditLog.col.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-testid="audit-row" data-seq={entry.seq}>
              <td className="num">{entry.seq}</td>
              <td className="nowrap">{formatDateTime(entry.at, locale)}</td>
              <td>{entry.actor}</td>
              <td title={entry.action} data-action={entry.action}>
                {actionLabel(entry.action)}
              </td>
              <td className="mono">
                {entry.subjectType} {entry.subjectId}
              </td>
              <td className="mono" title={entry.hash}>
                {shortHash(entry.hash)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
