import type { PersonRole } from '../../../shared/ipc/review-schemas';
import type { Db } from '../connection';

export interface Person {
  name: string;
  role: PersonRole;
}

export function listPeopleRows(db: Db): Person[] {
  return db.prepare('SELECT name, role FROM people ORDER BY role, name').all() as Person[];
}

export function findPerson(db: Db, name: string): Person | undefined {
  return db.prepare('SELECT name, role FROM people WHERE name = ?').get(name) as Person | undefined;
}

/** A roster member's row: added when new, else given the role and key of the newest roster. */
export function upsertRosterPerson(
  db: Db,
  person: Person & { kid: string },
  at: string,
  by: string,
): void {
  db.prepare(
    `INSERT INTO people (name, role, kid, added_at, added_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET role = excluded.role, kid = excluded.kid`,
  ).run(person.name, person.role, person.kid, at, by);
}
