/**
 * A fingerprint ("3F9A-2C1B-77D0-E4A8") as people compare it: four groups set apart, in a
 * monospaced face where 0 and O differ. The dashes stay in the text, so copying it gives the
 * form every other screen and the CLI print.
 */
export function Fingerprint({
  value,
  large = false,
  testId,
}: {
  value: string;
  large?: boolean;
  testId?: string;
}) {
  const groups = value.split('-');
  return (
    <span
      className={`key-fingerprint${large ? ' key-fingerprint--large' : ''}`}
      data-testid={testId}
      data-fingerprint={value}
    >
      {groups.map((group, index) => (
        <span key={index}>
          {index > 0 && <span className="key-fingerprint__dash">-</span>}
          <span className="key-fingerprint__group">{group}</span>
        </span>
      ))}
    </span>
  );
}
