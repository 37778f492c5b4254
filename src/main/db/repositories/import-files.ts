import type { Db } from '../connection';

export interface ImportFileInput {
  batchId: number;
  kind: 'original' | 'fix';
  contentHash: string;
  sourceFile: string;
  format: string;
  encoding: string | null;
  importedAt: string;
  importedBy: string;
  rowCount: number;
}

export function insertImportFile(db: Db, file: ImportFileInput): number {
  return Number(
    db
      .prepare(
        `INSERT INTO import_files (batch_id, kind, content_hash, source_file, format, encoding, imported_at, imported_by, row_count)
         VALUES (@batchId, @kind, @contentHash, @sourceFile, @format, @encoding, @importedAt, @importedBy, @rowCount)`,
      )
      .run(file).lastInsertRowid,
  );
}

/** The rows an import read, once it has read them all. */
export function setImportFileRowCount(db: Db, id: number, rowCount: number): void {
  db.prepare('UPDATE import_files SET row_count = ? WHERE id = ?').run(rowCount, id);
}

/** The earlier import of the same content, if any: what a refused re-import names. */
export function findImportByContentHash(
  db: Db,
  contentHash: string,
): { batchId: number; batchName: string; importedAt: string; sourceFile: string } | undefined {
  return db
    .prepare(
      `SELECT f.batch_id AS batchId, b.name AS batchName, f.imported_at AS importedAt, f.source_file AS sourceFile
       FROM import_files f JOIN batches b ON b.id = f.batch_id WHERE f.content_hash = ?`,
    )
    .get(contentHash) as
    { batchId: number; batchName: string; importedAt: string; sourceFile: string } | undefined;
}
