import { useT } from '../../../i18n/locale-context';
import { formatBytes, typeLabel } from './evidence-format';
import type { EvidenceItem } from './evidence-item';

/**
 * What file this is, exactly: its name as the claim lists it, type, size, and the full SHA-256
 * recorded at import (monospace, one click selects it), so a reviewer can quote it.
 */
export function EvidenceHeader({ item }: { item: EvidenceItem }) {
  const t = useT();
  return (
    <div className="evidence-header" data-testid="evidence-header">
      <span className="evidence-header__name" title={item.fileName}>
        {item.fileName}
      </span>
      <dl className="evidence-header__facts">
        <div>
          <dt>{t('evidence.header.type')}</dt>
          <dd>
            {typeLabel(item.mediaType, item.fileName)}
            {item.mediaType && <span className="evidence-header__mime"> {item.mediaType}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('evidence.header.size')}</dt>
          <dd title={item.sizeBytes === null ? undefined : `${item.sizeBytes} B`}>
            {formatBytes(item.sizeBytes)}
          </dd>
        </div>
        {item.sha256 && (
          <div className="evidence-header__hash">
            <dt>{t('evidence.header.sha256')}</dt>
            <dd>
              <code
                className="evidence-header__sha"
                data-testid="evidence-sha256"
                title={t('evidence.header.sha256.hint')}
              >
                {item.sha256}
              </code>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
