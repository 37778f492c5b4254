import type { KeyboardEvent } from 'react';
import { useLocale } from '../../../i18n/locale-context';
import { baseName, formatBytes, typeLabel } from './evidence-format';
import { problemLabel, type EvidenceItem } from './evidence-item';

/**
 * The claim's files as tabs: type, name, size and status on each. Missing and refused files
 * stay in the list, marked with their reason, but cannot be chosen: there is nothing to open.
 */
export function EvidenceTabs({
  evidence,
  active,
  panelId,
  onSelect,
}: {
  evidence: EvidenceItem[];
  active: number;
  panelId: string;
  onSelect(index: number): void;
}) {
  const { t, label } = useLocale();
  const openable = evidence.flatMap((item, i) => (item.status === 'stored' ? [i] : []));

  // Arrow keys move between the files that can be opened, as in any tab strip. On the tabs, as
  // the WAI-ARIA tabs pattern has it: only the selected tab is in the Tab order (roving
  // tabindex), so a key here always comes from a focused tab.
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const at = openable.indexOf(active);
    const target =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? openable[(at + 1) % openable.length]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? openable[(at - 1 + openable.length) % openable.length]
          : event.key === 'Home'
            ? openable[0]
            : event.key === 'End'
              ? openable.at(-1)
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    onSelect(target);
    event.currentTarget.parentElement
      ?.querySelector<HTMLElement>(`[data-index="${target}"]`)
      ?.focus();
  }

  return (
    <div
      className="evidence-tabs"
      role="tablist"
      aria-label={t('evidence.tabs.label', { count: evidence.length })}
    >
      {evidence.map((item, index) => {
        const stored = item.status === 'stored';
        const selected = index === active;
        const status = t(`evidence.status.${item.status}`);
        // "파일 없음" is both the status and the not_found reason: say it once.
        const problem = problemLabel(item.problem);
        const reason = problem && label(problem) !== status ? label(problem) : null;
        return (
          <button
            key={`${index}-${item.fileName}`}
            type="button"
            role="tab"
            id={`${panelId}-tab-${index}`}
            className={`evidence-tab evidence-tab--${item.status}${selected ? ' evidence-tab--active' : ''}`}
            aria-selected={selected}
            aria-controls={panelId}
            aria-disabled={!stored}
            tabIndex={selected ? 0 : -1}
            title={item.fileName}
            data-index={index}
            data-status={item.status}
            data-testid={`evidence-tab-${index}`}
            onClick={() => stored && onSelect(index)}
            onKeyDown={onKeyDown}
          >
            <span className="evidence-tab__type">{typeLabel(item.mediaType, item.fileName)}</span>
            <span className="evidence-tab__text">
              <span className="evidence-tab__name">{baseName(item.fileName)}</span>
              <span className="evidence-tab__meta">
                {stored ? (
                  formatBytes(item.sizeBytes)
                ) : (
                  <>
                    <span className={`badge badge--evidence-${item.status}`}>{status}</span>
                    {reason && ` ${reason}`}
                  </>
                )}
              </span>
            </span>
          </button>
        );
      })}
    </div>
  );
}
