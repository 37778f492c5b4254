import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { en } from './en';
import { ko, type MessageKey, type Messages } from './ko';

export type Locale = 'ko' | 'en';
export const LOCALES: readonly Locale[] = ['ko', 'en'];

/** Shape of the shared domain label tables (TIER_LABELS, OUTCOME_LABELS ...). */
export type Labelled = { ko: string; en: string };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const STORAGE_KEY = 'review-desk.locale';
const CATALOGUES: Record<Locale, Messages> = { ko, en };

interface LocaleValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Picks the current language from a shared {ko, en} label. */
  label: (labelled: Labelled) => string;
}

const LocaleContext = createContext<LocaleValue | null>(null);

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'ko';
  } catch {
    // Storage can be unavailable (privacy settings, tests); Korean is the safe default.
    return 'ko';
  }
}

export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembering the choice is acceptable; failing to switch is not.
    }
  }, []);

  // Screen readers and font fallback follow <html lang>, so it tracks the choice.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<LocaleValue>(() => {
    const messages = CATALOGUES[locale];
    return {
      locale,
      setLocale,
      t: (key, params) => interpolate(messages[key], params),
      label: (labelled) => labelled[locale],
    };
  }, [locale, setLocale]);

  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}

export function useT(): Translate {
  return useLocale().t;
}
