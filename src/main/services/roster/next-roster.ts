import { rmSync } from 'node:fs';
import type { ServiceContext } from '../context';
import { writeNewFile } from '../new-file';
import type { PublicKeyFile, UnlockedIdentity } from '../identity';
import {
  buildRosterPayload,
  RosterError,
  signRoster,
  verifyRoster,
  type VerifiedRoster,
} from './roster';
import { importRoster, latestRoster, type ImportedRoster } from './roster-store';

export interface NextRosterInput {
  council: string;
  validFrom: string;
  members: PublicKeyFile[];
  signers: UnlockedIdentity[];
}

/**
 * The secretary's roster in the app: always the version after the workspace's latest, naming
 * it as previous, so a changed roster is a new signed version and never a rewrite. Checked
 * here as import will check it (a secretary of the previous version signs), before anything is
 * saved.
 */
export function signNextRoster(
  ctx: ServiceContext,
  input: NextRosterInput,
): { text: string; roster: VerifiedRoster } {
  const previous = latestRoster(ctx.db);
  const kids = new Set<string>();
  for (const member of input.members) {
    if (kids.has(member.kid)) throw new RosterError(`${member.name}'s public key was chosen twice`);
    kids.add(member.kid);
  }
  const payload = buildRosterPayload({
    council: input.council,
    version: (previous?.payload.version ?? 0) + 1,
    validFrom: input.validFrom,
    members: input.members,
    previous,
  });
  const text = signRoster(payload, input.signers);
  return { text, roster: verifyRoster(text, { previous }) };
}

export const ROSTER_FILE_RULE = 'a roster is never saved over another file';

/**
 * Saves the signed roster (never over an existing file) and imports it; a file whose import
 * fails is removed again, so what is on disk is what the workspace holds.
 */
export function saveAndImportRoster(
  ctx: ServiceContext,
  path: string,
  text: string,
): ImportedRoster {
  writeNewFile(path, text, ROSTER_FILE_RULE);
  try {
    return importRoster(ctx, text);
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
}
