import type { DragEvent } from 'react';

/**
 * The first file dropped on an element. In the app the preload resolves it to a path (and main
 * grants reading it); in a plain browser there is no path, only the name to say so with.
 */
export function droppedFile(event: DragEvent<HTMLElement>): { path: string | null; name: string } {
  const file = event.dataTransfer.files[0];
  const path = file && window.desktop ? window.desktop.pathForFile(file) : '';
  return { path: path || null, name: file?.name ?? '' };
}
