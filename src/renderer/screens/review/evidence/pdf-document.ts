import {
  getDocument,
  GlobalWorkerOptions,
  RenderingCancelledException,
  type PDFDocumentLoadingTask,
  type PDFPageProxy,
  type RenderTask,
} from 'pdfjs-dist';
// Bundled by Vite as a file of our own: the worker loads from the app's origin ('self' in the
// CSP), never from a CDN.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Opens a PDF from its bytes, with everything that could fetch turned off: no URL, no CMap,
 * standard-font, ICC or wasm location (pdf.js only fetches what it is given a URL for), no
 * eval. Fonts a PDF does not embed fall back to system fonts, which is fine for reading.
 */
export function openPdf(bytes: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    // pdf.js transfers the array to its worker, detaching it: give it a copy, so the bytes
    // React holds stay usable (a re-render, StrictMode's second effect run).
    data: bytes.slice(),
    isEvalSupported: false,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
  });
}

/** Draws a page into a canvas at `cssScale`, sharp on high-DPI screens. */
export function renderPage(
  page: PDFPageProxy,
  canvas: HTMLCanvasElement,
  cssScale: number,
  extraRotation: number,
): RenderTask {
  const ratio = window.devicePixelRatio || 1;
  const rotation = (page.rotate + extraRotation) % 360;
  const viewport = page.getViewport({ scale: cssScale * ratio, rotation });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  return page.render({ canvas, viewport });
}

/** Page size in CSS pixels at 100%, after the page's own and the reader's rotation. */
export function pageSize(page: PDFPageProxy, extraRotation: number) {
  const { width, height } = page.getViewport({
    scale: 1,
    rotation: (page.rotate + extraRotation) % 360,
  });
  return { width, height };
}

/** A render that was cancelled (page turned, zoom changed) is not an error to show. */
export function isCancelled(error: unknown): boolean {
  return error instanceof RenderingCancelledException;
}
