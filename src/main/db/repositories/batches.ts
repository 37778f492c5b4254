import type { Db } from '../connection';

export interface BatchInput {
  name: string;
  sourceFile: string;
  contentHash: string;
  importedAt: string;
  importedBy: string;
  rowCount: number;
}

export interface Batch extends BatchInput {
  id: number;
}

export function insertBatch(db: Db, batch: BatchInput): Batch {
  const result = db
    .prepare(
      `INSERT INTO batches (name, source_file, content_hash, imported_at, imported_by, row_count)
       VALUES (@name, @sourceFile, @contentHash, @importedAt, @importedBy, @rowCount)`,
    )
    .run(batch);
  return { ...batch, id: Number(result.lastInsertRowid) };
}

export function findBatchByContentHash(db: Db, contentHash: string): Batch | undefined {
  return db
    .prepare(
      `SELECT id, name, source_file AS sourceFile, content_hash AS contentHash,
              imported_at AS importedAt, imported_by AS importedBy, row_count AS rowCount
       FROM batches WHERE content_hash = ?`,
    )
    .get(contentHash) as Batch | undefined;
}

export function countBatches(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n;
}
