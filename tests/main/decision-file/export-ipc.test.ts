import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { verifyDecisionFile } from '../../../src/main/services/decision-files';
import { latestRoster } from '../../../src/main/services/roster';
import { makeTempDir } from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';
import { actAs, CHAIR, councilWorkspace, SECRETARY } from '../meetings/support';
import { PASSPHRASE } from './council';
import { heldMeeting, makeKeys, rosterOf, type Keyed } from './export-fixture';

/*
 * Signing a meeting's decision file from the Meetings screen, through the real router: the
 * signer keys come from a dialog (and only those may be read), the save place is asked before
 * anything is signed, and a signed file is never written over.
 */

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

const keyDir = makeTempDir('review-desk-export-ipc-keys-');
afterAll(keyDir.cleanup);
const keys: Record<string, Keyed> = makeKeys(keyDir.dir);
const rosterText = rosterOf(keys);

let ws: ReturnType<typeof councilWorkspace>;
let out: ReturnType<typeof makeTempDir>;
afterEach(() => {
  ws?.cleanup();
  out?.cleanup();
});

/** The roster is the key files'; the meeting is held and the secretary acts. */
function setUp() {
  ws = councilWorkspace({ rosterText, keys });
  out = makeTempDir('review-desk-export-ipc-out-');
  const meetingId = heldMeeting(ws, 1);
  const platform = testPlatform();
  const { router } = createIpc(ws, platform, {
    isTrustedSender: trustOrigins([ORIGIN]),
    logError: () => undefined,
  });
  const call = (channel: Parameters<typeof router.handle>[1], payload?: unknown) =>
    router.handle(ours, channel, payload);
  const chooseSigner = async (name: string) => {
    platform.chosen.push(keys[name]!.keyFile);
    return call('decisionFiles:chooseSigner');
  };
  const signers = [CHAIR, SECRETARY].map((name) => ({
    keyFile: keys[name]!.keyFile,
    passphrase: PASSPHRASE,
  }));
  return { meetingId, platform, call, chooseSigner, signers };
}

describe('decision files from the Meetings screen', { timeout: 60_000 }, () => {
  it('shows a chosen key by its holder and fingerprint, never its private part', async () => {
    const { chooseSigner } = setUp();
    const result = await chooseSigner(CHAIR);
    expect(result).toEqual({
      ok: true,
      value: {
        key: {
          path: keys[CHAIR]!.keyFile,
          name: CHAIR,
          role: 'chair',
          fingerprint: keys[CHAIR]!.fingerprint,
          protection: 'passphrase',
        },
      },
    });
    expect(JSON.stringify(result)).not.toContain('ciphertext');
  });

  it('signs, saves and lists the file; it verifies against the roster', async () => {
    const { meetingId, platform, call, chooseSigner, signers } = setUp();
    await chooseSigner(CHAIR);
    await chooseSigner(SECRETARY);
    const path = join(out.dir, 'meeting-1.json');
    platform.chosen.push(path);
    const result = await call('decisionFiles:export', { meetingId, signers });
    expect(result.ok).toBe(true);
    const value = (result as { value: { path: string; file: { decisions: number } } }).value;
    expect(value.path).toBe(path);
    expect(value.file).toMatchObject({
      meetingId,
      decisions: 2,
      previousPayloadSha256: null,
      signers: [
        { name: CHAIR, role: 'chair' },
        { name: SECRETARY, role: 'secretary' },
      ],
    });
    const report = await verifyDecisionFile(readFileSync(path, 'utf8'), {
      roster: latestRoster(ws.db)!,
    });
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);

    const listed = await call('decisionFiles:list', { meetingId });
    expect(listed).toMatchObject({ ok: true, value: { files: [value.file] } });

    // A copy of the same signed text, for a lost or unsaved file.
    const copy = join(out.dir, 'copy.json');
    platform.chosen.push(copy);
    const fileId = (value.file as unknown as { id: number }).id;
    expect(await call('decisionFiles:saveCopy', { fileId })).toEqual({
      ok: true,
      value: { path: copy },
    });
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(path, 'utf8'));
  });

  it('signs nothing when the save dialog is closed', async () => {
    const { meetingId, platform, call, chooseSigner, signers } = setUp();
    await chooseSigner(CHAIR);
    await chooseSigner(SECRETARY);
    platform.chosen.push(null);
    expect(await call('decisionFiles:export', { meetingId, signers })).toEqual({
      ok: true,
      value: { path: null, file: null },
    });
    expect(await call('decisionFiles:list', { meetingId })).toEqual({
      ok: true,
      value: { files: [] },
    });
  });

  it('refuses a key file that no dialog gave', async () => {
    const { meetingId, platform, call, signers } = setUp();
    platform.chosen.push(join(out.dir, 'never.json'));
    const result = await call('decisionFiles:export', { meetingId, signers });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((result as { error: { message: string } }).error.message).toContain(
      'was not chosen in a dialog or dropped on the window (request field signers[].keyFile)',
    );
  });

  it('refuses a wrong passphrase and records nothing', async () => {
    const { meetingId, platform, call, chooseSigner, signers } = setUp();
    await chooseSigner(CHAIR);
    await chooseSigner(SECRETARY);
    platform.chosen.push(join(out.dir, 'meeting-1.json'));
    const wrong = [signers[0]!, { ...signers[1]!, passphrase: 'not the passphrase' }];
    const result = await call('decisionFiles:export', { meetingId, signers: wrong });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((result as { error: { message: string } }).error.message).toContain('passphrase');
    expect(existsSync(join(out.dir, 'meeting-1.json'))).toBe(false);
    expect(await call('decisionFiles:list', { meetingId })).toMatchObject({
      value: { files: [] },
    });
  });

  it('refuses without the secretary, naming the missing signer', async () => {
    const { meetingId, platform, call, chooseSigner, signers } = setUp();
    await chooseSigner(CHAIR);
    platform.chosen.push(join(out.dir, 'meeting-1.json'));
    const result = await call('decisionFiles:export', { meetingId, signers: [signers[0]!] });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect((result as { error: { message: string } }).error.message).toContain('secretary');
  });

  it('never writes over an existing file, and records nothing it could not save', async () => {
    const { meetingId, platform, call, chooseSigner, signers } = setUp();
    await chooseSigner(CHAIR);
    await chooseSigner(SECRETARY);
    const taken = join(out.dir, 'taken.json');
    writeFileSync(taken, 'someone else');
    platform.chosen.push(taken);
    const result = await call('decisionFiles:export', { meetingId, signers });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((result as { error: { message: string } }).error.message).toContain('never overwritten');
    expect(readFileSync(taken, 'utf8')).toBe('someone else');
    // Durable before acknowledged: a file that could not be saved is not recorded either, so
    // the next export does not chain to a file nobody has.
    const listed = await call('decisionFiles:list', { meetingId });
    expect((listed as { value: { files: unknown[] } }).value.files).toHaveLength(0);
    const retry = join(out.dir, 'retry.json');
    platform.chosen.push(retry);
    const saved = await call('decisionFiles:export', { meetingId, signers });
    expect(saved).toMatchObject({
      ok: true,
      value: { path: retry, file: { previousPayloadSha256: null } },
    });
  });

  it("is the secretary's or the chair's: a member acting is refused before any dialog", async () => {
    const { meetingId, platform, call, chooseSigner, signers } = setUp();
    await chooseSigner(CHAIR);
    await chooseSigner(SECRETARY);
    actAs(ws, '김민준');
    const path = join(out.dir, 'meeting-1.json');
    platform.chosen.push(path);
    const result = await call('decisionFiles:export', { meetingId, signers });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((result as { error: { message: string } }).error.message).toMatch(
      /is for a secretary or chair: the person acting here is the member/,
    );
    expect(platform.chosen).toEqual([path]); // the save dialog was never opened
    expect(existsSync(path)).toBe(false);
    expect(await call('decisionFiles:list', { meetingId })).toMatchObject({
      value: { files: [] },
    });
  });

  it('refuses a payload without signers, and an unknown file id', async () => {
    const { meetingId, call } = setUp();
    expect(await call('decisionFiles:export', { meetingId, signers: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call('decisionFiles:saveCopy', { fileId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
