import { useT } from '../i18n/locale-context';
import { LockNowButton } from '../screens/vault/LockNowButton';
import { ActingBadge } from './ActingBadge';
import { LanguageToggle } from './LanguageToggle';

export function TopBar({ onOpenSettings }: { onOpenSettings: () => void }) {
  const t = useT();
  return (
    <header className="topbar" data-testid="top-bar">
      <div className="topbar__brand">
        <span className="topbar__title">{t('app.title')}</span>
        <span className="topbar__council">{t('app.council')}</span>
      </div>
      <div className="topbar__end">
        <ActingBadge onOpen={onOpenSettings} />
        <LanguageToggle />
        <LockNowButton />
      </div>
    </header>
  );
}
