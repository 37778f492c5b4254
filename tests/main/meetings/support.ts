import { expect } from 'vitest';
import type { ServiceContext } from '../../../src/main/services/context';
import { ServiceError } from '../../../src/main/services/errors';
import { publicKeyFileOf, type UnlockedIdentity } from '../../../src/main/services/identity';
import { actAs as unlockAs } from '../../../src/main/services/identity/acting';
import { openMeeting } from '../../../src/main/services/meetings';
import {
  buildRosterPayload,
  importRoster,
  latestRoster,
  signRoster,
} from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import type { OpenMeetingRequest } from '../../../src/shared/ipc/meeting-schemas';
import type { PersonRole } from '../../../src/shared/ipc/review-schemas';
import { actAsPerson, councilOf, memoryIdentity, seatCouncil } from '../../helpers/council';
import { openTempWorkspace } from '../../helpers/temp-workspace';

export const SECRETARY = '박서연';
export const CHAIR = '이도윤';
/** The chair and four members: five voting members. */
export const MEMBERS = [CHAIR, '김민준', '최하은', '정우진', '한지민'] as const;
export const AUDITOR = '감사 윤';
export const REVIEW_CLAIM = 'K-2022-000101'; // small business, 1,850,000 KRW
export const OTHER_REVIEW_CLAIM = 'K-2022-000102'; // 720,000 KRW
export const FIXED_TIER_CLAIM = 'K-2022-000105'; // tier_30k

/** The council these tests sit (the same people as the helpers' TEST_COUNCIL). */
export const COUNCIL: readonly { name: string; role: PersonRole }[] = [
  { name: SECRETARY, role: 'secretary' },
  { name: CHAIR, role: 'chair' },
  ...MEMBERS.slice(1).map((name) => ({ name, role: 'member' as const })),
  { name: AUDITOR, role: 'auditor' },
];

/** Workspaces whose roster is made of given key files (real keys), by holder name. */
const keyFilesOf = new WeakMap<ServiceContext, Map<string, UnlockedIdentity>>();

/**
 * A workspace with the sample claims, the council seated on a signed roster, and the
 * secretary acting (their key unlocked). By default the council's keys are made in memory;
 * with `keyed`, the roster is that text (of key files, e.g. export-fixture's rosterOf(makeKeys))
 * and actAs unlocks those keys instead.
 */
export function councilWorkspace(keyed?: {
  rosterText: string;
  keys: Record<string, UnlockedIdentity>;
}) {
  const ws = openTempWorkspace();
  loadSampleClaims(ws);
  if (keyed) {
    importRoster(ws, keyed.rosterText);
    keyFilesOf.set(ws, new Map(Object.entries(keyed.keys)));
  } else seatCouncil(ws, COUNCIL);
  actAs(ws, SECRETARY);
  return ws;
}

/** Opens meeting `number` with the first `present` of MEMBERS present and the rest absent. */
export function openWith(
  ctx: ServiceContext,
  present: number,
  over: Partial<OpenMeetingRequest> = {},
) {
  return openMeeting(ctx, {
    number: 1,
    heldOn: '2022-12-20',
    place: '판교 회의실',
    quorum: { kind: 'majority_of_members' },
    threshold: { kind: 'majority_of_votes_cast' },
    attendance: MEMBERS.map((member, i) => ({ member, present: i < present })),
    ...over,
  });
}

/** Unlocks the key of `name` on the workspace's council: from then on it is them acting. */
export function actAs(ctx: ServiceContext, name: string): void {
  const keys = keyFilesOf.get(ctx);
  if (!keys) return actAsPerson(ctx, name);
  const identity = keys.get(name);
  if (!identity) throw new Error(`${name} has no key in this workspace's council`);
  unlockAs(ctx, identity);
}

/**
 * A new person joins the council the only way one can: the secretary signs the next roster
 * version with them on it, and it is imported. Who was acting stays acting.
 */
export function joinCouncil(ctx: ServiceContext, name: string, role: PersonRole): void {
  const { identities } = councilOf(ctx);
  identities.set(name, memoryIdentity(name, role));
  const previous = latestRoster(ctx.db)!;
  const payload = buildRosterPayload({
    council: previous.payload.council,
    version: previous.payload.version + 1,
    validFrom: '2022-12-01',
    members: [...identities.values()].map((i) => publicKeyFileOf(i, i)),
    previous,
  });
  importRoster(ctx, signRoster(payload, [identities.get(SECRETARY)!]));
}

export function expectServiceError(fn: () => unknown, code: string, issueCode?: string): void {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).code).toBe(code);
  if (issueCode) expect((error as ServiceError).issues.map((i) => i.code)).toContain(issueCode);
}
