import { overLimit, rawRowPicker, type ResolvedColumns } from '../../../shared/domain/batch-format';
import { validateClaimRow, type RowIssue } from '../../../shared/domain/claim-row';
import { classifyTier, TIER_RULE_VERSION } from '../../../shared/domain/tier';
import type { ClaimInsertValues } from '../../db/repositories/claims';
import { hashClaimContent } from '../hashing';
import type { RoundTrip } from './batch-columns';
import type { SourceRow } from './readers';

/**
 * Everything an import works out about a row without the database: its cells read, the claim
 * checked, its tier and content hash. This is the part that runs on a worker thread
 * (prepare-in-worker.ts) while the main thread inserts the previous chunk, so it is plain data.
 */

/** A row that is a valid claim. */
export interface PreparedClaim {
  values: ClaimInsertValues;
  /** Evidence file names as the row lists them; null for none (most rows). */
  evidence: string[] | null;
  /** The quarantine entry a returning row names (보류번호), or null. */
  named: number | null;
}

/** A row that is not a valid claim: kept whole, with the reasons. */
export interface PreparedInvalidRow {
  row: number;
  values: Record<string, string>;
  claimId: string | null;
  issues: RowIssue[];
  named: number | null;
}

export interface PreparedChunk {
  /** The chunk's rows in file order. */
  rows: (PreparedClaim | PreparedInvalidRow)[];
  /**
   * The cells of each row, by its index in `rows`, as UTF-8 JSON: read only for a claim that
   * turns out to be a duplicate (kept whole in quarantine), which is rare. As bytes it crosses
   * threads moved, not copied, and stays out of the main thread's JavaScript heap (at 1M rows
   * it had been a third of that heap's peak).
   */
  cellsJson: Uint8Array;
  /** How far through the file the reader is after this chunk. */
  bytesRead: number;
}

export const isInvalidRow = (row: PreparedClaim | PreparedInvalidRow): row is PreparedInvalidRow =>
  !Array.isArray((row as PreparedClaim).values);

const parsedCells = new WeakMap<PreparedChunk, Record<string, string>[]>();
const utf8 = new TextDecoder();
/** Encodes into a buffer of its own (Buffer.from may share a pool), so it can be moved. */
const toUtf8 = new TextEncoder();

/**
 * The cells of a chunk's row, as the file had them (after a round trip's guard is removed).
 * The chunk's JSON is parsed once, at its first duplicate: a batch that repeats an earlier one
 * asks for every row.
 */
export function cellsOf(chunk: PreparedChunk, index: number): Record<string, string> {
  let cells = parsedCells.get(chunk);
  if (!cells) {
    cells = JSON.parse(utf8.decode(chunk.cellsJson)) as Record<string, string>[];
    parsedCells.set(chunk, cells);
  }
  return cells[index]!;
}

export function rowPreparer(
  columns: ResolvedColumns,
  restore: RoundTrip,
): (chunk: readonly SourceRow[], bytesRead: number) => PreparedChunk {
  const pick = rawRowPicker(columns.mapping);
  return (chunk, bytesRead) => {
    const rows: PreparedChunk['rows'] = [];
    const cells: Record<string, string>[] = [];
    for (const { row, values: sourceCells } of chunk) {
      const values = restore.values(sourceCells);
      const named = restore.entryOf(sourceCells);
      cells.push(values);
      const raw = pick(values);
      const checked = validateClaimRow(raw);
      if (!checked.ok) {
        const hasId = raw.claim_id !== '' && overLimit('claim_id', raw.claim_id) === null;
        rows.push({
          row,
          values,
          claimId: hasId ? raw.claim_id : null,
          issues: checked.issues,
          named,
        });
        continue;
      }
      const claim = checked.claim;
      rows.push({
        values: [
          claim.claimId,
          row,
          claim.receivedAt,
          claim.claimantType,
          claim.affiliate,
          claim.service,
          claim.paid ? 1 : 0,
          claim.damageType,
          claim.businessRegNo,
          claim.businessName,
          claim.industry,
          claim.claimedLoss,
          claim.description,
          claim.contact,
          classifyTier(claim),
          TIER_RULE_VERSION,
          hashClaimContent(claim),
        ],
        evidence: claim.evidence.length > 0 ? claim.evidence : null,
        named,
      });
    }
    return { rows, cellsJson: toUtf8.encode(JSON.stringify(cells)), bytesRead };
  };
}
