import { basename } from 'node:path';
import { FIELD_HEADERS, resolveColumns } from '../../../shared/domain/batch-format';
import { splitEvidenceList } from '../../../shared/domain/evidence';
import type { SupplementReport } from '../../../shared/ipc/supplements-schemas';
import { claimExistence } from '../../db/repositories/claims';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { createEvidenceCollector } from '../evidence/collect';
import { openEvidenceSource } from '../evidence/source';
import { EvidenceStore } from '../evidence/store';
import { openBatchReader } from '../intake/readers';
import { sourceName } from './attach';
import { collectDeliveries, recordDeliveries } from './record-arrivals';

type Row = SupplementReport['unknownClaims'][number];

/** The headers that name `field`, known the same way a batch's columns are (resolveColumns). */
function columnFor(headers: readonly string[], field: 'claim_id' | 'evidence'): string[] {
  const { mapping } = resolveColumns(headers);
  return headers.filter((header) => Object.hasOwn(mapping, header) && mapping[header] === field);
}

function columnsOf(headers: readonly string[], file: string): { id: string; names: string } {
  const found = {
    claim_id: columnFor(headers, 'claim_id'),
    evidence: columnFor(headers, 'evidence'),
  };
  const problems = (['claim_id', 'evidence'] as const)
    .filter((field) => found[field].length !== 1)
    .map((field) => ({
      path: field,
      code: found[field].length === 0 ? 'missing_column' : 'duplicate_column',
      message: `${found[field].length === 0 ? 'no' : 'more than one'} column for ${FIELD_HEADERS[field].ko} (${field})`,
    }));
  if (problems.length > 0)
    throw new ServiceError(
      'validation_failed',
      `${basename(file)} needs one ${FIELD_HEADERS.claim_id.ko} (claim_id) and one ${FIELD_HEADERS.evidence.ko} (evidence) column: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  return { id: found.claim_id[0]!, names: found.evidence[0]! };
}

interface Wanted {
  /** Claim id -> the files its rows name, in the file's order (a claim's rows are merged). */
  byClaim: Map<string, string[]>;
  unknownClaims: Row[];
  rowsWithoutFiles: Row[];
}

/** Every row of the file, sorted into what to attach and what cannot be. */
async function readWanted(ctx: ServiceContext, file: string): Promise<Wanted> {
  const reader = await openBatchReader(file);
  try {
    const columns = columnsOf(reader.headers, file);
    const isClaim = claimExistence(ctx.db);
    const wanted: Wanted = { byClaim: new Map(), unknownClaims: [], rowsWithoutFiles: [] };
    for await (const chunk of reader.chunks()) {
      for (const { row, values } of chunk) {
        const claimId = (values[columns.id] ?? '').trim();
        const names = splitEvidenceList(values[columns.names] ?? '');
        if (claimId === '' || !isClaim(claimId)) wanted.unknownClaims.push({ row, claimId });
        else if (names.length === 0) wanted.rowsWithoutFiles.push({ row, claimId });
        else wanted.byClaim.set(claimId, [...(wanted.byClaim.get(claimId) ?? []), ...names]);
      }
    }
    return wanted;
  } finally {
    reader.close();
  }
}

/**
 * Evidence for several existing claims at once, listed in a file shaped like a batch (CSV,
 * XLSX or JSON) of which only 접수번호 and 증빙 are read: each named file is looked up in the
 * folder or zip as an import would. A row naming a claim the workspace does not hold is
 * reported, not fatal; the others' arrivals are recorded together in one transaction.
 */
export async function attachEvidenceFromFile(
  ctx: ServiceContext,
  request: { file: string; evidence: string },
): Promise<SupplementReport> {
  const { byClaim, unknownClaims, rowsWithoutFiles } = await readWanted(ctx, request.file);
  const source = await openEvidenceSource(request.evidence);
  try {
    const name = sourceName(source, request.evidence);
    const collector = createEvidenceCollector(
      source,
      new EvidenceStore(ctx.dataDir, ctx.workspaceKey),
    );
    const deliveries = await collectDeliveries(
      collector,
      [...byClaim].map(([claimId, fileNames]) => ({ claimId, fileNames })),
    );
    const claims = deliveries.length > 0 ? recordDeliveries(ctx, name, deliveries) : [];
    return { source: name, claims, unknownClaims, rowsWithoutFiles };
  } finally {
    await source.close();
  }
}
