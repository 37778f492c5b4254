import type { PersonDto } from '../../../shared/ipc/review-schemas';
import { appendAudit } from '../../db/repositories/audit-log';
import { findPerson, insertPerson, listPeopleRows } from '../../db/repositories/people';
import { getSetting, setSetting } from '../../db/repositories/settings';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/**
 * The council's people as this workspace knows them, and who sits at this machine. Until the
 * committee issue brings keys, the person chosen here is who every write is recorded as.
 */
export function currentPerson(ctx: ServiceContext): PersonDto | null {
  const name = getSetting(ctx.db, 'current_person');
  return name === null ? null : (findPerson(ctx.db, name) ?? null);
}

export function listPeople(ctx: ServiceContext): {
  people: PersonDto[];
  current: PersonDto | null;
} {
  return { people: listPeopleRows(ctx.db), current: currentPerson(ctx) };
}

/**
 * Control characters (C0, DEL, C1), line and paragraph separators and bidirectional controls:
 * none belongs in a name, and each can hide or disguise who a record names (in the audit log,
 * minutes, signed files) or cut a line of a text report.
 */
const CONTROL_IN_NAME = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export function addPerson(ctx: ServiceContext, person: PersonDto): PersonDto {
  const control = CONTROL_IN_NAME.exec(person.name);
  if (control) {
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new ServiceError(
      'validation_failed',
      `a name cannot hold a control character (${code} at position ${control.index + 1})`,
      [
        {
          path: 'name',
          code: 'control_character',
          message: `the name holds the control character ${code}`,
        },
      ],
    );
  }
  return ctx.db.transaction(() => {
    if (findPerson(ctx.db, person.name))
      throw new ServiceError('conflict', `${person.name} is already on the list`);
    const at = ctx.now().toISOString();
    insertPerson(ctx.db, person, at, ctx.actor);
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor,
      action: 'person.added',
      subjectType: 'person',
      subjectId: person.name,
      details: { role: person.role },
    });
    return person;
  })();
}

/** Who is working at this machine from now on; later writes are recorded under this name. */
export function setCurrentPerson(ctx: ServiceContext, name: string): { current: PersonDto } {
  const person = findPerson(ctx.db, name);
  if (!person) throw new ServiceError('not_found', `${name} is not on the list of people`);
  setSetting(ctx.db, 'current_person', person.name);
  ctx.actor = person.name;
  return { current: person };
}

/**
 * Secretary's work (assigning claims, new support policy versions) needs the person at this
 * machine to be the secretary, or the chair who stands in for them.
 */
export function requireSecretary(ctx: ServiceContext, what: string): PersonDto {
  const person = currentPerson(ctx);
  if (!person || (person.role !== 'secretary' && person.role !== 'chair')) {
    throw new ServiceError(
      'forbidden',
      `${what} is the secretary's work; ${person ? `${person.name} is a ${person.role}` : 'nobody is chosen as the person at this machine (Settings)'}`,
    );
  }
  return person;
}
