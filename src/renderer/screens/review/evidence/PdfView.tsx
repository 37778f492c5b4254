import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useT } from '../../../i18n/locale-context';
import type { ViewerHandle } from './evidence-format';
import { isCancelled, openPdf, pageSize, renderPage } from './pdf-document';
import { PdfThumbnails } from './PdfThumbnails';
import { useElementSize } from './use-element-size';
import { useViewTransform } from './use-view-transform';
import { ViewerToolbar } from './ViewerToolbar';

const STAGE_PADDING = 24;

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; doc: PDFDocumentProxy }
  | { status: 'error'; message: string };

/**
 * A PDF drawn by pdf.js from its bytes: thumbnails on the left, one page at a time on a dark
 * stage, "fit" meaning the page's width (evidence is read line by line) or, for a document
 * previewed as printed, the whole page. Loaded lazily (see EvidenceContent), so pdf.js only
 * costs anything when a PDF is opened. Default-exported for React.lazy.
 */
export default function PdfView({
  bytes,
  ref,
  fit = 'width',
}: {
  bytes: Uint8Array;
  ref?: Ref<ViewerHandle>;
  fit?: 'width' | 'page';
}) {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [pageNumber, setPageNumber] = useState(1);
  const [page, setPage] = useState<PDFPageProxy | null>(null);
  const [stage, stageSize] = useElementSize<HTMLDivElement>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useViewTransform();

  useEffect(() => {
    const task = openPdf(bytes);
    let live = true;
    task.promise.then(
      (doc) => live && setLoaded({ status: 'ready', doc }),
      (error: unknown) =>
        live &&
        setLoaded({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    // Destroying the task ends the document and frees the worker's copy of it.
    return () => {
      live = false;
      void task.destroy();
    };
  }, [bytes]);

  const doc = loaded.status === 'ready' ? loaded.doc : null;
  const pages = doc?.numPages ?? 0;

  useEffect(() => {
    if (!doc) return;
    let live = true;
    doc.getPage(pageNumber).then(
      (proxy) => live && setPage(proxy),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [doc, pageNumber]);

  // The page on screen may still be the previous one while the next loads; that is what is drawn.
  const base = page ? pageSize(page, view.rotation) : null;
  const widthScale =
    base && stageSize.width > 0 ? (stageSize.width - STAGE_PADDING * 2) / base.width : null;
  const fitScale =
    fit === 'page' && base && widthScale !== null && stageSize.height > 0
      ? Math.min(widthScale, (stageSize.height - STAGE_PADDING * 2) / base.height)
      : widthScale;
  const scale = view.zoom === 'fit' ? fitScale : view.zoom;

  useEffect(() => {
    if (!page || scale === null || !canvas.current) return;
    const task = renderPage(page, canvas.current, scale, view.rotation);
    task.promise.catch((error: unknown) => {
      if (!isCancelled(error)) console.error('pdf page render failed', error);
    });
    // A newer zoom or page cancels the draw in progress: pdf.js refuses two on one canvas.
    return () => task.cancel();
  }, [page, scale, view.rotation]);

  const goTo = (n: number) => setPageNumber(Math.min(Math.max(1, n), Math.max(1, pages)));

  useImperativeHandle(ref, () => ({
    command(name) {
      if (name === 'zoomIn' && scale !== null) view.zoomIn(scale);
      else if (name === 'zoomOut' && scale !== null) view.zoomOut(scale);
      else if (name === 'fit') view.fit();
      else if (name === 'rotate') view.rotate();
      else if (name === 'nextPage') goTo(pageNumber + 1);
      else if (name === 'previousPage') goTo(pageNumber - 1);
      else return false;
      return true;
    },
  }));

  if (loaded.status === 'error') {
    return (
      <div className="evidence-stage">
        <p className="evidence-stage__message" role="alert">
          {t('evidence.pdf.error', { message: loaded.message })}
        </p>
      </div>
    );
  }

  return (
    <div className="evidence-view">
      <ViewerToolbar
        scale={scale}
        isFit={view.zoom === 'fit'}
        onZoomIn={() => scale !== null && view.zoomIn(scale)}
        onZoomOut={() => scale !== null && view.zoomOut(scale)}
        onFit={view.fit}
        onRotate={view.rotate}
        hint={t('evidence.keysHint.pdf')}
      >
        <button
          type="button"
          className="evidence-toolbar__button"
          onClick={() => goTo(pageNumber - 1)}
          disabled={pageNumber <= 1}
          title={`${t('evidence.pdf.previous')} (PageUp)`}
          aria-label={t('evidence.pdf.previous')}
          data-testid="evidence-pdf-previous"
        >
          ‹
        </button>
        <span className="evidence-toolbar__pages" data-testid="evidence-pdf-pageinfo">
          {pages === 0 ? '…' : t('evidence.pdf.page', { page: pageNumber, pages })}
        </span>
        <button
          type="button"
          className="evidence-toolbar__button"
          onClick={() => goTo(pageNumber + 1)}
          disabled={pageNumber >= pages}
          title={`${t('evidence.pdf.next')} (PageDown)`}
          aria-label={t('evidence.pdf.next')}
          data-testid="evidence-pdf-next"
        >
          ›
        </button>
      </ViewerToolbar>
      <div className="evidence-pdf">
        {doc && <PdfThumbnails doc={doc} current={pageNumber} onSelect={goTo} />}
        <div className="evidence-stage evidence-stage--pdf" ref={stage}>
          {!page && <p className="evidence-stage__message">{t('evidence.pdf.loading')}</p>}
          <canvas
            ref={canvas}
            className="evidence-pdf__page"
            data-testid="evidence-pdf-page"
            data-page={pageNumber}
            aria-label={t('evidence.pdf.canvas', { page: pageNumber })}
            role="img"
            hidden={!page}
          />
        </div>
      </div>
    </div>
  );
}
