import { LOCALES, useLocale } from '../i18n/locale-context';

/** Two pressed-state buttons rather than a select: one click, and both names always visible. */
export function LanguageToggle() {
  const { locale, setLocale, t } = useLocale();
  return (
    <div className="lang-toggle" role="group" aria-label={t('app.locale.label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          className="lang-toggle__option"
          lang={option}
          aria-pressed={option === locale}
          data-testid={`locale-${option}`}
          onClick={() => setLocale(option)}
        >
          {t(option === 'ko' ? 'app.locale.ko' : 'app.locale.en')}
        </button>
      ))}
    </div>
  );
}
