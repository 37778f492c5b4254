import { TIER_LABELS, type Tier } from '../../../../shared/domain/tier';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/ko';
import type { QueueViewId } from './queue-views';

/** The saved views, tiers grouped under their own heading. */
export function ViewPicker({
  views,
  value,
  onChange,
  hasMe,
}: {
  views: readonly QueueViewId[];
  value: QueueViewId;
  onChange: (view: QueueViewId) => void;
  /** "My assignments" needs to know who "me" is. */
  hasMe: boolean;
}) {
  const { t, label } = useLocale();
  const named = views.filter((v) => !v.startsWith('tier:') && (hasMe || v !== 'mine'));
  const tiers = views.filter((v) => v.startsWith('tier:'));
  return (
    <label className="inline-field">
      <span className="inline-field__label">{t('review.view')}</span>
      <select
        className="select"
        data-testid="queue-view"
        value={value}
        onChange={(event) => onChange(event.target.value as QueueViewId)}
      >
        {named.map((view) => (
          <option key={view} value={view}>
            {t(`review.view.${view}` as MessageKey)}
          </option>
        ))}
        <optgroup label={t('review.view.tiers')}>
          {tiers.map((view) => (
            <option key={view} value={view}>
              {label(TIER_LABELS[view.slice('tier:'.length) as Tier])}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
