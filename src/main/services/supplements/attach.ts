import { basename } from 'node:path';
import type { SupplementReport } from '../../../shared/ipc/supplements-schemas';
import { claimExistence } from '../../db/repositories/claims';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { createEvidenceCollector } from '../evidence/collect';
import { openEvidenceSource, type OpenedEvidenceSource } from '../evidence/source';
import { EvidenceStore } from '../evidence/store';
import { collectDeliveries, recordDeliveries } from './record-arrivals';

/** The folder or zip as a person would know it, for messages and the record. */
export function sourceName(source: OpenedEvidenceSource, path: string): string {
  return source.shape?.name ?? basename(path);
}

function whereIn(source: OpenedEvidenceSource, path: string): string {
  const shape = source.shape;
  if (shape === null) return `"${basename(path)}"`;
  const inside =
    shape.layout.kind === 'top-folder' ? ` (inside its folder ${shape.layout.folder}/)` : '';
  return `evidence ${shape.container} "${shape.name}"${inside}`;
}

const firstSegment = (name: string) => name.split('/')[0]!;

/**
 * The claim's own folder when the delivery has one (the way a batch's evidence is laid out),
 * else everything in it. A delivery sorted into folders for other claims and none for this one
 * was meant for them, not for this claim, so it is refused rather than attached whole.
 */
async function filesFor(
  ctx: ServiceContext,
  source: OpenedEvidenceSource,
  path: string,
  claimId: string,
): Promise<string[]> {
  const names = await source.names();
  const own = names.filter((name) => name.includes('/') && firstSegment(name) === claimId);
  if (own.length > 0) return own;
  if (names.length === 0)
    throw new ServiceError(
      'validation_failed',
      `${whereIn(source, path)} holds no files to attach to claim ${claimId}; nothing was attached`,
    );
  const isClaim = claimExistence(ctx.db);
  const others = [...new Set(names.filter((name) => name.includes('/')).map(firstSegment))].filter(
    isClaim,
  );
  if (others.length > 0)
    throw new ServiceError(
      'validation_failed',
      `${whereIn(source, path)} holds folders for other claims (${others.slice(0, 3).join(', ')}) and none named ${claimId}; nothing was attached`,
    );
  return names;
}

/**
 * Evidence that came later for one existing claim (most often the answer to a 보완 요청): each
 * file checked and stored as an import would, recorded after the claim's earlier files as one
 * arrival. Refused whole, with nothing written, for an unknown claim or an empty delivery.
 */
export async function attachEvidence(
  ctx: ServiceContext,
  request: { claimId: string; evidence: string },
): Promise<SupplementReport> {
  const { claimId, evidence } = request;
  if (!claimExistence(ctx.db)(claimId))
    throw new ServiceError(
      'not_found',
      `claim ${claimId} does not exist; no evidence from ${basename(evidence)} was attached`,
    );
  const source = await openEvidenceSource(evidence);
  try {
    const fileNames = await filesFor(ctx, source, evidence, claimId);
    const collector = createEvidenceCollector(
      source,
      new EvidenceStore(ctx.dataDir, ctx.workspaceKey),
    );
    const deliveries = await collectDeliveries(collector, [{ claimId, fileNames }]);
    const name = sourceName(source, evidence);
    return {
      source: name,
      claims: recordDeliveries(ctx, name, deliveries),
      unknownClaims: [],
      rowsWithoutFiles: [],
    };
  } finally {
    await source.close();
  }
}
