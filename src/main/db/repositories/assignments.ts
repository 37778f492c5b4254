import type { Db } from '../connection';

/** Puts claims on a person's list (replacing any earlier assignee), or takes them off (null). */
export function assignmentWriter(
  db: Db,
  assignedAt: string,
  assignedBy: string,
): (claimId: string, assignee: string | null) => void {
  const upsert = db.prepare(
    `INSERT INTO claim_assignments (claim_id, assignee, assigned_at, assigned_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (claim_id) DO UPDATE SET assignee = excluded.assignee,
       assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by`,
  );
  const remove = db.prepare('DELETE FROM claim_assignments WHERE claim_id = ?');
  return (claimId, assignee) => {
    if (assignee === null) remove.run(claimId);
    else upsert.run(claimId, assignee, assignedAt, assignedBy);
  };
}

export function assigneeOf(db: Db, claimId: string): string | null {
  const row = db
    .prepare('SELECT assignee FROM claim_assignments WHERE claim_id = ?')
    .pluck()
    .get(claimId);
  return (row as string | undefined) ?? null;
}

/** How many claims are on a person's list. */
export function countAssignedTo(db: Db, assignee: string): number {
  return db
    .prepare('SELECT count(*) FROM claim_assignments WHERE assignee = ?')
    .pluck()
    .get(assignee) as number;
}
