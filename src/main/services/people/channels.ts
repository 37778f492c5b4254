import type { Serve } from '../channel';
import { addPerson, listPeople, setCurrentPerson } from './people';

/** people:* — the council's people and who is at this machine. */
export const list: Serve<'people:list'> = (ctx) => listPeople(ctx);

export const add: Serve<'people:add'> = (ctx, request) => addPerson(ctx, request);

export const setCurrent: Serve<'people:setCurrent'> = (ctx, request) =>
  setCurrentPerson(ctx, request.name);
