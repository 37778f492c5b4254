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

export function insertPerson(db: Db, person: Person, addedAt: string, addedBy: string): void {
  db.prepare('INSERT INTO people (name, role, added_at, added_by) VALUES (?, ?, ?, ?)').run(
    person.name,
    person.role,
    addedAt,
    addedBy,
  );
}
