import type { KeyboardEvent } from 'react';
import { REVIEW_STATE_LABELS } from '../../../shared/domain/decision';
import { formatKrw } from '../../../shared/domain/money';
import { TIER_LABELS } from '../../../shared/domain/tier';
import type { ClaimSummary } from '../../../shared/ipc/schemas';
import { formatCount, formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';

export function ClaimTable({
  claims,
  selectedId,
  onSelect,
}: {
  claims: ClaimSummary[];
  selectedId: string | null;
  onSelect: (claimId: string) => void;
}) {
  const { t, label, locale } = useLocale();

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, claimId: string) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(claimId);
    }
  }

  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="claim-table">
        <caption className="visually-hidden">{t('review.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.col.claimId')}</th>
            <th scope="col">{t('review.col.received')}</th>
            <th scope="col">{t('review.col.businessName')}</th>
            <th scope="col">{t('review.col.industry')}</th>
            <th scope="col">{t('review.col.service')}</th>
            <th scope="col" className="num">
              {t('review.col.claimedLoss')}
            </th>
            <th scope="col">{t('review.col.tier')}</th>
            <th scope="col">{t('review.col.reviewState')}</th>
            <th scope="col" className="num">
              {t('review.col.evidence')}
            </th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr
              key={claim.claimId}
              className="data-table__row--interactive"
              tabIndex={0}
              aria-current={claim.claimId === selectedId ? 'true' : undefined}
              data-testid={`claim-row-${claim.claimId}`}
              onClick={() => onSelect(claim.claimId)}
              onKeyDown={(event) => onRowKey(event, claim.claimId)}
            >
              <td className="mono">{claim.claimId}</td>
              <td className="nowrap">{formatDateTime(claim.receivedAt, locale)}</td>
              <td className="wrap">{claim.businessName ?? '—'}</td>
              <td>{claim.industry ?? '—'}</td>
              <td>{claim.service}</td>
              <td className="num">
                {claim.claimedLoss === null ? '—' : formatKrw(claim.claimedLoss)}
              </td>
              <td>{label(TIER_LABELS[claim.tier])}</td>
              <td>
                <span className={`badge badge--${claim.reviewState}`}>
                  {label(REVIEW_STATE_LABELS[claim.reviewState])}
                </span>
              </td>
              <td className="num">{formatCount(claim.evidenceCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
