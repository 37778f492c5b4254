import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';

/** A plain-text statement, wrapped to the pane; main has already decoded UTF-8 or CP949. */
export function TextView({ text, truncated }: { text: string; truncated: boolean }) {
  const t = useT();
  return (
    <div className="evidence-view">
      {truncated && (
        <div className="evidence-infobar">
          <span className="evidence-infobar__warning" role="note" data-testid="evidence-truncated">
            {t('evidence.text.truncated', { chars: formatCount(text.length) })}
          </span>
        </div>
      )}
      <div className="evidence-paper-wrap">
        <pre className="evidence-text" data-testid="evidence-text" tabIndex={0}>
          {text}
        </pre>
      </div>
    </div>
  );
}
