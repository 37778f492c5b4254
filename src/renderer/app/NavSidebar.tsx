import { useT } from '../i18n/locale-context';
import { SCREENS, SCREEN_LABEL_KEYS, type ScreenId } from './screens';

export function NavSidebar({
  current,
  onNavigate,
}: {
  current: ScreenId;
  onNavigate: (screen: ScreenId) => void;
}) {
  const t = useT();
  return (
    <nav className="sidebar" aria-label={t('app.nav.label')}>
      <ul className="sidebar__list">
        {SCREENS.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={screen === current ? 'page' : undefined}
              data-testid={`nav-${screen}`}
              onClick={() => onNavigate(screen)}
            >
              {t(SCREEN_LABEL_KEYS[screen])}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
