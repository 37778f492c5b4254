/** The chosen file or folder under a "choose" button, or a muted placeholder while none is chosen. */
export function ChosenPath({
  path,
  empty,
  testId,
}: {
  path: string | null;
  /** Shown while path is null. */
  empty: string;
  testId: string;
}) {
  return (
    <p className={path ? 'drop-zone__file' : 'muted'} data-testid={testId}>
      {path ?? empty}
    </p>
  );
}
