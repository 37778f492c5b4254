import {
  useEffect,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';

/**
 * A modal dialog on the native <dialog>, opened with showModal() while mounted: the browser
 * traps focus in it, makes the page behind inert and draws the ::backdrop. Escape (the dialog's
 * `cancel` event) and a click on the backdrop call onClose; the dialog never closes itself, so
 * the parent's state stays the one truth of whether it is open. When it goes, focus goes back
 * to where it was before it opened.
 */
export function Dialog({
  labelledBy,
  className,
  testId,
  initialFocus,
  onClose,
  onKeyDown,
  children,
}: {
  /** Id of the dialog's title. */
  labelledBy: string;
  className?: string;
  testId?: string;
  /** Focused on opening; without it, the dialog itself. */
  initialFocus?: RefObject<HTMLElement | null>;
  onClose: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  // A layout effect, so the cleanup closes the dialog while it is still in the document.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!element.open) element.showModal();
    (initialFocus?.current ?? element).focus();

    function onCancel(event: Event) {
      event.preventDefault();
      close.current();
    }
    // The backdrop has no element of its own: a click on it reaches the dialog itself, outside
    // its box. Listened for here rather than as an onClick prop, since the dialog is no button:
    // the keyboard's way to the same end is Escape, above.
    function onClick(event: MouseEvent) {
      if (event.target !== element) return;
      const box = element!.getBoundingClientRect();
      const inside =
        event.clientX >= box.left &&
        event.clientX <= box.right &&
        event.clientY >= box.top &&
        event.clientY <= box.bottom;
      if (!inside) close.current();
    }
    element.addEventListener('cancel', onCancel);
    element.addEventListener('click', onClick);
    return () => {
      element.removeEventListener('cancel', onCancel);
      element.removeEventListener('click', onClick);
      element.close();
      if (opener?.isConnected) opener.focus();
    };
    // initialFocus is a ref object, the same every render: this runs once per mount.
  }, [initialFocus]);

  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={labelledBy}
      data-testid={testId}
      tabIndex={-1}
      onKeyDown={(event) => {
        // Escape is the dialog's own (its cancel event, above): nothing behind it may also act
        // on it, such as the review screen's window-wide shortcuts.
        if (event.key === 'Escape') event.stopPropagation();
        onKeyDown?.(event);
      }}
    >
      {children}
    </dialog>
  );
}
