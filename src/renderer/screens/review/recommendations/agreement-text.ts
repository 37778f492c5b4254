import type { Agreement } from '../../../../shared/domain/committee/agreement';
import type { Translate } from '../../../i18n/locale-context';

/**
 * The grid's short form of how members' recommendations stand: "일치 3", "충돌 2:1", "1명",
 * blank when nobody recommended. `split` is main's group sizes, largest first.
 */
export function agreementCellText(t: Translate, agreement: Agreement, split: string | null) {
  switch (agreement) {
    case 'none':
      return '';
    case 'single':
      return t('review.agreement.single');
    case 'agree':
      return t('review.agreement.agree', { count: split ?? '' });
    case 'conflict':
      return t('review.agreement.conflict', { split: split ?? '' });
  }
}

/** The claim detail's sentence for the same. */
export function agreementSentence(t: Translate, agreement: Agreement, split: string | null) {
  switch (agreement) {
    case 'none':
      return t('recommendations.detail.none');
    case 'single':
      return t('recommendations.detail.single');
    case 'agree':
      return t('recommendations.detail.agree', { count: split ?? '' });
    case 'conflict':
      return t('recommendations.detail.conflict', { split: split ?? '' });
  }
}
