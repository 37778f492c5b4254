import type { ServiceContext } from '../../../src/main/services/context';
import { readPublicKeyFile } from '../../../src/main/services/identity';
import {
  buildRosterPayload,
  importRoster,
  latestRoster,
  signRoster,
} from '../../../src/main/services/roster';
import { heldMeeting, rosterOf, type Keyed } from '../decision-file/export-fixture';
import { actAs, CHAIR, councilWorkspace, SECRETARY } from '../meetings/support';

/*
 * A workspace with the meetings fixture's council and meeting no. 1 held and closed (see
 * heldMeeting: four of five present, a recusal, a member present who cast no vote, one item
 * carried and approved, one voted down and deferred), the secretary acting. With `keys` (key
 * files, from makeKeys) the council's roster is theirs (rosterOf) and its people act with
 * those keys, as a decision file needs; otherwise the keys are made in memory.
 */

export type MinutesWorkspace = ReturnType<typeof councilWorkspace>;

export function minutesWorkspace(keys?: Record<string, Keyed>): {
  ws: MinutesWorkspace;
  meetingId: number;
} {
  const ws = councilWorkspace(keys && { rosterText: rosterOf(keys), keys });
  const meetingId = heldMeeting(ws, 1);
  return { ws, meetingId };
}

export const asSecretary = (ctx: ServiceContext) => actAs(ctx, SECRETARY);
export const asChair = (ctx: ServiceContext) => actAs(ctx, CHAIR);

/** The next roster version, same people, signed by the secretary: what changes the minutes. */
export function importNextRoster(ctx: ServiceContext, keys: Record<string, Keyed>): void {
  const previous = latestRoster(ctx.db)!;
  const payload = buildRosterPayload({
    council: previous.payload.council,
    version: previous.payload.version + 1,
    validFrom: '2022-12-01',
    members: Object.values(keys).map((k) => readPublicKeyFile(k.publicKeyFile)),
    previous,
  });
  importRoster(ctx, signRoster(payload, [keys[SECRETARY]!]));
}
