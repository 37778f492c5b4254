import { useEffect, useId, useRef } from 'react';
import { useLocale } from '../../../i18n/locale-context';
import { commandForKey, type ViewerHandle } from './evidence-format';
import { problemLabel, type EvidenceItem } from './evidence-item';
import { EvidenceContent } from './EvidenceContent';
import { EvidenceHeader } from './EvidenceHeader';
import { EvidenceTabs } from './EvidenceTabs';

export type { EvidenceItem } from './evidence-item';

export interface EvidenceViewerProps {
  claimId: string;
  evidence: EvidenceItem[];
  /** Index into `evidence`, which is also the file's position in the claim. */
  active: number;
  onActiveChange(index: number): void;
}

/**
 * The claim's evidence: tabs for its files, the open file's identity, and the file itself
 * (image, PDF, table or text). The open file's tab panel is focusable (as in the WAI-ARIA tabs
 * pattern), so the review screen can send focus there; + - 0 r and PageUp/PageDown then act on
 * the open file, from anywhere in the viewer.
 */
export function EvidenceViewer({ claimId, evidence, active, onActiveChange }: EvidenceViewerProps) {
  const { t } = useLocale();
  const panelId = useId();
  const view = useRef<ViewerHandle>(null);
  const viewer = useRef<HTMLElement>(null);
  const item = evidence[active];

  // One listener for the whole viewer, delegated: the keys come from whatever inside has focus
  // (the tab panel, a tab, a toolbar button, a thumbnail), each of which is focusable and
  // interactive in its own right. The region itself is neither, so the listener is not a prop
  // on it. It runs before the review screen's window listener, as React's handler did.
  useEffect(() => {
    const element = viewer.current;
    if (!element) return;
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.isComposing || target.closest('input, textarea, select')) return;
      const command = commandForKey(event);
      // Handled keys stop here; the review screen's shortcuts skip a prevented event.
      if (command && view.current?.command(command)) event.preventDefault();
    }
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <section
      ref={viewer}
      className="evidence-viewer"
      aria-label={t('evidence.viewer.label')}
      data-testid="evidence-viewer"
    >
      {evidence.length === 0 ? (
        <p className="evidence-empty">{t('evidence.none')}</p>
      ) : (
        <>
          <EvidenceTabs
            evidence={evidence}
            active={active}
            panelId={panelId}
            onSelect={onActiveChange}
          />
          {item && <EvidenceHeader item={item} />}
          <div
            className="evidence-viewer__body"
            id={panelId}
            role="tabpanel"
            aria-labelledby={`${panelId}-tab-${active}`}
            tabIndex={0}
            data-testid="evidence-panel"
          >
            {item && item.status === 'stored' ? (
              <EvidenceContent
                key={`${claimId}/${active}`}
                claimId={claimId}
                position={active}
                viewRef={view}
              />
            ) : (
              item && <CannotOpen item={item} />
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** A file listed in the claim but not stored: say so plainly, with the import's reason. */
function CannotOpen({ item }: { item: EvidenceItem }) {
  const { t, label } = useLocale();
  const problem = problemLabel(item.problem);
  return (
    <div className="evidence-stage">
      <div className="evidence-unavailable" role="note" data-testid="evidence-unavailable">
        <p className="evidence-unavailable__title">
          {t(
            item.status === 'missing'
              ? 'evidence.cannotOpen.missing'
              : 'evidence.cannotOpen.rejected',
          )}
        </p>
        {problem && <p>{t('evidence.problem', { problem: label(problem) })}</p>}
      </div>
    </div>
  );
}
