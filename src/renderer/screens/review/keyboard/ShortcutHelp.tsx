import { useRef } from 'react';
import { OUTCOME_LABELS } from '../../../../shared/domain/decision';
import { Dialog } from '../../../components/Dialog';
import { useLocale } from '../../../i18n/locale-context';
import { SHORTCUTS } from './shortcuts';

const KEY_LABELS: Record<string, string> = {
  'Control+Enter': 'Ctrl + Enter',
  'Meta+Enter': '⌘ + Enter',
  Escape: 'Esc',
};

/** The list of shortcuts, opened with "?"; focus moves into it and Escape closes it. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t, label } = useLocale();
  const closeRef = useRef<HTMLButtonElement>(null);

  return (
    <Dialog
      labelledBy="shortcut-help-title"
      testId="shortcut-help"
      initialFocus={closeRef}
      onClose={onClose}
    >
      <header className="dialog__header">
        <h2 id="shortcut-help-title" className="panel__title">
          {t('review.keys.title')}
        </h2>
        <button ref={closeRef} type="button" className="button button--ghost" onClick={onClose}>
          {t('review.detail.close')}
        </button>
      </header>
      <table className="shortcut-table">
        <tbody>
          <tr>
            <td>
              <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd>
            </td>
            <td>{t('review.keys.gridArrows')}</td>
          </tr>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys[0]}>
              <td>
                {shortcut.keys.map((key) => (
                  <kbd key={key}>{KEY_LABELS[key] ?? key}</kbd>
                ))}
              </td>
              <td>
                {shortcut.outcome
                  ? t(shortcut.description, { outcome: label(OUTCOME_LABELS[shortcut.outcome]) })
                  : t(shortcut.description)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
