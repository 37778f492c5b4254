import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ServiceError } from '../errors';
import { openFolderSource } from './folder-source';
import {
  layoutOf,
  topNamesOf,
  withLayout,
  type EvidenceShape,
  type OpenedEvidenceSource,
  type TopItem,
} from './layout';
import {
  DEFAULT_EVIDENCE_LIMITS,
  type EvidenceLimits,
  type EvidenceSource,
  type ReadResult,
} from './source-types';
import { openZipSource } from './zip-source';

export { DEFAULT_EVIDENCE_LIMITS };
export type { EvidenceLimits, EvidenceSource, EvidenceShape, OpenedEvidenceSource, ReadResult };

const NOT_SUPPLIED: OpenedEvidenceSource = {
  read: async () => ({ ok: false, problem: 'not_supplied' }),
  names: async () => [],
  close: async () => {},
  shape: null,
};

function laidOut(
  path: string,
  container: EvidenceShape['container'],
  opened: EvidenceSource & { top: TopItem[] },
): OpenedEvidenceSource {
  const layout = layoutOf(opened.top);
  const { read, names, close } = withLayout(opened, layout);
  return {
    read,
    names,
    close,
    shape: { container, name: basename(path), layout, topNames: topNamesOf(opened.top) },
  };
}

async function startsWithPk(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head.toString('latin1') === 'PK';
  } finally {
    await handle.close();
  }
}

/**
 * Opens the folder or zip given with a batch, and decides there whether its names start at
 * its top or inside its one top folder (see layout.ts). The per-file problems come back from
 * read(); a source that cannot be opened at all throws, since no file in it could be judged.
 */
export async function openEvidenceSource(
  path: string | null,
  limits: Partial<EvidenceLimits> = {},
): Promise<OpenedEvidenceSource> {
  if (path === null) return NOT_SUPPLIED;
  const effective: EvidenceLimits = { ...DEFAULT_EVIDENCE_LIMITS, ...limits };
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new ServiceError('not_found', `evidence folder or zip not found: ${path}`);
  }
  if (info.isDirectory()) return laidOut(path, 'folder', await openFolderSource(path, effective));
  if (info.isFile() && (/\.zip$/i.test(path) || (await startsWithPk(path)))) {
    try {
      return laidOut(path, 'zip', await openZipSource(path, effective));
    } catch (error) {
      throw new ServiceError(
        'validation_failed',
        `evidence zip could not be read: ${(error as Error).message}`,
      );
    }
  }
  throw new ServiceError('validation_failed', `evidence must be a folder or a zip: ${path}`);
}
