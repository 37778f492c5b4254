import { useT } from '../i18n/locale-context';

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('app.common.loading')}
    </p>
  );
}
