import type { ReactNode } from 'react';

/** Every screen opens with one h1 so the heading outline reads the same everywhere. */
export function ScreenHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  return (
    <header className="screen-header">
      <h1 className="screen-header__title">{title}</h1>
      {actions && <div className="screen-header__actions">{actions}</div>}
    </header>
  );
}
