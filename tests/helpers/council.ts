import { generateKeyPairSync } from 'node:crypto';
import type { PersonRole } from '../../src/shared/ipc/review-schemas';
import type { ServiceContext } from '../../src/main/services/context';
import { actAs } from '../../src/main/services/identity/acting';
import { publicKeyFileOf, type UnlockedIdentity } from '../../src/main/services/identity';
import { buildRosterPayload, importRoster, signRoster } from '../../src/main/services/roster';
import { keyIdentityOf, publicJwkOf } from '../../src/main/services/signing/keys';

/** The council most tests sit: a chair, a secretary, four members and an auditor. */
export const TEST_COUNCIL: readonly { name: string; role: PersonRole }[] = [
  { name: '박서연', role: 'secretary' },
  { name: '이도윤', role: 'chair' },
  { name: '김민준', role: 'member' },
  { name: '최하은', role: 'member' },
  { name: '정우진', role: 'member' },
  { name: '한지민', role: 'member' },
  { name: '감사 윤', role: 'auditor' },
];

export interface SeatedCouncil {
  identities: Map<string, UnlockedIdentity>;
  rosterText: string;
}

const seated = new WeakMap<ServiceContext, SeatedCouncil>();

/** A key made in memory: real Ed25519, no key file (tests of key files make their own). */
export function memoryIdentity(name: string, role: PersonRole): UnlockedIdentity {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { name, role, ...keyIdentityOf(publicJwkOf(privateKey)), privateKey };
}

/**
 * Gives a workspace a signed roster of real keys (version 1, signed by its secretary), as a
 * council would load it, and remembers the keys so a test can act as anyone on it. Nobody is
 * left acting: call actAsPerson.
 */
export function seatCouncil(
  ctx: ServiceContext,
  people: readonly { name: string; role: PersonRole }[] = TEST_COUNCIL,
): SeatedCouncil {
  const identities = new Map(people.map((p) => [p.name, memoryIdentity(p.name, p.role)]));
  const payload = buildRosterPayload({
    council: '1015 피해지원 협의체',
    version: 1,
    validFrom: '2022-11-14',
    members: [...identities.values()].map((i) => publicKeyFileOf(i, i)),
  });
  const secretary = [...identities.values()].find((i) => i.role === 'secretary')!;
  const rosterText = signRoster(payload, [secretary]);
  importRoster(ctx, rosterText);
  const council = { identities, rosterText };
  seated.set(ctx, council);
  return council;
}

/** Unlocks (in memory) the key of `name` on the council seated in this workspace. */
export function actAsPerson(ctx: ServiceContext, name: string): void {
  const council = seated.get(ctx) ?? seatCouncil(ctx);
  const identity = council.identities.get(name);
  if (!identity) throw new Error(`${name} is not on the test council`);
  actAs(ctx, identity);
}

/** True once seatCouncil ran on this workspace. */
export function hasCouncil(ctx: ServiceContext): boolean {
  return seated.has(ctx);
}

/** The council's keys seated in this workspace (seatCouncil), for signing files as them. */
export function councilOf(ctx: ServiceContext): SeatedCouncil {
  const council = seated.get(ctx);
  if (!council) throw new Error('no council seated in this workspace');
  return council;
}
