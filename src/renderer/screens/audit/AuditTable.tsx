import type { AuditEntryDto } from '../../../shared/ipc/schemas';
import { formatDateTime, shortHash } from '../../i18n/format';
import type { MessageKey } from '../../i18n/ko';
import { useLocale } from '../../i18n/locale-context';

const ACTION_KEYS: Partial<Record<string, MessageKey>> = {
  'batch.imported': 'audit.action.batch.imported',
  'decision.recorded': 'audit.action.decision.recorded',
  'decision.followed_up': 'audit.action.decision.followed_up',
  'decision.amended': 'audit.action.decision.amended',
  'decision.replaced': 'audit.action.decision.replaced',
};

export function AuditTable({ entries }: { entries: AuditEntryDto[] }) {
  const { t, locale } = useLocale();
  if (entries.length === 0) return <p className="muted">{t('audit.empty')}</p>;

  // Actions new to this build still show, by their raw name, rather than vanish.
  const actionLabel = (action: string) => {
    const key = ACTION_KEYS[action];
    return key ? t(key) : action;
  };

  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('audit.col.seq')}
            </th>
            <th scope="col">{t('audit.col.at')}</th>
            <th scope="col">{t('audit.col.actor')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.subject')}</th>
            <th scope="col">{t('audit.col.hash')}</th>
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
