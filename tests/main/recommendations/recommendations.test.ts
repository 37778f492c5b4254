import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActNotPermittedError } from '../../../src/main/db/errors';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { actAs, stopActing } from '../../../src/main/services/identity/acting';
import type { Profile } from '../../../src/main/services/identity';
import {
  agreementOf,
  buildRecommendationsPayload,
  exportRecommendations,
  importRecommendations,
  recommendationsByClaim,
  signRecommendations,
  type RecommendationsPayload,
} from '../../../src/main/services/recommendations';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import type { DecisionDraft } from '../../../src/shared/domain/decision';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { makeIdentity } from '../decision-file/council';
import { EXPORT_PEOPLE, makeKeys, rosterOf, type Keyed } from '../decision-file/export-fixture';
import {
  expectServiceError,
  OTHER_REVIEW_CLAIM,
  REVIEW_CLAIM,
  SECRETARY,
} from '../meetings/support';

/*
 * Each member works in their own workspace (the sample batch loaded, the roster imported) and
 * records decisions there as themselves, their key unlocked; the secretary's workspace imports
 * their files with the secretary's key unlocked. Three
 * real workspaces are the honest picture: in one shared workspace the members' decisions would
 * chain onto each other.
 */

const { dir, cleanup } = makeTempDir('review-desk-recs-');
const AUDITOR = '감사 윤';
const PEOPLE: Profile[] = [...EXPORT_PEOPLE, { name: AUDITOR, role: 'auditor' }];
let keys: Record<string, Keyed>;
let rosterText: string;
const files: Record<string, string> = {};
const opened: { cleanup: () => void }[] = [];
afterAll(() => {
  opened.forEach((ws) => ws.cleanup());
  cleanup();
});

const draft = (over: Partial<DecisionDraft>): DecisionDraft => ({
  claimId: REVIEW_CLAIM,
  outcome: 'approve',
  amount: 620_000,
  reasonCodes: [],
  note: '',
  replacesId: null,
  amendmentReason: null,
  ...over,
});

/** The sample batch and the roster loaded (neither needs a key), `name`'s key unlocked. */
function workspaceOf(name: string) {
  const ws = openTempWorkspace();
  opened.push(ws);
  loadSampleClaims(ws);
  importRoster(ws, rosterText);
  actAs(ws, keys[name]!);
  return ws;
}

const memberWorkspace = (name: string) => workspaceOf(name);
const secretaryWorkspace = () => workspaceOf(SECRETARY);

/** A member's real payload (from their workspace's file) to tamper with before re-signing. */
function payloadOf(fileText: string): RecommendationsPayload {
  const jws = JSON.parse(fileText) as { payload: string };
  return JSON.parse(
    Buffer.from(jws.payload, 'base64url').toString('utf8'),
  ) as RecommendationsPayload;
}

beforeAll(() => {
  keys = makeKeys(dir, PEOPLE);
  rosterText = rosterOf(keys);
  const opinions: Record<string, DecisionDraft[]> = {
    김민준: [
      draft({}),
      draft({
        claimId: OTHER_REVIEW_CLAIM,
        outcome: 'reject',
        amount: null,
        reasonCodes: ['insufficient_proof'],
        note: '증빙 부족',
      }),
    ],
    최하은: [draft({}), draft({ claimId: OTHER_REVIEW_CLAIM, amount: 700_000 })],
    정우진: [draft({})],
  };
  for (const [name, drafts] of Object.entries(opinions)) {
    const ws = memberWorkspace(name);
    for (const d of drafts) recordDecision(ws, d);
    files[name] = exportRecommendations(ws, { batchId: 1, signer: keys[name]! }).fileText;
  }
}, 120_000);

describe('member recommendations', { timeout: 60_000 }, () => {
  it('exports a member’s own decisions, sorted and signed; refuses when there are none', () => {
    const payload = payloadOf(files['김민준']!);
    expect(payload).toMatchObject({
      format: 'review-desk-recommendations/1',
      council: '1015 피해지원 협의체',
      batch: { id: 1 },
      member: { name: '김민준', kid: keys['김민준']!.kid },
    });
    expect(payload.recommendations.map((r) => [r.claimId, r.outcome, r.amount])).toEqual([
      [REVIEW_CLAIM, 'approve', 620_000],
      [OTHER_REVIEW_CLAIM, 'reject', null],
    ]);
    const ws = memberWorkspace('한지민');
    expectServiceError(
      () => exportRecommendations(ws, { batchId: 1, signer: keys['한지민']! }),
      'conflict',
    );
  });

  it('signs only with the acting person’s own key', () => {
    const ws = memberWorkspace('김민준');
    recordDecision(ws, draft({}));
    expectServiceError(
      () => exportRecommendations(ws, { batchId: 1, signer: keys['최하은']! }),
      'forbidden',
      'signer_not_acting',
    );
    stopActing(ws);
    expectServiceError(
      () => exportRecommendations(ws, { batchId: 1, signer: keys['김민준']! }),
      'forbidden',
      'unlock_required',
    );
  });

  it('imports three members’ files and shows agreement and conflict per claim', () => {
    const ws = secretaryWorkspace();
    const result = importRecommendations(ws, [
      files['김민준']!,
      files['최하은']!,
      files['정우진']!,
    ]);
    expect(result.refused).toEqual([]);
    expect(result.files.map((f) => [f.member, f.count, f.alreadyImported])).toEqual([
      ['김민준', 2, false],
      ['최하은', 2, false],
      ['정우진', 1, false],
    ]);
    const byClaim = recommendationsByClaim(ws.db, 1);
    expect(byClaim.get(REVIEW_CLAIM)!.map((r) => r.member)).toEqual(['김민준', '정우진', '최하은']);
    expect(agreementOf(byClaim.get(REVIEW_CLAIM)!)).toBe('agree');
    expect(byClaim.get(OTHER_REVIEW_CLAIM)).toContainEqual({
      member: '김민준',
      outcome: 'reject',
      amount: null,
      reasonCodes: ['insufficient_proof'],
    });
    expect(agreementOf(byClaim.get(OTHER_REVIEW_CLAIM)!)).toBe('conflict');
    expect(agreementOf(byClaim.get('K-2022-000105') ?? [])).toBe('none');
    const audit = ws.db
      .prepare(
        "SELECT actor, details, signature FROM audit_log WHERE action = 'recommendations.imported'",
      )
      .all() as { actor: string; details: string; signature: string | null }[];
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => [a.actor, a.signature !== null])).toEqual(
      Array.from({ length: 3 }, () => [SECRETARY, true]),
    );
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ member: '김민준', count: 2 });

    // The same file again: a no-op, reported as such.
    const again = importRecommendations(ws, [files['정우진']!]);
    expect(again).toEqual({
      files: [
        {
          index: 0,
          member: '정우진',
          batchId: 1,
          batchName: '표본 신청 12건 (Sample claims)',
          count: 1,
          fileSha256: result.files[2]!.fileSha256,
          alreadyImported: true,
        },
      ],
      refused: [],
    });
    const count = (sql: string) => (ws.db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM recommendation_files')).toBe(3);
    expect(
      count("SELECT count(*) AS n FROM audit_log WHERE action = 'recommendations.imported'"),
    ).toBe(3);
  });

  it('lets a newer file from the same member supersede the older one, keeping both', () => {
    const ws = secretaryWorkspace();
    const older = payloadOf(files['최하은']!);
    const newer = buildRecommendationsPayload({
      ...older,
      createdAt: '2030-01-01T00:00:00.000Z',
      recommendations: older.recommendations.map((r) =>
        r.claimId === OTHER_REVIEW_CLAIM
          ? { ...r, outcome: 'reject', amount: null, reasonCodes: ['insufficient_proof'] }
          : r,
      ),
    });
    // The newer file is imported first: the order of import does not decide, createdAt does.
    const result = importRecommendations(ws, [
      signRecommendations(newer, keys['최하은']!),
      files['최하은']!,
      files['김민준']!,
    ]);
    expect(result.refused).toEqual([]);
    const other = recommendationsByClaim(ws.db).get(OTHER_REVIEW_CLAIM)!;
    expect(other.map((r) => [r.member, r.outcome])).toEqual([
      ['김민준', 'reject'],
      ['최하은', 'reject'],
    ]);
    expect(agreementOf(other)).toBe('agree');
    expect(
      (ws.db.prepare('SELECT count(*) AS n FROM recommendation_files').get() as { n: number }).n,
    ).toBe(3);
  });

  it('refuses bad files with the reason, each file on its own', () => {
    const ws = secretaryWorkspace();
    const good = payloadOf(files['김민준']!);

    const jws = JSON.parse(files['김민준']!) as { payload: string };
    const altered = {
      ...good,
      recommendations: good.recommendations.map((r) => ({ ...r, amount: r.amount && 1_850_000 })),
    };
    jws.payload = Buffer.from(JSON.stringify(altered)).toString('base64url');
    const alteredText = JSON.stringify(jws);

    const stranger = makeIdentity(join(dir, 'stranger'), { name: '김민준', role: 'member' });
    const strangerText = signRecommendations(
      { ...good, member: { name: '김민준', kid: stranger.kid } },
      stranger,
    );
    const auditor = keys[AUDITOR]!;
    const auditorText = signRecommendations(
      { ...good, member: { name: AUDITOR, kid: auditor.kid } },
      auditor,
    );
    const wrongBatch = signRecommendations(
      { ...good, batch: { ...good.batch, contentHash: 'f'.repeat(64) } },
      keys['김민준']!,
    );
    const changedClaim = signRecommendations(
      {
        ...good,
        recommendations: good.recommendations.map((r) =>
          r.claimId === OTHER_REVIEW_CLAIM ? { ...r, claimContentHash: 'e'.repeat(64) } : r,
        ),
      },
      keys['김민준']!,
    );
    const otherKid = signRecommendations(
      { ...good, member: { name: '김민준', kid: keys['최하은']!.kid } },
      keys['김민준']!,
    );

    const result = importRecommendations(ws, [
      alteredText,
      strangerText,
      auditorText,
      wrongBatch,
      changedClaim,
      otherKid,
      'not json',
      files['정우진']!,
    ]);
    expect(result.files.map((f) => f.member)).toEqual(['정우진']);
    const reasons = Object.fromEntries(result.refused.map((r) => [r.index, r.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(reasons[0]).toMatch(/altered after it was signed/);
    expect(reasons[1]).toMatch(new RegExp(`key ${stranger.kid}, which is not on roster v1`));
    expect(reasons[2]).toMatch(/감사 윤, whose role on roster v1 is auditor/);
    expect(reasons[3]).toMatch(/is not imported in this workspace/);
    expect(reasons[4]).toMatch(new RegExp(`claim ${OTHER_REVIEW_CLAIM} differs`));
    expect(reasons[5]).toMatch(/names key .* but is signed by 김민준's key/);
    expect(reasons[6]).toMatch(/not a signed recommendations file/);
    // Refused files left nothing behind.
    expect(
      (ws.db.prepare('SELECT count(*) AS n FROM recommendations').get() as { n: number }).n,
    ).toBe(1);
  });

  it('names each forged shape a strict reading refuses, in English and Korean', () => {
    const ws = secretaryWorkspace();
    const genuine = files['김민준']!;
    const jws = JSON.parse(genuine) as {
      payload: string;
      signatures: { protected: string; header?: Record<string, unknown>; signature: string }[];
    };
    const forgedPayload = Buffer.from(JSON.stringify({ forged: true })).toString('base64url');
    // Two payloads: a reader keeping the first would see the forged one.
    const twoPayloads = genuine.replace('{', `{"payload":"${forgedPayload}",`);
    const withHeader = (header: Record<string, unknown>) =>
      JSON.stringify({
        ...jws,
        signatures: [
          { ...jws.signatures[0]!, header: { ...jws.signatures[0]!.header, ...header } },
        ],
      });
    const result = importRecommendations(ws, [twoPayloads, withHeader({ alg: 'none' }), genuine]);
    expect(result.files.map((f) => f.member)).toEqual(['김민준']);
    expect(result.refused.map((r) => [r.index, r.code])).toEqual([
      [0, 'duplicate_key'],
      [1, 'header_not_disjoint'],
    ]);
    expect(result.refused[0]!.reason).toMatch(/the key "payload" twice/);
    expect(result.refused[0]!.ko).toMatch(/"payload" 키가 두 번/);
    expect(result.refused[1]!.reason).toMatch(/repeats alg/);
  });

  it('refuses everything when no roster is imported', () => {
    const ws = openTempWorkspace();
    opened.push(ws);
    loadSampleClaims(ws);
    expectServiceError(() => importRecommendations(ws, [files['김민준']!]), 'conflict');
  });

  it("is the secretary's or chair's act: a member, or nobody, is refused and nothing is stored", () => {
    const ws = memberWorkspace('최하은');
    const refusal = (() => {
      try {
        importRecommendations(ws, [files['김민준']!]);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ActNotPermittedError);
    expect(refusal).toMatchObject({ code: 'forbidden', by: { name: '최하은', role: 'member' } });
    stopActing(ws);
    expect(() => importRecommendations(ws, [files['김민준']!])).toThrow(
      /recommendations\.imported needs the key of a secretary or chair on the roster; nobody/,
    );
    const count = (table: string) =>
      (ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('recommendation_files')).toBe(0);
    expect(count('recommendations')).toBe(0);
  });
});
