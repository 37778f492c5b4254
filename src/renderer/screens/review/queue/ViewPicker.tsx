import { TIER_LABELS, type Tier } from '../../../../shared/domain/tier';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/ko';
import type { QueueViewId } from './queue-views';

/** The views with a name of their own; the tier views are named by their tier. */
type NamedView = Exclude<QueueViewId, `tier:${string}`>;

const VIEW_LABEL_KEYS: Record<NamedView, MessageKey> = {
  mine: 'review.view.mine',
  queue: 'review.view.queue',
  all: 'review.view.all',
  decided: 'review.view.decided',
  evidence_requested: 'review.view.evidence_requested',
  deferred: 'review.view.deferred',
  flagged: 'review.view.flagged',
  member_conflict: 'review.view.member_conflict',
};

function isNamedView(view: QueueViewId): view is NamedView {
  return !view.startsWith('tier:');
}

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
  const named = views.filter(isNamedView).filter((v) => hasMe || v !== 'mine');
  const tiers = views.filter((v) => !isNamedView(v));
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
            {t(VIEW_LABEL_KEYS[view])}
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
