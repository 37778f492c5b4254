import { formatFingerprint } from '../../../../shared/domain/signing/fingerprint';
import type { MinutesFormat, MinutesVersionDto } from '../../../../shared/ipc/minutes-schemas';
import { formatDateTime, groupedHash } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import { Button } from '../../../components/Button';

/** What is running on one version's row, so its button can say so and others wait. */
export type RowBusy = { version: number; what: MinutesFormat | 'approve' } | null;

/** A padlock drawn inline: an emoji may be missing from the laptop's fonts. */
function LockIcon() {
  return (
    <svg className="minutes-lock" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}

/**
 * Every version of the minutes, newest first, each with its hash and who drafted and approved
 * it. Each can be previewed and saved; only the latest draft offers approval, and only to the
 * chair (everyone else is told who may). An approved version is shown locked, with no action
 * that could change it. The actions sit on a line of their own under each version, so the
 * table fits the meeting's column without scrolling sideways.
 */
export function MinutesVersionsTable({
  versions,
  approveBlockedBy,
  busy,
  onPreview,
  onExport,
  onApprove,
}: {
  versions: MinutesVersionDto[];
  /** Why the person at the machine cannot approve (who can), or null when they can. */
  approveBlockedBy: string | null;
  busy: RowBusy;
  onPreview: (version: MinutesVersionDto) => void;
  onExport: (version: MinutesVersionDto, format: MinutesFormat) => void;
  onApprove: (version: MinutesVersionDto) => void;
}) {
  const { t, locale } = useLocale();
  const latest = versions[0]?.version ?? 0;
  const byAt = (who: string | null, at: string | null) =>
    who === null || at === null ? (
      '—'
    ) : (
      <>
        {who}
        <br />
        <span className="muted">{formatDateTime(at, locale)}</span>
      </>
    );

  return (
    <div className="table-scroll">
      <table className="data-table minutes-versions" data-testid="minutes-versions">
        <thead>
          <tr>
            <th scope="col">{t('minutes.col.version')}</th>
            <th scope="col">{t('minutes.col.status')}</th>
            <th scope="col">SHA-256</th>
            <th scope="col">{t('minutes.col.made')}</th>
            <th scope="col">{t('minutes.col.approved')}</th>
          </tr>
        </thead>
        {versions.map((v) => {
          const rowBusy = busy?.version === v.version ? busy.what : null;
          const exportButton = (format: MinutesFormat) => (
            <Button
              variant="secondary"
              testId={`minutes-export-${format}-${v.version}`}
              disabled={busy !== null}
              onClick={() => onExport(v, format)}
            >
              {rowBusy === format
                ? t('minutes.exporting')
                : t(format === 'pdf' ? 'minutes.exportPdf' : 'minutes.exportDocx')}
            </Button>
          );
          // One tbody per version: its facts and its actions read as one unit.
          return (
            <tbody
              key={v.version}
              className={`minutes-versions__version minutes-versions__version--${v.status}`}
              data-testid={`minutes-version-${v.version}`}
              data-status={v.status}
            >
              <tr>
                <td>
                  <strong>{t('minutes.versionNumber', { version: v.version })}</strong>
                  <br />
                  <span className="muted">{t('minutes.itemCount', { count: v.items })}</span>
                </td>
                <td>
                  <span
                    className={`minutes-status minutes-status--${v.status}`}
                    data-testid={`minutes-status-${v.version}`}
                    data-locked={v.status === 'approved'}
                  >
                    {v.status === 'approved' && <LockIcon />}
                    {v.status === 'approved'
                      ? `${t('minutes.status.approved')} · ${t('minutes.locked')}`
                      : t(`minutes.status.${v.status}`)}
                  </span>
                </td>
                <td>
                  <code
                    className="fingerprint"
                    title={t('minutes.hashTitle', { hash: groupedHash(v.sha256) })}
                  >
                    {formatFingerprint(v.sha256)}
                  </code>
                </td>
                <td>{byAt(v.madeBy, v.madeAt)}</td>
                <td>{byAt(v.approvedBy, v.approvedAt)}</td>
              </tr>
              <tr className="minutes-versions__actions-row">
                <td colSpan={5}>
                  <div className="minutes-versions__actions">
                    <Button
                      variant="secondary"
                      testId={`minutes-preview-${v.version}`}
                      onClick={() => onPreview(v)}
                    >
                      {t('minutes.preview')}
                    </Button>
                    {exportButton('pdf')}
                    {exportButton('docx')}
                    {v.status === 'draft' &&
                      (approveBlockedBy === null ? (
                        <Button
                          variant="primary"
                          testId={`minutes-approve-${v.version}`}
                          disabled={busy !== null}
                          onClick={() => onApprove(v)}
                        >
                          {t('minutes.approve')}
                        </Button>
                      ) : (
                        <span
                          className="minutes-versions__note"
                          data-testid={`minutes-approve-who-${v.version}`}
                        >
                          {approveBlockedBy}
                        </span>
                      ))}
                    {v.status === 'approved' && (
                      <span className="minutes-versions__note">{t('minutes.lockedHint')}</span>
                    )}
                    {v.status === 'superseded' && (
                      <span className="minutes-versions__note">
                        {t('minutes.supersededHint', { latest })}
                      </span>
                    )}
                  </div>
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
