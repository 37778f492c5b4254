import { CLAIM_FLAG_LABELS, type ClaimFlagDetail } from '../../../shared/domain/flags';
import { formatKrw } from '../../../shared/domain/money';
import { useLocale } from '../../i18n/locale-context';

/** Why the grid flagged this claim, with the other claims behind each flag. */
export function ClaimFlags({ flags }: { flags: ClaimFlagDetail[] }) {
  const { t, label } = useLocale();
  if (flags.length === 0) return null;
  return (
    <section className="detail__section" data-testid="claim-flags">
      <h3 className="detail__subtitle">{t('review.flags.title')}</h3>
      <ul className="flag-list">
        {flags.map((flag) => (
          <li key={flag.flag} className="flag-list__item" data-flag={flag.flag}>
            <span className="badge badge--flag">{label(CLAIM_FLAG_LABELS[flag.flag])}</span>
            {flag.threshold !== null && (
              <span className="muted">
                {t('review.flags.threshold', { amount: formatKrw(flag.threshold) })}
              </span>
            )}
            {flag.relatedClaimIds.length > 0 && (
              <span className="muted mono">{flag.relatedClaimIds.join(', ')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
