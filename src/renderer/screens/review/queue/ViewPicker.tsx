import { TIER_LABELS, type Tier } from '../../../../shared/domain/tier';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/ko';
import type { QueueViewId } from './queue-views';
import { Options, SelectField } from '../../../components/Field';

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
  appeals: 'review.view.appeals',
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
    <SelectField
      label={t('review.view')}
      inline
      testId="queue-view"
      value={value}
      onChange={(view) => onChange(view as QueueViewId)}
    >
      <Options values={named} optionLabel={(view) => t(VIEW_LABEL_KEYS[view])} />
      <optgroup label={t('review.view.tiers')}>
        <Options
          values={tiers}
          optionLabel={(view) => label(TIER_LABELS[view.slice('tier:'.length) as Tier])}
        />
      </optgroup>
    </SelectField>
  );
}
