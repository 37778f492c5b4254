import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/main/db/repositories/audit-log';
import {
  DEMO_PATHS,
  decisionFilePath,
  inDemo,
  makeCouncilDemo,
  memberWorkspacePath,
  minutesFilePath,
  type CouncilDemo,
} from '../../../src/main/demo/council';
import { CLAIMS, MEETING, RECOMMENDATIONS } from '../../../src/main/demo/council/script';
import { verifyDecisionFile } from '../../../src/main/services/decision-files';
import { ServiceError } from '../../../src/main/services/errors';
import { openEvidenceSource } from '../../../src/main/services/evidence/source';
import { sha256Hex } from '../../../src/main/services/hashing';
import { verifyAuditLog } from '../../../src/main/services/audit-log/verify-acts';
import type { ServiceContext } from '../../../src/main/services/context';
import { readKeyFile, unlockIdentity } from '../../../src/main/services/identity';
import { actAs } from '../../../src/main/services/identity/acting';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { getMeeting, listMeetings } from '../../../src/main/services/meetings';
import { listMinutesVersions } from '../../../src/main/services/minutes';
import {
  agreementOf,
  importRecommendations,
  recommendationsByClaim,
} from '../../../src/main/services/recommendations';
import { importRoster, verifyRoster } from '../../../src/main/services/roster';
import { demoBatchPaths } from '../../../src/main/demo/demo-batch-paths';
import { GOOD_ROWS, writeCsv } from '../../helpers/batch-files';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { RESOURCES_DIR } from '../../helpers/test-platform';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import { unlockWorkspace } from '../../../src/main/services/unlock-workspace';
import { DEMO_WORKSPACE_PASSPHRASE } from '../../../src/main/demo/council/workspaces';

/** A demo workspace, opened as its README says: with the demo's published passphrase. */
const openDemo = (dir: string) => unlockWorkspace(dir, { passphrase: DEMO_WORKSPACE_PASSPHRASE });

/*
 * The demo is made once (real keys, real SQLite workspaces, the real demo batch) and each test
 * checks it from the outside: the files on disk, read the way an auditor, the secretary or
 * the app would read them.
 */

const temp = makeTempDir('review-desk-council-demo-');
const outDir = join(temp.dir, 'demo');
const { file: batchFile, evidence } = demoBatchPaths(RESOURCES_DIR);
let demo: CouncilDemo;
const read = (relative: string) => readFileSync(inDemo(outDir, relative), 'utf8');

beforeAll(async () => {
  demo = await makeCouncilDemo(outDir, { batchFile, evidence });
}, 120_000);
afterAll(temp.cleanup);

function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listTree(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/** Unlocks `name`'s demo key from the files the demo wrote (key file and passphrase file). */
function unlockDemoKey(ctx: ServiceContext, name: string) {
  const key = demo.keys.find((k) => k.person.name === name)!;
  const passphrase = read(key.passphraseFile).split('\n')[0]!;
  return actAs(ctx, unlockIdentity(inDemo(outDir, key.keyFile), passphrase));
}

/**
 * A workspace's audit log: the chain intact, every act signed by a key on the roster in force
 * with a role allowed it; each named actor is a roster person whose demo key signed.
 */
function expectSignedLog(ctx: ServiceContext, actors: string[]) {
  expect(verifyAuditLog(ctx.db)).toMatchObject({ ok: true, actProblems: [] });
  const entries = listAudit(ctx.db, { limit: 10_000 });
  expect([...new Set(entries.map((e) => e.actor))].sort()).toEqual(actors.sort());
  for (const entry of entries) {
    const key = demo.keys.find((k) => k.person.name === entry.actor);
    if (key) {
      expect(entry.actorKid, `${entry.seq} ${entry.action}`).toBe(key.identity.kid);
      expect(entry.signature, `${entry.seq} ${entry.action}`).not.toBeNull();
    } else expect(entry).toMatchObject({ actor: UNIDENTIFIED_OPERATOR, signature: null });
  }
  return entries;
}

function payloadOf(fileText: string) {
  return JSON.parse(Buffer.from(JSON.parse(fileText).payload, 'base64url').toString('utf8'));
}

describe('review-desk demo: the council worked example', { timeout: 60_000 }, () => {
  it('writes a decision file that verifies against the written roster and evidence', async () => {
    const fileText = read(decisionFilePath(MEETING.number));
    expect(sha256Hex(fileText)).toBe(demo.decisionFile.sha256);
    const source = await openEvidenceSource(inDemo(outDir, DEMO_PATHS.evidence));
    const report = await verifyDecisionFile(fileText, {
      roster: verifyRoster(read(DEMO_PATHS.roster)),
      evidence: source,
    });
    await source.close();
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => [s.signer, s.role, s.valid])).toEqual([
      ['이도윤', 'chair', true],
      ['박서연', 'secretary', true],
    ]);
    expect(report.records).toEqual({ total: 3, valid: 3, invalid: [] });
    expect(report.evidence.checked).toBeGreaterThan(0);
    expect(report.evidence.mismatched).toBe(0);

    // Under a roster of other keys the same file must fail: the check is not vacuous.
    const other = makeTempDir('review-desk-council-demo-other-');
    try {
      const again = await makeCouncilDemo(join(other.dir, 'demo'), { batchFile, evidence });
      const foreign = verifyRoster(readFileSync(join(again.outDir, DEMO_PATHS.roster), 'utf8'));
      const refused = await verifyDecisionFile(fileText, { roster: foreign });
      expect(refused.valid).toBe(false);
    } finally {
      other.cleanup();
    }
  });

  it('records the meeting: one absent member, quorum met, a recusal, the chair’s decisions', () => {
    const payload = payloadOf(read(decisionFilePath(MEETING.number)));
    expect(payload.meeting).toMatchObject({ number: 1, date: '2022-12-20' });
    // The file names the minutes the chair approved before it was signed.
    expect(payload.minutesSha256).toBe(demo.minutes.version.sha256);
    const byClaim = new Map(
      payload.decisions.map((d: { claimId: string }) => [d.claimId, d]),
    ) as Map<string, { outcome: string; amount: number | null; votes: object[] }>;
    expect([...byClaim.keys()].sort()).toEqual(MEETING.agenda.map((a) => a.claimId).sort());
    for (const decision of byClaim.values())
      expect(decision.votes).toContainEqual({ member: '한지민', vote: 'absent' });
    expect(byClaim.get(CLAIMS.chickenShop)).toMatchObject({ outcome: 'defer', amount: null });
    expect(byClaim.get(CLAIMS.chickenShop)!.votes).toContainEqual({
      member: '최하은',
      vote: 'recused',
    });
    expect(byClaim.get(CLAIMS.sideDishShop)).toMatchObject({ outcome: 'approve', amount: 730_000 });
    expect(byClaim.get(CLAIMS.soupRestaurant)).toMatchObject({
      outcome: 'partial',
      amount: 800_000,
    });

    expect(demo.meeting).toMatchObject({ number: 1, status: 'closed', quorumMet: true });
    expect(demo.meeting.attendance.filter((a) => !a.present)).toEqual([
      { member: '한지민', present: false },
    ]);
    expect(demo.meeting.agenda.map((item) => item.result)).toEqual([
      'carried',
      'carried',
      'not_carried',
    ]);
  });

  it('writes the approved minutes as PDF and DOCX, drafted by the secretary, approved by the chair', () => {
    expect(demo.minutes.pdf).toBe(minutesFilePath(MEETING.number, 'pdf'));
    expect(demo.minutes.docx).toBe(minutesFilePath(MEETING.number, 'docx'));
    expect(readFileSync(inDemo(outDir, demo.minutes.pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(inDemo(outDir, demo.minutes.docx)).subarray(0, 2).toString()).toBe('PK');
    const secretary = openDemo(inDemo(outDir, DEMO_PATHS.secretaryWorkspace));
    try {
      expect(listMinutesVersions(secretary, demo.meeting.id)).toEqual([
        expect.objectContaining({
          version: 1,
          status: 'approved',
          madeBy: '박서연',
          approvedBy: '이도윤',
          sha256: demo.minutes.version.sha256,
          items: MEETING.agenda.length,
        }),
      ]);
    } finally {
      secretary.db.close();
    }
  });

  it('writes three or more recommendation files that import elsewhere, agreeing and conflicting', async () => {
    expect(demo.recommendationFiles.length).toBeGreaterThanOrEqual(3);
    const ws = openTempWorkspace();
    try {
      await importBatch(ws, {
        file: inDemo(outDir, DEMO_PATHS.batchFile),
        evidence: null,
        mapping: null,
        sheet: null,
        intoBatchId: null,
      });
      importRoster(ws, read(DEMO_PATHS.roster));
      // Importing members' files is the secretary's act: with the demo secretary's key.
      unlockDemoKey(ws, '박서연');
      const result = importRecommendations(
        ws,
        demo.recommendationFiles.map((f) => read(f.file)),
      );
      expect(result.refused).toEqual([]);
      expect(result.files.map((f) => [f.member, f.count])).toEqual(
        Object.entries(RECOMMENDATIONS).map(([member, views]) => [member, views.length]),
      );
      const byClaim = recommendationsByClaim(ws.db);
      expect(agreementOf(byClaim.get(CLAIMS.sideDishShop)!)).toBe('agree');
      expect(agreementOf(byClaim.get(CLAIMS.soupRestaurant)!)).toBe('conflict');
      expect(demo.agreement).toMatchObject({
        [CLAIMS.sideDishShop]: 'agree',
        [CLAIMS.soupRestaurant]: 'conflict',
      });
    } finally {
      ws.cleanup();
    }
  });

  it('leaves workspaces whose audit logs are signed by the roster people who acted, and that reopen with nobody acting until a key is unlocked', () => {
    const secretary = openDemo(inDemo(outDir, DEMO_PATHS.secretaryWorkspace));
    try {
      expect(secretary.acting).toBeNull();
      expect(secretary.actor).toBe(UNIDENTIFIED_OPERATOR);
      // Loading the batch and the roster needed no key; the rest is the secretary's and the
      // chair's, each signed with their own key.
      const entries = expectSignedLog(secretary, [UNIDENTIFIED_OPERATOR, '박서연', '이도윤']);
      const by = (action: string) => [
        ...new Set(entries.filter((e) => e.action === action).map((e) => e.actor)),
      ];
      expect(by('roster.imported')).toEqual([UNIDENTIFIED_OPERATOR]);
      expect(by('meeting.opened')).toEqual(['박서연']);
      expect(by('meeting.decision_confirmed')).toEqual(['이도윤']);
      expect(by('minutes.drafted')).toEqual(['박서연']);
      expect(by('minutes.approved')).toEqual(['이도윤']);
      expect(by('decisions.exported')).toEqual(['박서연']);
      expect(unlockDemoKey(secretary, '박서연')).toMatchObject({
        name: '박서연',
        role: 'secretary',
      });
      expect(secretary.actor).toBe('박서연');
      const [meeting] = listMeetings(secretary).meetings;
      expect(meeting).toMatchObject({ number: 1, status: 'closed' });
      expect(getMeeting(secretary, meeting!.id).agenda).toHaveLength(3);
      expect(secretary.db.prepare('SELECT file_sha256 AS sha FROM decision_files').all()).toEqual([
        { sha: demo.decisionFile.sha256 },
      ]);
      expect(secretary.db.prepare('SELECT count(*) AS n FROM recommendation_files').get()).toEqual({
        n: demo.recommendationFiles.length,
      });
    } finally {
      secretary.db.close();
    }
    for (const { member, count } of demo.recommendationFiles) {
      const ws = openDemo(inDemo(outDir, memberWorkspacePath(member)));
      try {
        expect(ws.actor).toBe(UNIDENTIFIED_OPERATOR);
        const entries = expectSignedLog(ws, [UNIDENTIFIED_OPERATOR, member]);
        expect(
          entries.filter((e) => e.action === 'decision.recorded' && e.actor === member),
        ).toHaveLength(count);
        expect(
          ws.db.prepare('SELECT count(*) AS n FROM decisions WHERE decided_by = ?').get(member),
        ).toEqual({ n: count });
        expect(unlockDemoKey(ws, member)).toMatchObject({ name: member, role: 'member' });
      } finally {
        ws.db.close();
      }
    }
  });

  it('keeps demo key files next to passphrase files that open them', () => {
    expect(demo.keys).toHaveLength(6);
    const chair = demo.keys.find((k) => k.person.role === 'chair')!;
    expect(chair.keyFile.startsWith(`${DEMO_PATHS.secrets}/`)).toBe(true);
    expect(chair.publicKeyFile.startsWith(`${DEMO_PATHS.publicKeys}/`)).toBe(true);
    const keyFile = inDemo(outDir, chair.keyFile);
    const passphrase = read(chair.passphraseFile).split('\n')[0]!;
    expect(unlockIdentity(keyFile, passphrase).kid).toBe(chair.identity.kid);
    expect(readKeyFile(keyFile).privateKey.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 14 });
    expect(read(DEMO_PATHS.secretsWarning)).toMatch(/DEMO SECRETS ONLY/);
  });

  it('writes a README, Korean first, that lists files that exist and the verify command', () => {
    const readme = read(DEMO_PATHS.readme);
    expect(readme.indexOf('## 파일')).toBeGreaterThan(-1);
    expect(readme.indexOf('## 파일')).toBeLessThan(readme.indexOf('## Files'));
    const listed = [...readme.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(10);
    for (const path of listed) expect(existsSync(inDemo(outDir, path)), path).toBe(true);
    // And the other way: every signed file and key the demo wrote is explained.
    const written = listTree(outDir).filter((p) =>
      /^(keys|recommendations|decisions|minutes)\/|^roster\.json$/.test(p),
    );
    for (const path of written) expect(listed, path).toContain(path);
    expect(readme).toContain(
      `--roster "${inDemo(outDir, DEMO_PATHS.roster)}" --evidence "${inDemo(outDir, DEMO_PATHS.evidence)}"`,
    );
    expect(readme).toContain(`REVIEW_DESK_WORKSPACE="${inDemo(outDir, 'workspace')}" npm start`);
    expect(readme).toContain(demo.decisionFile.sha256);
    expect(readme).toContain(demo.minutes.version.sha256);
    expect(listed).toEqual(expect.arrayContaining([demo.minutes.pdf, demo.minutes.docx]));
    // Everyone is named as the roster names them.
    for (const { person } of demo.keys) expect(readme).toContain(person.name);
  });

  it('refuses a folder that is not empty, a file, and missing sources, writing nothing', async () => {
    const before = listTree(outDir);
    const refusal = (dir: string, sources = { batchFile, evidence }) =>
      makeCouncilDemo(dir, sources).then(
        () => null,
        (error: unknown) => error,
      );
    const again = await refusal(outDir);
    expect(again).toBeInstanceOf(ServiceError);
    expect((again as ServiceError).message).toMatch(/is not empty/);
    expect(listTree(outDir)).toEqual(before);

    const aFile = join(temp.dir, 'a-file.txt');
    writeFileSync(aFile, 'x');
    expect(String(await refusal(aFile))).toMatch(/is a file/);

    const missing = join(temp.dir, 'no-such-batch.csv');
    const fresh = join(temp.dir, 'fresh');
    expect(String(await refusal(fresh, { batchFile: missing, evidence }))).toContain(missing);
    expect(existsSync(fresh)).toBe(false);
  });

  it('clears what it made when a step fails, so the folder can be used again', async () => {
    const dir = join(temp.dir, 'wrong-batch');
    const sources = join(temp.dir, 'sources');
    mkdirSync(join(sources, 'evidence'), { recursive: true });
    // A good batch, but not the demo's: the story's claims are not in it.
    const wrongBatch = writeCsv(sources, 'batch.csv', GOOD_ROWS, 'utf-8');
    const error = await makeCouncilDemo(dir, {
      batchFile: wrongBatch,
      evidence: join(sources, 'evidence'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).message).toContain(CLAIMS.sideDishShop);
    expect(readdirSync(dir)).toEqual([]);
  });
});
