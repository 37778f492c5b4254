import type { ReactNode } from 'react';
import { useT } from '../../../i18n/locale-context';

/**
 * The strip above an image or PDF: zoom out, the current scale, zoom in, fit, rotate, then
 * whatever the view adds (page navigation). Buttons say what they do in their title too.
 */
export function ViewerToolbar({
  scale,
  isFit,
  onZoomIn,
  onZoomOut,
  onFit,
  onRotate,
  hint,
  children,
}: {
  /** The scale on screen now (1 = 100%), null while not yet known. */
  scale: number | null;
  isFit: boolean;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  onRotate(): void;
  hint: string;
  children?: ReactNode;
}) {
  const t = useT();
  const percent = scale === null ? '—' : String(Math.round(scale * 100));
  return (
    <div className="evidence-toolbar" role="toolbar" aria-label={t('evidence.toolbar.label')}>
      <div className="evidence-toolbar__group">
        <button
          type="button"
          className="evidence-toolbar__button"
          onClick={onZoomOut}
          disabled={scale === null}
          title={`${t('evidence.zoomOut')} (-)`}
          aria-label={t('evidence.zoomOut')}
          data-testid="evidence-zoom-out"
        >
          −
        </button>
        <output className="evidence-toolbar__zoom" aria-live="polite" data-testid="evidence-zoom">
          <span className="visually-hidden">{t('evidence.zoomLevel', { percent })}</span>
          <span aria-hidden="true">{percent}%</span>
        </output>
        <button
          type="button"
          className="evidence-toolbar__button"
          onClick={onZoomIn}
          disabled={scale === null}
          title={`${t('evidence.zoomIn')} (+)`}
          aria-label={t('evidence.zoomIn')}
          data-testid="evidence-zoom-in"
        >
          +
        </button>
        <button
          type="button"
          className="evidence-toolbar__button evidence-toolbar__button--text"
          onClick={onFit}
          aria-pressed={isFit}
          title={`${t('evidence.fit')} (0)`}
          data-testid="evidence-fit"
        >
          {t('evidence.fit')}
        </button>
        <button
          type="button"
          className="evidence-toolbar__button evidence-toolbar__button--text"
          onClick={onRotate}
          title={`${t('evidence.rotate')} (r)`}
          data-testid="evidence-rotate"
        >
          ⟳ {t('evidence.rotate')}
        </button>
      </div>
      {children && <div className="evidence-toolbar__group">{children}</div>}
      <span className="evidence-toolbar__hint">{hint}</span>
    </div>
  );
}
