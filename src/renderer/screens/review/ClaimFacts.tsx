import { maskBusinessRegNo } from '../../../shared/domain/business-reg-no';
import { CLAIMANT_TYPE_LABELS, DAMAGE_TYPE_LABELS } from '../../../shared/domain/claim';
import { REVIEW_STATE_LABELS } from '../../../shared/domain/decision';
import { formatKrw } from '../../../shared/domain/money';
import { TIER_LABELS } from '../../../shared/domain/tier';
import type { ClaimDetail } from '../../../shared/ipc/schemas';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';
import { Button } from '../../components/Button';

export function ClaimFacts({
  claim,
  contact,
  onReveal,
}: {
  claim: ClaimDetail;
  /** The unmasked contact once revealed (undefined until then). */
  contact: string | null | undefined;
  onReveal: () => void;
}) {
  const { t, label, locale } = useLocale();
  const none = '—';
  const rows: [string, string, string?][] = [
    [t('review.col.claimId'), claim.claimId, 'mono'],
    [t('review.col.received'), formatDateTime(claim.receivedAt, locale)],
    [t('review.detail.batch'), `#${claim.batchId}`],
    [t('review.detail.claimantType'), label(CLAIMANT_TYPE_LABELS[claim.claimantType])],
    [t('review.detail.affiliate'), claim.affiliate],
    [t('review.col.service'), claim.service],
    [t('review.detail.paid'), claim.paid ? t('app.common.yes') : t('app.common.no')],
    [t('review.detail.damageType'), label(DAMAGE_TYPE_LABELS[claim.damageType])],
    [t('review.col.businessName'), claim.businessName ?? none],
    [
      t('review.detail.businessRegNo'),
      claim.businessRegNo === null ? none : maskBusinessRegNo(claim.businessRegNo),
      'mono',
    ],
    [t('review.col.industry'), claim.industry ?? none],
    [
      t('review.col.claimedLoss'),
      claim.claimedLoss === null ? none : formatKrw(claim.claimedLoss),
      'num',
    ],
    [t('review.col.tier'), label(TIER_LABELS[claim.tier])],
    [t('review.detail.tierRule'), `v${claim.tierRuleVersion}`],
    [
      t('corrections.versionLabel'),
      t(claim.version > 1 ? 'corrections.versionCorrected' : 'corrections.version', {
        version: String(claim.version),
      }),
    ],
    [t('review.col.reviewState'), label(REVIEW_STATE_LABELS[claim.reviewState])],
  ];

  return (
    <section className="detail__section" aria-label={t('review.detail.fields')}>
      <dl className="facts" data-testid="claim-facts">
        {rows.map(([term, value, className]) => (
          <div className="facts__row" key={term}>
            <dt>{term}</dt>
            <dd className={className}>{value}</dd>
          </div>
        ))}
        <div className="facts__row">
          <dt>
            {contact === undefined
              ? t('review.detail.contact')
              : t('review.detail.contactRevealed')}
          </dt>
          <dd className="mono contact-cell" data-testid="claim-contact">
            {contact === undefined ? (claim.contactMasked ?? none) : (contact ?? none)}
            {contact === undefined && claim.contactMasked !== null && (
              <Button variant="ghost" small testId="reveal-contact" onClick={onReveal}>
                {t('review.detail.reveal')} <kbd>m</kbd>
              </Button>
            )}
          </dd>
        </div>
      </dl>
      <h3 className="detail__subtitle">{t('review.detail.description')}</h3>
      <p className="detail__description" data-testid="claim-description">
        {claim.description}
      </p>
    </section>
  );
}
