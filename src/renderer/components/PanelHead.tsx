import type { ReactNode } from 'react';

/** A panel's title row: the heading its section is labelled by, then the panel's actions. */
export function PanelHead({
  titleId,
  title,
  level = 2,
  titleClassName = 'panel__title',
  children,
}: {
  /** The heading's id, for the section's aria-labelledby. */
  titleId: string;
  title: ReactNode;
  level?: 2 | 3;
  titleClassName?: string;
  /** Actions or status beside the title. */
  children?: ReactNode;
}) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <div className="panel__head">
      <Heading id={titleId} className={titleClassName}>
        {title}
      </Heading>
      {children}
    </div>
  );
}
