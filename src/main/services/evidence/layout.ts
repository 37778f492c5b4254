import { checkEvidenceName, nfcKey } from './names';
import type { EvidenceSource } from './source-types';

/**
 * Where the 증빙 column's names start. Zipping the evidence folder itself (the usual way) puts
 * every entry under that folder's name, while the batch names files from inside it; so a zip
 * or folder holding nothing but one folder is also looked into.
 */
export type EvidenceLayout = { kind: 'root' } | { kind: 'top-folder'; folder: string };

/** One name at the top of a zip or folder. */
export interface TopItem {
  name: string;
  isDirectory: boolean;
}

/** What was given with the batch, kept so a report can say where it looked. */
export interface EvidenceShape {
  container: 'zip' | 'folder';
  /** The zip's or folder's own name, never its full path. */
  name: string;
  layout: EvidenceLayout;
  /** Sorted; folders end in "/"; the macOS extras left out. */
  topNames: string[];
}

export interface OpenedEvidenceSource extends EvidenceSource {
  /** null when no folder or zip came with the batch. */
  shape: EvidenceShape | null;
}

/**
 * Finder and Archive Utility (and Windows Explorer, for its thumbnails and folder settings) add
 * these beside the real files; no claim names them.
 */
const MAC_EXTRAS = new Set(['__MACOSX', '.DS_Store', 'Thumbs.db', 'desktop.ini']);

export function withoutMacExtras(top: TopItem[]): TopItem[] {
  return top.filter((item) => !MAC_EXTRAS.has(item.name));
}

/** Decided once, at open time: one folder alone at the top, or names from the top itself. */
export function layoutOf(top: TopItem[]): EvidenceLayout {
  const real = withoutMacExtras(top);
  const only = real.length === 1 ? real[0]! : null;
  return only?.isDirectory ? { kind: 'top-folder', folder: only.name } : { kind: 'root' };
}

export function topNamesOf(top: TopItem[]): string[] {
  return withoutMacExtras(top)
    .map((item) => (item.isDirectory ? `${item.name}/` : item.name))
    .sort();
}

/**
 * The files a person meant to hand over: no OS extras at any depth, one name per file (two
 * spellings of one name in Unicode read as one file, or as ambiguous), and in the top-folder
 * layout named from inside that folder, as a batch would name them.
 */
async function namesIn(source: EvidenceSource, layout: EvidenceLayout): Promise<string[]> {
  // A zip's top folder is known by its NFC form; its entries keep their own spelling.
  const top = layout.kind === 'top-folder' ? nfcKey(layout.folder) : null;
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of await source.names()) {
    const segments = name.split('/');
    if (top !== null && (segments.length < 2 || nfcKey(segments.shift()!) !== top)) continue;
    if (segments.some((segment) => MAC_EXTRAS.has(segment))) continue;
    const relative = segments.join('/');
    const key = nfcKey(relative);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(relative);
  }
  return names.sort();
}

/**
 * A name is looked up as written first, so a batch that spells out the top folder keeps
 * working; only a name not found there is looked for inside the top folder.
 */
export function withLayout(source: EvidenceSource, layout: EvidenceLayout): EvidenceSource {
  const names = () => namesIn(source, layout);
  if (layout.kind === 'root')
    return { read: (name) => source.read(name), names, close: () => source.close() };
  return {
    names,
    async read(name) {
      const asWritten = await source.read(name);
      if (asWritten.ok || asWritten.problem !== 'not_found') return asWritten;
      // An empty name is "not found" too, but must not come to mean the top folder itself.
      if (!checkEvidenceName(name).ok) return asWritten;
      return source.read(`${layout.folder}/${name}`);
    },
    close: () => source.close(),
  };
}
