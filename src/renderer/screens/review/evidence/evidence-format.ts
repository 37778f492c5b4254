/** Small, pure helpers of the evidence viewer: labels, sizes and the zoom ladder. */

const TYPE_LABELS: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/pdf': 'PDF',
  'text/csv': 'CSV',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'text/plain': 'TXT',
};

/** A short type for tabs; a refused file has no sniffed type, so its extension stands in. */
export function typeLabel(mediaType: string | null, fileName: string): string {
  if (mediaType !== null && TYPE_LABELS[mediaType]) return TYPE_LABELS[mediaType];
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '—' : fileName.slice(dot + 1).toUpperCase();
}

/** The name without the claim folder the batch lists it under ("K-2022-000123/pos.csv"). */
export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

/** Binary units with one decimal, the same in both languages. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** 'fit' follows the pane's size; a number is a fixed scale (1 = 100%). */
export type Zoom = 'fit' | number;

/** The ladder most document viewers use, so each step is a familiar percentage. */
const ZOOM_STEPS = [
  0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5,
];

/** The next step above (or below) the scale now shown, which may be a fit scale off the ladder. */
export function stepZoom(current: number, direction: 1 | -1): number {
  if (direction === 1) return ZOOM_STEPS.find((s) => s > current * 1.01) ?? ZOOM_STEPS.at(-1)!;
  return [...ZOOM_STEPS].reverse().find((s) => s < current * 0.99) ?? ZOOM_STEPS[0]!;
}

/** What the keyboard and toolbar can ask of whichever view is showing. */
export type ViewerCommand = 'zoomIn' | 'zoomOut' | 'fit' | 'rotate' | 'nextPage' | 'previousPage';

export interface ViewerHandle {
  /** False when the view has no such command (a table has no zoom), so the key is left alone. */
  command(name: ViewerCommand): boolean;
}

/** Keys that work while the viewer has focus; modifiers are left to the browser (Ctrl+- etc.). */
export function commandForKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): ViewerCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
    case '_':
      return 'zoomOut';
    case '0':
      return 'fit';
    case 'r':
    case 'R':
      return 'rotate';
    case 'PageDown':
      return 'nextPage';
    case 'PageUp':
      return 'previousPage';
    default:
      return null;
  }
}
