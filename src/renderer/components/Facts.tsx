import type { ReactNode } from 'react';

/** One term/value row of a "facts" definition list, the label/value markup many panels repeat. */
export function FactRow({
  term,
  className,
  testId,
  children,
}: {
  term: ReactNode;
  /** On the <dd>. */
  className?: string;
  /** On the <dd>. */
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd className={className} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
