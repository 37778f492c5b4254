import type { ReactNode } from 'react';
import { LanguageToggle } from '../../app/LanguageToggle';
import { FactRow } from '../../components/Facts';
import { useT } from '../../i18n/locale-context';

/**
 * The page around the gate's screens: the app's top bar (title and language only, since
 * nothing else may show before the workspace is open) over a centred column.
 */
export function GateFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="vault-gate">
      <header className="topbar vault-gate__bar">
        <div className="topbar__brand">
          <span className="topbar__title">{t('app.title')}</span>
          <span className="topbar__council">{t('app.council')}</span>
        </div>
        <div className="topbar__end">
          <LanguageToggle />
        </div>
      </header>
      <main className="vault-gate__main">{children}</main>
    </div>
  );
}

/** One gate screen: a card titled by its h1 (the page's only heading of that level). */
export function GateCard({
  testId,
  title,
  className,
  children,
}: {
  testId: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  const titleId = `${testId}-title`;
  return (
    <section
      className={className ? `panel vault-card ${className}` : 'panel vault-card'}
      data-testid={testId}
      aria-labelledby={titleId}
    >
      <h1 id={titleId} className="vault-card__title">
        {title}
      </h1>
      {children}
    </section>
  );
}

/** Which workspace asks: its folder, so a person with several copies knows which one this is. */
export function WorkspaceFolder({ dataDir }: { dataDir: string }) {
  const t = useT();
  return (
    <dl className="facts vault-card__folder">
      <FactRow term={t('vault.folder')} className="mono break-all" testId="vault-data-dir">
        {dataDir}
      </FactRow>
    </dl>
  );
}
