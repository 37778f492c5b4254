import { useEffect, useRef } from 'react';
import type { MinutesVersionDto } from '../../../../shared/ipc/minutes-schemas';
import { useLocale } from '../../../i18n/locale-context';
import { groupedHash } from '../../../i18n/format';
import { Button } from '../../../components/Button';

/**
 * The chair's second step before approving: approval locks the version for good, so the
 * version and the whole hash of the text being approved are named before it is done.
 */
export function ApproveConfirm({
  version,
  approving,
  onConfirm,
  onCancel,
}: {
  version: MinutesVersionDto;
  approving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useLocale();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), []);

  return (
    <div
      className="notice notice--info minutes-approve"
      role="group"
      aria-labelledby="minutes-approve-title"
      data-testid="minutes-approve-confirm"
    >
      <p id="minutes-approve-title" className="notice__title">
        {t('minutes.approveTitle', { version: version.version })}
      </p>
      <p>{t('minutes.approveBody')}</p>
      <p>
        SHA-256{' '}
        <code className="fingerprint minutes-approve__hash">{groupedHash(version.sha256)}</code>
      </p>
      <div className="inline-form">
        <button
          ref={confirmButton}
          type="button"
          className="button button--primary"
          data-testid="minutes-approve-submit"
          disabled={approving}
          onClick={onConfirm}
        >
          {approving ? t('minutes.approving') : t('minutes.approveConfirm')}
        </button>
        <Button variant="ghost" onClick={onCancel}>
          {t('minutes.cancel')}
        </Button>
      </div>
    </div>
  );
}
