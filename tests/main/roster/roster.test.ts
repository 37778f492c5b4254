import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPublicKeyFile } from '../../../src/main/services/identity';
import {
  buildRosterPayload,
  importRoster,
  latestRoster,
  RosterError,
  signRoster,
  verifyRoster,
} from '../../../src/main/services/roster';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { actAs } from '../../../src/main/services/identity/acting';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { makeCouncil, makeIdentity, type Council } from '../decision-file/council';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
function council(): Council & { dir: string } {
  const { dir, cleanup } = makeTempDir('review-desk-roster-');
  cleanups.push(cleanup);
  return { ...makeCouncil(dir), dir };
}
function workspace() {
  const ctx = openTempWorkspace();
  cleanups.push(ctx.cleanup);
  return ctx;
}
function nextVersion(c: Council, dir: string, signers = [c.people['박서연']!]) {
  const newcomer = makeIdentity(join(dir, 'keys2'), { name: '한서준', role: 'member' });
  const members = [...Object.values(c.people), newcomer].map((p) =>
    readPublicKeyFile(p.publicKeyFile),
  );
  const payload = buildRosterPayload({
    council: '1015 피해지원 협의체',
    version: 2,
    validFrom: '2022-12-01',
    members,
    previous: c.roster,
  });
  return signRoster(payload, signers);
}

describe('roster', () => {
  it('is signed by the secretary, verifies, and has a short fingerprint of its payload', () => {
    const c = council();
    expect(c.roster.payload.members.map((m) => m.role)).toEqual([
      'chair',
      'secretary',
      'member',
      'member',
      'member',
    ]);
    expect(c.roster.signers).toEqual([
      expect.objectContaining({ name: '박서연', role: 'secretary' }),
    ]);
    expect(c.roster.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(c.roster.fingerprint.replace(/-/g, '').toLowerCase()).toBe(c.roster.sha256.slice(0, 16));
  });

  it('refuses a roster signed by someone who is not its secretary', () => {
    const c = council();
    expect(() => signRoster(c.roster.payload, [c.people['김민준']!])).toThrow(/secretary/);
  });

  it('refuses a roster whose members were changed after signing', () => {
    const c = council();
    const file = JSON.parse(c.rosterText);
    const payload = JSON.parse(Buffer.from(file.payload, 'base64url').toString());
    payload.members[2].role = 'chair';
    file.payload = Buffer.from(JSON.stringify(payload)).toString('base64url');
    expect(() => verifyRoster(JSON.stringify(file))).toThrow(/signature of 박서연 does not match/);
  });

  it('imports into the workspace once, with an audit entry; the next version must follow it', () => {
    const c = council();
    const ctx = workspace();
    expect(importRoster(ctx, c.rosterText)).toMatchObject({ version: 1, alreadyImported: false });
    expect(importRoster(ctx, c.rosterText)).toMatchObject({ version: 1, alreadyImported: true });
    expect(latestRoster(ctx.db)?.sha256).toBe(c.roster.sha256);
    // Importing needs no key (the file's signatures are its authority): the first one is
    // recorded as the unidentified operator; the next under whoever unlocked their key.
    actAs(ctx, c.people['박서연']!);
    const v2 = nextVersion(c, c.dir);
    expect(importRoster(ctx, v2)).toMatchObject({ version: 2, alreadyImported: false });
    const imports = listAudit(ctx.db)
      .filter((e) => e.action === 'roster.imported')
      .reverse();
    expect(imports.map((e) => [e.actor, e.signature !== null])).toEqual([
      [UNIDENTIFIED_OPERATOR, false],
      ['박서연', true],
    ]);
  });

  it('commits an import with synchronous = FULL, as decisions do, and puts NORMAL back', () => {
    const c = council();
    const ctx = workspace();
    const pragmas = vi.spyOn(ctx.db, 'pragma');
    importRoster(ctx, c.rosterText);
    const settings = pragmas.mock.calls.map(([source]) => source).filter((s) => s.includes('='));
    expect(settings).toEqual(['synchronous = FULL', 'synchronous = 1']);
    pragmas.mockRestore();
    expect(ctx.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(latestRoster(ctx.db)?.sha256).toBe(c.roster.sha256);
  });

  it('refuses a version 2 that names another previous roster or is signed by a newcomer only', () => {
    const c = council();
    const other = council();
    const ctx = workspace();
    importRoster(ctx, other.rosterText);
    expect(() => importRoster(ctx, nextVersion(c, c.dir))).toThrow(/names previous roster/);

    const fresh = workspace();
    importRoster(fresh, c.rosterText);
    const outsider = makeIdentity(join(c.dir, 'keys3'), { name: '오세훈', role: 'secretary' });
    const members = [...Object.values(c.people), outsider].map((p) =>
      readPublicKeyFile(p.publicKeyFile),
    );
    const payload = buildRosterPayload({
      council: 'x',
      version: 2,
      validFrom: '2022-12-01',
      members,
      previous: c.roster,
    });
    expect(() => importRoster(fresh, signRoster(payload, [outsider]))).toThrow(RosterError);
    expect(() => importRoster(fresh, signRoster(payload, [outsider]))).toThrow(
      /secretary of roster version 1/,
    );
  });

  it('needs a chair and a secretary, and unique names', () => {
    const c = council();
    const members = Object.values(c.people).map((p) => readPublicKeyFile(p.publicKeyFile));
    const build = (list = members) =>
      buildRosterPayload({ council: 'x', version: 1, validFrom: '2022-11-14', members: list });
    expect(() => build(members.filter((m) => m.role !== 'chair'))).toThrow(/needs a chair/);
    expect(() => build([...members, { ...members[2]!, role: 'member' }])).toThrow(/listed twice/);
  });
});
