import type { MouseEventHandler, ReactNode } from 'react';

/** The app's one button markup ("button button--<variant>"), instead of spelling it at every call site. */
export function Button({
  variant,
  small = false,
  className,
  type = 'button',
  testId,
  disabled,
  onClick,
  children,
}: {
  variant: 'primary' | 'secondary' | 'ghost';
  /** Adds button--small. */
  small?: boolean;
  /** Classes after the button ones. */
  className?: string;
  type?: 'button' | 'submit';
  testId?: string;
  disabled?: boolean;
  onClick?: MouseEventHandler<HTMLButtonElement>;
  children: ReactNode;
}) {
  const classes = ['button', `button--${variant}`];
  if (small) classes.push('button--small');
  if (className) classes.push(className);
  return (
    <button
      type={type}
      className={classes.join(' ')}
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
