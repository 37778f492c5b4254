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

const SELECT_BATCH = `SELECT id, name, source_file AS sourceFile, content_hash AS contentHash,
  imported_at AS importedAt, imported_by AS importedBy, row_count AS rowCount FROM batches`;

export function countBatches(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n;
}

export function findBatchById(db: Db, id: number): Batch | undefined {
  return db.prepare(`${SELECT_BATCH} WHERE id = ?`).get(id) as Batch | undefined;
}

/** The row count is known only once the whole file has been read, inside the same transaction. */
export function setBatchRowCount(db: Db, id: number, rowCount: number): void {
  db.prepare('UPDATE batches SET row_count = ? WHERE id = ?').run(rowCount, id);
}

export interface BatchListItem extends Omit<Batch, 'contentHash'> {
  claims: number;
  quarantined: number;
}

export function listBatches(db: Db): BatchListItem[] {
  return db
    .prepare(
      `SELECT b.id, b.name, b.source_file AS sourceFile, b.imported_at AS importedAt,
              b.imported_by AS importedBy, b.row_count AS rowCount,
              (SELECT count(*) FROM claims c WHERE c.batch_id = b.id) AS claims,
              (SELECT count(*) FROM quarantine_status q
                 WHERE q.batch_id = b.id AND q.status = 'open') AS quarantined
       FROM batches b ORDER BY b.id`,
    )
    .all() as BatchListItem[];
}

/** A batch's id and name, found by its content hash (batch ids are local to a workspace). */
export function findBatchByContentHash(
  db: Db,
  contentHash: string,
): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM batches WHERE content_hash = ?').get(contentHash) as
    { id: number; name: string } | undefined;
}

/** What a signed file names of a batch: its id, name and content hash. */
export function findBatchIdentity(
  db: Db,
  id: number,
): Pick<Batch, 'id' | 'name' | 'contentHash'> | undefined {
  return db
    .prepare('SELECT id, name, content_hash AS contentHash FROM batches WHERE id = ?')
    .get(id) as Pick<Batch, 'id' | 'name' | 'contentHash'> | undefined;
}
