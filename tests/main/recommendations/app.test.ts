import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import type { ServiceContext } from '../../../src/main/services/context';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { actAs } from '../../../src/main/services/identity/acting';
import {
  buildRecommendationsPayload,
  signRecommendations,
  type RecommendationsPayload,
} from '../../../src/main/services/recommendations';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import type { Channel } from '../../../src/shared/ipc/channels';
import type { IpcResult, ResponseOf } from '../../../src/shared/ipc/contract';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import { sha256Hex } from '../../../src/main/services/hashing';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';
import { PASSPHRASE } from '../decision-file/council';
import {
  AGREED_CLAIM,
  alteredCopy,
  CONFLICT_CLAIM,
  makeMemberFiles,
  SINGLE_CLAIM,
  type MemberFiles,
} from './member-files';

/*
 * Members' recommendations through the real router, as the app calls them: files come from
 * main's dialogs (only those may be read), each file is accepted or refused on its own with its
 * reason in Korean and English, and a member's export never writes over a file.
 */

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

const temp = makeTempDir('review-desk-recs-app-');
let made: MemberFiles;
/** The three members' files and an altered copy of 김민준's, on disk. */
const paths = {} as Record<'김민준' | '최지우' | '정하은' | 'altered', string>;
beforeAll(() => {
  made = makeMemberFiles(temp.dir);
  for (const [name, text] of Object.entries(made.files)) {
    paths[name as keyof typeof paths] = join(temp.dir, `${name}.json`);
    writeFileSync(paths[name as keyof typeof paths], text);
  }
  paths.altered = join(temp.dir, 'altered.json');
  writeFileSync(paths.altered, alteredCopy(made.files['김민준']));
}, 120_000);
afterAll(temp.cleanup);

const opened: ReturnType<typeof openTempWorkspace>[] = [];
afterEach(() => opened.splice(0).forEach((ws) => ws.cleanup()));

/**
 * A workspace with the sample claims and the council's roster, `name`'s key unlocked; without
 * the roster nobody can unlock a key, so nobody acts.
 */
function workspace(name: string, withRoster = true) {
  const ws = openTempWorkspace();
  opened.push(ws);
  loadSampleClaims(ws);
  if (withRoster) {
    importRoster(ws, made.council.rosterText);
    actAs(ws, made.council.people[name]!);
  }
  return ws;
}

function connect(ctx: ServiceContext) {
  const platform = testPlatform();
  const { router } = createIpc(ctx, platform, {
    isTrustedSender: trustOrigins([ORIGIN]),
    logError: (error) => {
      throw error;
    },
  });
  const call = async <C extends Channel>(channel: C, payload?: unknown) =>
    (await router.handle(ours, channel, payload)) as IpcResult<ResponseOf<C>>;
  return { platform, call, ws: ctx };
}

function secretary(withRoster = true) {
  return connect(workspace('박서연', withRoster));
}

async function chooseAndImport(app: ReturnType<typeof connect>, files: string[]) {
  app.platform.chosen.push(files.join('\n'));
  const chosen = await app.call('recommendations:chooseFiles');
  expect(chosen).toEqual({ ok: true, value: { paths: files } });
  return app.call('recommendations:import', { files });
}

describe('members’ recommendations in the app', { timeout: 60_000 }, () => {
  it('imports three members’ files and refuses the altered one with its reason', async () => {
    const app = secretary();
    const result = await chooseAndImport(app, [
      paths['김민준'],
      paths.altered,
      paths['최지우'],
      paths['정하은'],
    ]);
    expect(result.ok).toBe(true);
    const results = result.ok ? result.value.results : [];
    expect(results.map((r) => r.status)).toEqual(['accepted', 'refused', 'accepted', 'accepted']);
    expect(results[0]).toMatchObject({
      file: paths['김민준'],
      member: '김민준',
      batchId: 1,
      batchName: '표본 신청 12건 (Sample claims)',
      count: 2,
      alreadyImported: false,
    });
    expect(results[3]).toMatchObject({ member: '정하은', count: 3 });
    expect(results[1]).toEqual({
      file: paths.altered,
      status: 'refused',
      code: 'altered',
      reason: 'the signature does not match: the file was altered after it was signed',
      ko: '서명이 맞지 않습니다: 서명한 뒤에 파일 내용이 바뀌었습니다',
    });

    // The same file again changes nothing and says so.
    const again = await chooseAndImport(app, [paths['최지우']]);
    expect(again.ok && again.value.results[0]).toMatchObject({
      status: 'accepted',
      member: '최지우',
      alreadyImported: true,
    });

    const listed = await app.call('recommendations:files');
    expect(listed.ok && listed.value.files).toHaveLength(3);
    const files = listed.ok ? listed.value.files : [];
    expect(files.map((f) => f.member)).toEqual(['정하은', '최지우', '김민준']);
    expect(files[0]).toMatchObject({
      role: 'member',
      fingerprint: made.council.people['정하은']!.fingerprint,
      batchName: '표본 신청 12건 (Sample claims)',
      count: 3,
      importedBy: '박서연',
      current: true,
    });
  });

  it('reads only chosen files; an unreadable chosen file is refused on its own', async () => {
    const app = secretary();
    const stray = await app.call('recommendations:import', { files: [paths['김민준']] });
    expect(stray).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(stray.ok || stray.error.message).toMatch(/not chosen in a dialog/);

    const gone = join(temp.dir, 'gone.json');
    writeFileSync(gone, 'x');
    app.platform.chosen.push([gone, paths['최지우'], temp.dir].join('\n'));
    await app.call('recommendations:chooseFiles');
    rmSync(gone);
    const result = await app.call('recommendations:import', {
      files: [gone, paths['최지우'], temp.dir],
    });
    const results = result.ok ? result.value.results : [];
    expect(results.map((r) => (r.status === 'refused' ? r.code : r.status))).toEqual([
      'unreadable',
      'accepted',
      'unreadable',
    ]);
    expect(results[0]).toMatchObject({ ko: '파일을 읽을 수 없습니다: gone.json (no such file)' });
    expect(results[2]).toMatchObject({ reason: expect.stringMatching(/a folder/) });

    const empty = await app.call('recommendations:import', { files: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('refuses the import when no roster is imported: nobody can unlock a key to import with', async () => {
    const app = secretary(false);
    expect(() => actAs(app.ws, made.council.people['박서연']!)).toThrow(
      /this workspace has no roster yet: load the council's signed roster first/,
    );
    const result = await chooseAndImport(app, [paths['김민준']]);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.ok || result.error.message).toMatch(
      /recommendations:import is for a secretary or chair: unlock your key first/,
    );
    expect(app.ws.db.prepare('SELECT count(*) AS n FROM recommendation_files').get()).toEqual({
      n: 0,
    });
  });

  it("is the secretary's or chair's to import: a member's key is refused", async () => {
    const app = connect(workspace('김민준'));
    const result = await chooseAndImport(app, [paths['김민준']]);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.ok || result.error.message).toMatch(/the person acting here is the member/);
  });

  it('shows per claim who recommended what, with roles, notes and agreement', async () => {
    const app = secretary();
    await chooseAndImport(app, [paths['김민준'], paths['최지우'], paths['정하은']]);
    const agreed = await app.call('recommendations:forClaim', { claimId: AGREED_CLAIM });
    expect(agreed.ok && agreed.value).toMatchObject({ agreement: 'agree', split: '3' });
    const conflict = await app.call('recommendations:forClaim', { claimId: CONFLICT_CLAIM });
    expect(conflict.ok && conflict.value).toMatchObject({
      claimId: CONFLICT_CLAIM,
      agreement: 'conflict',
      split: '2:1',
    });
    const recs = conflict.ok ? conflict.value.recommendations : [];
    expect(recs.map((r) => r.member)).toEqual(['김민준', '정하은', '최지우']);
    expect(recs[0]).toMatchObject({
      role: 'member',
      outcome: 'reject',
      amount: null,
      reasonCodes: ['insufficient_proof'],
      note: '폐기 영수증이 없음',
      fingerprint: made.council.people['김민준']!.fingerprint,
    });
    expect(recs[1]).toMatchObject({
      outcome: 'approve',
      amount: 700_000,
      note: '꽃 폐기 사진 확인',
    });
    const single = await app.call('recommendations:forClaim', { claimId: SINGLE_CLAIM });
    expect(single.ok && single.value).toMatchObject({ agreement: 'single', split: '1' });
    const none = await app.call('recommendations:forClaim', { claimId: 'K-2022-000105' });
    expect(none).toEqual({
      ok: true,
      value: { claimId: 'K-2022-000105', agreement: 'none', split: null, recommendations: [] },
    });
  });

  it('lets a newer file supersede a member’s older one in the list and the agreement', async () => {
    const app = secretary();
    await chooseAndImport(app, [paths['김민준'], paths['최지우'], paths['정하은']]);
    const jws = JSON.parse(made.files['김민준']) as { payload: string };
    const older = JSON.parse(
      Buffer.from(jws.payload, 'base64url').toString('utf8'),
    ) as RecommendationsPayload;
    const newer = buildRecommendationsPayload({
      ...older,
      createdAt: '2030-01-01T00:00:00.000Z',
      recommendations: older.recommendations.map((r) =>
        r.claimId === CONFLICT_CLAIM
          ? { ...r, outcome: 'approve', amount: 700_000, reasonCodes: [], note: '재검토' }
          : r,
      ),
    });
    const newerPath = join(temp.dir, '김민준-newer.json');
    writeFileSync(newerPath, signRecommendations(newer, made.council.people['김민준']!));
    await chooseAndImport(app, [newerPath]);
    const claim = await app.call('recommendations:forClaim', { claimId: CONFLICT_CLAIM });
    expect(claim.ok && claim.value).toMatchObject({ agreement: 'agree', split: '3' });
    const listed = await app.call('recommendations:files');
    const mine = (listed.ok ? listed.value.files : []).filter((f) => f.member === '김민준');
    expect(mine.map((f) => f.current)).toEqual([true, false]);
  });
});

describe('a member exports their recommendations from the app', { timeout: 60_000 }, () => {
  function member() {
    const ws = workspace('김민준');
    recordDecision(ws, {
      claimId: AGREED_CLAIM,
      outcome: 'approve',
      amount: 620_000,
      reasonCodes: [],
      note: '',
      replacesId: null,
      amendmentReason: null,
    });
    return connect(ws);
  }
  const keyFile = () => made.council.people['김민준']!.keyFile;

  it('signs with the chosen key and saves where the member chose, never over a file', async () => {
    const app = member();
    const request = { batchId: 1, keyFile: keyFile(), passphrase: PASSPHRASE };
    const unchosen = await app.call('recommendations:export', request);
    expect(unchosen).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    app.platform.chosen.push(keyFile());
    expect(await app.call('recommendations:chooseKeyFile')).toEqual({
      ok: true,
      value: { path: keyFile() },
    });
    const out = join(temp.dir, 'export-kim.json');
    rmSync(out, { force: true });
    app.platform.chosen.push(out);
    const saved = await app.call('recommendations:export', request);
    expect(saved).toMatchObject({ ok: true, value: { path: out, member: '김민준', count: 1 } });
    const text = readFileSync(out, 'utf8');
    expect(saved.ok && saved.value.sha256).toMatch(/^[0-9a-f]{64}$/);
    const audited = listAudit(app.ws.db).filter((e) => e.action === 'recommendations.exported');
    expect(audited).toMatchObject([
      {
        actor: '김민준',
        actorKid: made.council.people['김민준']!.kid,
        subjectId: '1',
        details: { member: '김민준', count: 1, sha256: sha256Hex(text), file: 'export-kim.json' },
      },
    ]);

    // The file is one the secretary's workspace accepts.
    const secretaryApp = secretary();
    const imported = await chooseAndImport(secretaryApp, [out]);
    expect(imported.ok && imported.value.results[0]).toMatchObject({
      status: 'accepted',
      member: '김민준',
      count: 1,
    });

    // Saving again at the same place is refused and the file stays as it was.
    const again = member();
    again.platform.chosen.push(keyFile());
    await again.call('recommendations:chooseKeyFile');
    again.platform.chosen.push(out);
    const refused = await again.call('recommendations:export', request);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.ok || refused.error.message).toMatch(/never overwritten/);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it('says a wrong passphrase before any save dialog, and never echoes it', async () => {
    const app = member();
    app.platform.chosen.push(keyFile());
    await app.call('recommendations:chooseKeyFile');
    const out = join(temp.dir, 'never.json');
    app.platform.chosen.push(out);
    const wrong = await app.call('recommendations:export', {
      batchId: 1,
      keyFile: keyFile(),
      passphrase: 'not the passphrase',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(wrong)).not.toContain('not the passphrase');
    // The save dialog was never opened: its queued answer is still there.
    expect(app.platform.chosen).toEqual([out]);
    expect(existsSync(out)).toBe(false);

    // Closing the save dialog writes nothing.
    app.platform.chosen.length = 0;
    const closed = await app.call('recommendations:export', {
      batchId: 1,
      keyFile: keyFile(),
      passphrase: PASSPHRASE,
    });
    expect(closed).toMatchObject({ ok: true, value: { path: null, count: 1 } });

    const nothing = await app.call('recommendations:export', {
      batchId: 99,
      keyFile: keyFile(),
      passphrase: PASSPHRASE,
    });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await app.call('recommendations:export', { batchId: 1, keyFile: keyFile() });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(bad.ok || bad.error.issues?.[0]?.path).toBe('passphrase');
  });
});
