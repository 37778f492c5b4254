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
      {/* The scroll container, named: with nothing focusable inside, Chromium (130+) makes it a
          tab stop by itself whenever it overflows, so the keyboard scrolls it. */}
      <div className="evidence-paper-wrap" role="region" aria-label={t('evidence.text.label')}>
        <pre className="evidence-text" data-testid="evidence-text">
          {text}
        </pre>
      </div>
    </div>
  );
}
