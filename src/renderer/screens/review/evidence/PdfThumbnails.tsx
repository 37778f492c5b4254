import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef } from 'react';
import { useT } from '../../../i18n/locale-context';
import { isCancelled, pageSize, renderPage } from './pdf-document';

/** Thumbnail width in CSS pixels. */
const THUMB_WIDTH = 96;

/**
 * A column of page thumbnails. They are drawn one after another, not all at once, so a long
 * statement does not hold up the page being read; unmounting stops the run.
 */
export function PdfThumbnails({
  doc,
  current,
  onSelect,
}: {
  doc: PDFDocumentProxy;
  current: number;
  onSelect(page: number): void;
}) {
  const t = useT();
  const canvases = useRef(new Map<number, HTMLCanvasElement>());
  const list = useRef<HTMLOListElement>(null);
  const pages = Array.from({ length: doc.numPages }, (_, i) => i + 1);

  useEffect(() => {
    let stopped = false;
    let running: { cancel(): void } | null = null;
    void (async () => {
      for (let n = 1; n <= doc.numPages && !stopped; n++) {
        const canvas = canvases.current.get(n);
        if (!canvas) continue;
        try {
          const page = await doc.getPage(n);
          if (stopped) return;
          const task = renderPage(page, canvas, THUMB_WIDTH / pageSize(page, 0).width, 0);
          running = task;
          await task.promise;
        } catch (error) {
          // A thumbnail that cannot be drawn stays blank; the page itself shows the problem.
          if (!isCancelled(error) && !stopped) console.error('pdf thumbnail failed', error);
        }
      }
    })();
    return () => {
      stopped = true;
      running?.cancel();
    };
  }, [doc]);

  // Keep the current page's thumbnail in view as PageUp/PageDown move through a long file.
  useEffect(() => {
    list.current?.querySelector(`[data-page="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <nav className="evidence-thumbs" aria-label={t('evidence.pdf.thumbs')}>
      <ol className="evidence-thumbs__list" ref={list} data-testid="evidence-pdf-thumbs">
        {pages.map((n) => (
          <li key={n}>
            <button
              type="button"
              className={`evidence-thumbs__item${n === current ? ' evidence-thumbs__item--current' : ''}`}
              aria-current={n === current ? 'page' : undefined}
              aria-label={t('evidence.pdf.thumb', { page: n })}
              data-page={n}
              onClick={() => onSelect(n)}
            >
              <canvas
                className="evidence-thumbs__canvas"
                ref={(el) => {
                  if (el) canvases.current.set(n, el);
                  else canvases.current.delete(n);
                }}
              />
              <span className="evidence-thumbs__number">{n}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
