import { z } from 'zod';
import { person, personName } from './review-schemas';

/** The people area: the council's people, and who is at this machine. */

export const peopleContract = {
  'people:list': {
    lock: 'none',
    request: z.undefined(),
    response: z.object({ people: z.array(person), current: person.nullable() }),
  },
  'people:add': {
    lock: 'write',
    request: person.strict(),
    response: person,
  },
  'people:setCurrent': {
    lock: 'write',
    request: z.object({ name: personName }).strict(),
    response: z.object({ current: person }),
  },
} as const;
