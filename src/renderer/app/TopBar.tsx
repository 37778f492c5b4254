import { useT } from '../i18n/locale-context';
import { LanguageToggle } from './LanguageToggle';

export function TopBar() {
  const t = useT();
  return (
    <header className="topbar" data-testid="top-bar">
      <div className="topbar__brand">
        <span className="topbar__title">{t('app.title')}</span>
        <span className="topbar__council">{t('app.council')}</span>
      </div>
      <LanguageToggle />
    </header>
  );
}
