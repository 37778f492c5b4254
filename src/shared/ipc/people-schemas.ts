import { z } from 'zod';
import { PERSON_ROLES, person } from './review-schemas';

/**
 * The people area: the council's people as the roster in force lists them, and who is acting
 * at this machine (someone who unlocked their key here; nobody until then).
 */

/** The person acting here: their roster name and role, and the fingerprint of their key. */
export const actingPerson = z.object({
  name: z.string(),
  role: z.enum(PERSON_ROLES),
  fingerprint: z.string(),
});
export type ActingPersonDto = z.infer<typeof actingPerson>;

export const peopleContract = {
  'people:list': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({
      people: z.array(person.extend({ fingerprint: z.string() })),
      rosterVersion: z.number().int().nullable(),
      current: actingPerson.nullable(),
    }),
  },
  'people:unlock': {
    lock: 'none',
    paths: ['keyFile'],
    request: z
      .object({
        keyFile: z.string().min(1),
        /** For a passphrase-sealed key; a key sealed by this machine's keychain needs none. */
        passphrase: z.string().max(1024).nullable(),
      })
      .strict(),
    response: z.object({ current: actingPerson }),
  },
  'people:lock': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ current: z.null() }),
  },
} as const;
