import { useRef } from 'react';
import { Dialog } from '../../../components/Dialog';
import { useT } from '../../../i18n/locale-context';
import { ExportRecommendations } from './ExportRecommendations';
import { ImportRecommendations } from './ImportRecommendations';

/**
 * Members' recommendation files, opened from the Review screen: the secretary imports the
 * files members sent; a member exports their own. One dialog for both, since the same person
 * may be a member on their laptop and the secretary's files arrive on another.
 */
export function RecommendationsPanel({
  exportFirst,
  onClose,
  onImported,
}: {
  /** A member at this machine comes to export; the secretary (or nobody chosen) to import. */
  exportFirst: boolean;
  onClose: () => void;
  /** New recommendations arrived: the grid's agreement column must be asked for again. */
  onImported: () => void;
}) {
  const t = useT();
  const closeRef = useRef<HTMLButtonElement>(null);

  return (
    <Dialog
      labelledBy="recs-panel-title"
      className="recs-panel"
      testId="recs-panel"
      initialFocus={closeRef}
      onClose={onClose}
      // The review screen's shortcuts must not act behind a modal dialog (Escape is the
      // dialog's own: it closes it).
      onKeyDown={(event) => event.stopPropagation()}
    >
      <header className="dialog__header">
        <h2 id="recs-panel-title" className="panel__title">
          {t('recommendations.title')}
        </h2>
        <button
          ref={closeRef}
          type="button"
          className="button button--ghost"
          data-testid="recs-panel-close"
          onClick={onClose}
        >
          {t('review.detail.close')}
        </button>
      </header>
      {exportFirst ? (
        <>
          <ExportRecommendations />
          <ImportRecommendations onImported={onImported} />
        </>
      ) : (
        <>
          <ImportRecommendations onImported={onImported} />
          <ExportRecommendations />
        </>
      )}
    </Dialog>
  );
}
