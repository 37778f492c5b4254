import { useActingChanges } from '../api/acting-changes';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useT } from '../i18n/locale-context';
import { roleLabel } from '../i18n/role-label';

/** A padlock drawn inline, shut or open: an emoji may be missing from the laptop's fonts. */
function Padlock({ open }: { open: boolean }) {
  return (
    <svg
      className="acting-badge__icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
    >
      <path
        d={open ? 'M4.5 7V4.5a3.5 3.5 0 0 1 6.8-1.2' : 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}

/**
 * Who is working at this machine, in the top bar on every screen: the person whose key is
 * unlocked, or "locked". A click opens Settings, where the key is unlocked or locked. It reads
 * people:list again whenever this window unlocks, locks or imports a roster.
 */
export function ActingBadge({ onOpen }: { onOpen: () => void }) {
  const t = useT();
  const { state } = useApi(api.people.list, undefined, useActingChanges());
  // Loading or failed: the top bar stays quiet; Settings shows the error.
  if (state.status !== 'ready') return null;
  const current = state.value.current;
  const label = current
    ? t('settings.people.badge.actingLabel', {
        name: current.name,
        role: roleLabel(t, current.role),
      })
    : t('settings.people.badge.lockedLabel');
  return (
    <button
      type="button"
      className={`acting-badge acting-badge--${current ? 'unlocked' : 'locked'}`}
      data-testid="acting-badge"
      data-state={current ? 'unlocked' : 'locked'}
      aria-label={label}
      title={label}
      onClick={onOpen}
    >
      <Padlock open={current !== null} />
      <span className="acting-badge__text">
        {current
          ? `${current.name} (${roleLabel(t, current.role)})`
          : t('settings.people.badge.locked')}
      </span>
    </button>
  );
}
