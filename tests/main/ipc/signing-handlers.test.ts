import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyProtector } from '../../../src/main/services/identity';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { latestRoster } from '../../../src/main/services/roster';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import type { Channel } from '../../../src/shared/ipc/channels';
import type { IpcResult, RequestOf, ResponseOf } from '../../../src/shared/ipc/contract';
import { InMemoryKeyProtector } from '../../helpers/in-memory-key-protector';
import { changeRosterRole } from '../../helpers/roster-tampering';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';
import { makeCouncil, makeIdentity, PASSPHRASE } from '../decision-file/council';

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };
const NEW_PASSPHRASE = '새 열쇠 말 correct horse';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** The real router over a temp workspace; dialogs answer with what the test queues. */
function app(protector?: KeyProtector) {
  const ws = openTempWorkspace();
  const files = makeTempDir('review-desk-signing-ipc-');
  cleanups.push(ws.cleanup, files.cleanup);
  const chosen: (string | null)[] = [];
  const logged: unknown[] = [];
  const { router } = createIpc(ws, testPlatform(chosen, protector), {
    isTrustedSender: trustOrigins([ORIGIN]),
    logError: (error) => logged.push(error),
  });
  async function call<C extends Channel>(channel: C, request?: RequestOf<C>) {
    return (await router.handle(ours, channel, request)) as IpcResult<ResponseOf<C>>;
  }
  async function ok<C extends Channel>(channel: C, request?: RequestOf<C>) {
    const result = await call(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }
  return { ws, dir: files.dir, chosen, logged, call, ok };
}

describe('keys in the app', { timeout: 60_000 }, () => {
  it('reports whether the OS keychain can seal keys here', async () => {
    expect(await app().ok('keys:capabilities')).toEqual({
      osKeychain: false,
      minPassphraseLength: 8,
    });
    expect((await app(new InMemoryKeyProtector()).ok('keys:capabilities')).osKeychain).toBe(true);
  });

  it('makes a passphrase key where the person saves it, the public key beside, never echoing the passphrase', async () => {
    const { ok, call, chosen, dir, logged } = app();
    const keyFile = join(dir, '박서연-key.json');
    chosen.push(keyFile);
    const answer = await call('keys:create', {
      name: ' 박서연 ',
      role: 'secretary',
      protection: { kind: 'passphrase', passphrase: NEW_PASSPHRASE },
    });
    expect(answer).toEqual({
      ok: true,
      value: {
        created: {
          name: '박서연',
          role: 'secretary',
          kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          fingerprint: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/),
          protection: 'passphrase',
          keyFile,
          publicKeyFile: join(dir, '박서연-public-key.json'),
        },
      },
    });
    expect(JSON.stringify(answer)).not.toContain(NEW_PASSPHRASE);
    for (const file of readdirSync(dir))
      expect(readFileSync(join(dir, file), 'utf8')).not.toContain(NEW_PASSPHRASE);

    // The same name again: the dialog's answer is an existing file, which is never replaced.
    chosen.push(keyFile);
    const again = await call('keys:create', {
      name: '박서연',
      role: 'secretary',
      protection: { kind: 'passphrase', passphrase: NEW_PASSPHRASE },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(again.ok || again.error.message).toContain(`${keyFile} already exists`);

    // A closed dialog makes nothing.
    chosen.push(null);
    expect(
      await ok('keys:create', {
        name: '김민준',
        role: 'member',
        protection: { kind: 'passphrase', passphrase: NEW_PASSPHRASE },
      }),
    ).toEqual({ created: null });
    expect(readdirSync(dir).sort()).toEqual(['박서연-key.json', '박서연-public-key.json']);
    expect(JSON.stringify(logged)).not.toContain(NEW_PASSPHRASE);
  });

  it('refuses a short passphrase, and the OS keychain where there is none, before any dialog', async () => {
    const { call, chosen } = app();
    chosen.push('/never/asked.json');
    const short = await call('keys:create', {
      name: '김민준',
      role: 'member',
      protection: { kind: 'passphrase', passphrase: 'short' },
    });
    expect(short).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_payload',
        issues: [
          {
            path: 'protection.passphrase',
            message: 'the passphrase must be at least 8 characters',
          },
        ],
      },
    });
    expect(JSON.stringify(short)).not.toContain('"short"');
    const keychain = await call('keys:create', {
      name: '김민준',
      role: 'member',
      protection: { kind: 'os-keychain' },
    });
    expect(keychain).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', message: expect.stringContaining('no OS keychain') },
    });
    expect(chosen).toEqual(['/never/asked.json']);
  });

  it('makes a key sealed by the OS keychain and inspects key and public key files without private parts', async () => {
    const { ok, call, chosen, dir } = app(new InMemoryKeyProtector());
    chosen.push(join(dir, '김민준-key.json'));
    const { created } = await ok('keys:create', {
      name: '김민준',
      role: 'member',
      protection: { kind: 'os-keychain' },
    });
    expect(created).toMatchObject({ protection: 'os-keychain', name: '김민준' });

    chosen.push(created!.keyFile);
    const key = await ok('keys:inspect', { kind: 'key-file' });
    expect(key.key).toEqual({
      path: created!.keyFile,
      file: 'key',
      name: '김민준',
      role: 'member',
      kid: created!.kid,
      fingerprint: created!.fingerprint,
      protection: 'os-keychain',
      createdAt: '2022-11-20T09:00:00.000Z',
      onRoster: null,
    });
    chosen.push(created!.publicKeyFile);
    expect((await ok('keys:inspect', { kind: 'public-key-file' })).key).toMatchObject({
      file: 'public-key',
      protection: null,
      fingerprint: created!.fingerprint,
    });

    const notAKey = join(dir, 'notes.json');
    writeFileSync(notAKey, '{"format":"something-else"}');
    chosen.push(notAKey);
    const refused = await call('keys:inspect', { kind: 'key-file' });
    expect(refused.ok || refused.error.message).toContain(
      `${notAKey} is neither a key file (review-desk-key/1) nor a public key file`,
    );
  });
});

describe('the roster in the app', { timeout: 60_000 }, () => {
  /** A council's key files, and the secretary's key granted by choosing it in a dialog. */
  async function council(session: ReturnType<typeof app>) {
    const people = makeCouncil(join(session.dir, 'council')).people;
    const pubs = Object.values(people).map((p) => p.publicKeyFile);
    session.chosen.push(pubs.join('\n'));
    const { members } = await session.ok('roster:chooseMembers');
    session.chosen.push(people['박서연']!.keyFile);
    const signing = await session.ok('keys:inspect', { kind: 'key-file' });
    return { people, members, signing: signing.key! };
  }

  it('builds, signs, saves and imports version 1 from chosen public key files', async () => {
    const session = app();
    const { ok, call, chosen, dir, ws, logged } = session;
    expect(await ok('roster:current')).toEqual({ roster: null });
    const { people, members, signing } = await council(session);
    expect(members.map((m) => [m.name, m.role])).toEqual([
      ['이도윤', 'chair'],
      ['박서연', 'secretary'],
      ['김민준', 'member'],
      ['최지우', 'member'],
      ['정하은', 'member'],
    ]);
    expect(signing).toMatchObject({ name: '박서연', protection: 'passphrase', onRoster: null });

    const request = {
      council: '1015 피해지원 협의체',
      validFrom: '2022-11-14',
      memberFiles: members.map((m) => m.path),
      signingKey: signing.path,
      unlock: { kind: 'passphrase' as const, passphrase: PASSPHRASE },
    };
    // A wrong passphrase is refused before the save dialog, and not repeated back.
    chosen.push(join(dir, 'never.json'));
    const wrong = await call('roster:build', {
      ...request,
      unlock: { kind: 'passphrase', passphrase: 'not the passphrase' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(wrong)).not.toContain('not the passphrase');
    expect(chosen).toEqual([join(dir, 'never.json')]);
    chosen.length = 0;

    const saved = join(dir, 'roster-v1.json');
    chosen.push(saved);
    const { built } = await ok('roster:build', request);
    expect(built).toEqual({
      path: saved,
      version: 1,
      fingerprint: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/),
      members: 5,
    });
    expect(latestRoster(ws.db)?.fileText).toBe(readFileSync(saved, 'utf8'));

    const { roster } = await ok('roster:current');
    expect(roster).toMatchObject({
      version: 1,
      council: '1015 피해지원 협의체',
      validFrom: '2022-11-14',
      fingerprint: built!.fingerprint,
      previousSha256: null,
      // Loading a roster needs no key: nobody had unlocked one here, the roster's own
      // authority is the secretary's signature on it.
      importedBy: UNIDENTIFIED_OPERATOR,
      signers: [{ name: '박서연', role: 'secretary' }],
    });
    expect(roster!.members).toEqual(
      Object.values(people).map(({ name, role, kid, fingerprint }) => ({
        name,
        role,
        kid,
        fingerprint,
      })),
    );
    chosen.push(people['김민준']!.publicKeyFile);
    expect((await ok('keys:inspect', { kind: 'public-key-file' })).key?.onRoster).toEqual({
      version: 1,
      name: '김민준',
      role: 'member',
    });
    expect(JSON.stringify(logged)).not.toContain(PASSPHRASE);
  });

  it('a changed roster is the next signed version naming the previous one; a taken file name is refused', async () => {
    const session = app();
    const { ok, call, chosen, dir } = session;
    const { members, signing } = await council(session);
    const request = {
      council: '1015 피해지원 협의체',
      validFrom: '2022-11-14',
      memberFiles: members.map((m) => m.path),
      signingKey: signing.path,
      unlock: { kind: 'passphrase' as const, passphrase: PASSPHRASE },
    };
    chosen.push(join(dir, 'roster-v1.json'));
    const v1 = (await ok('roster:build', request)).built!;

    const newcomer = makeIdentity(join(dir, 'new'), { name: '한서준', role: 'member' });
    chosen.push(newcomer.publicKeyFile);
    const [added] = (await ok('roster:chooseMembers')).members;
    // The members already on v1 are kept by their keys; only the newcomer's file is chosen.
    const v1Members = (await ok('roster:current')).roster!.members;
    const v2Request = {
      ...request,
      validFrom: '2022-12-01',
      memberFiles: [added!.path],
      keepFromCurrent: v1Members.map((m) => m.kid),
    };
    const stranger = await call('roster:build', {
      ...v2Request,
      keepFromCurrent: ['A'.repeat(43)],
    });
    expect(stranger.ok || stranger.error.message).toBe(
      `key ${'A'.repeat(43)} is not on the current roster`,
    );
    const twice = await call('roster:build', {
      ...v2Request,
      memberFiles: [members[2]!.path],
    });
    expect(twice.ok || twice.error.message).toBe("roster: 김민준's public key was chosen twice");
    chosen.push(v1.path);
    const taken = await call('roster:build', v2Request);
    expect(taken.ok || taken.error.message).toContain(`${v1.path} already exists`);
    expect((await ok('roster:current')).roster?.version).toBe(1);

    chosen.push(join(dir, 'roster-v2.json'));
    expect((await ok('roster:build', v2Request)).built).toMatchObject({ version: 2, members: 6 });
    const { roster } = await ok('roster:current');
    expect(roster).toMatchObject({ version: 2, validFrom: '2022-12-01' });
    expect(roster!.previousSha256).not.toBeNull();
    expect(roster!.members.at(-1)).toMatchObject({ name: '한서준', role: 'member' });
  });

  it('signs with a key sealed by the OS keychain; without that keychain it says where to open it', async () => {
    const protector = new InMemoryKeyProtector();
    const session = app(protector);
    const { ok, chosen, dir } = session;
    const people = makeCouncil(join(dir, 'council')).people;
    chosen.push(join(dir, '강간사-key.json'));
    const { created } = await ok('keys:create', {
      name: '강간사',
      role: 'secretary',
      protection: { kind: 'os-keychain' },
    });
    const others = Object.values(people).filter((p) => p.role !== 'secretary');
    chosen.push([...others.map((p) => p.publicKeyFile), created!.publicKeyFile].join('\n'));
    const { members } = await ok('roster:chooseMembers');
    const request = {
      council: '1015 피해지원 협의체',
      validFrom: '2022-11-14',
      memberFiles: members.map((m) => m.path),
      signingKey: created!.keyFile,
      unlock: { kind: 'os-keychain' as const },
    };

    // The same files in an app on a machine without that keychain.
    const elsewhere = app();
    elsewhere.chosen.push(request.memberFiles.join('\n'), request.signingKey);
    await elsewhere.ok('roster:chooseMembers');
    await elsewhere.ok('keys:inspect', { kind: 'key-file' });
    const refused = await elsewhere.call('roster:build', request);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.ok || refused.error.message).toBe(
      `${created!.keyFile} is sealed by the OS keychain of the machine that made it; open it in the desktop app there`,
    );

    chosen.push(join(dir, 'roster-v1.json'));
    expect((await ok('roster:build', request)).built).toMatchObject({ version: 1, members: 5 });
  });

  it('reads only files chosen in a dialog', async () => {
    const session = app();
    const people = makeCouncil(join(session.dir, 'council')).people;
    const result = await session.call('roster:build', {
      council: '1015 피해지원 협의체',
      validFrom: '2022-11-14',
      memberFiles: [people['이도윤']!.publicKeyFile],
      signingKey: people['박서연']!.keyFile,
      unlock: { kind: 'passphrase', passphrase: PASSPHRASE },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: `${people['이도윤']!.publicKeyFile} was not chosen in a dialog or dropped on the window (request field memberFiles[])`,
      },
    });
  });

  it('imports a roster file once; an altered one is refused with the reason', async () => {
    const { ok, call, chosen, dir } = app();
    const { rosterText, roster } = makeCouncil(join(dir, 'council'));
    const file = join(dir, 'roster.json');
    const altered = join(dir, 'roster-altered.json');
    writeFileSync(file, rosterText);
    writeFileSync(altered, changeRosterRole(rosterText, '김민준', 'chair'));

    chosen.push(altered);
    expect(await call('roster:import')).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'roster: the signature of 박서연 does not match its content',
      },
    });
    expect(await ok('roster:current')).toEqual({ roster: null });

    chosen.push(file, file, null);
    const first = { path: file, version: 1, fingerprint: roster.fingerprint };
    expect(await ok('roster:import')).toEqual({ imported: { ...first, alreadyImported: false } });
    expect(await ok('roster:import')).toEqual({ imported: { ...first, alreadyImported: true } });
    expect(await ok('roster:import')).toEqual({ imported: null });

    const missing = join(dir, 'gone.json');
    chosen.push(missing);
    const gone = await call('roster:import');
    expect(gone).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: `roster file ${missing} is not readable` },
    });
    expect(existsSync(missing)).toBe(false);
  });
});
