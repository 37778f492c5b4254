import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { sha256Hex } from '../../../src/main/services/hashing';
import { confirmFinalDecision } from '../../../src/main/services/meetings';
import {
  approveMinutes,
  draftMinutes,
  getStoredMinutes,
  listMinutesVersions,
} from '../../../src/main/services/minutes';
import { latestRoster } from '../../../src/main/services/roster';
import { TIERS } from '../../../src/shared/domain/tier';
import { OUTCOMES } from '../../../src/shared/domain/decision';
import { makeTempDir } from '../../helpers/temp-workspace';
import { makeKeys, type Keyed } from '../decision-file/export-fixture';
import {
  actAs,
  CHAIR,
  expectServiceError,
  openWith,
  OTHER_REVIEW_CLAIM,
  REVIEW_CLAIM,
  SECRETARY,
} from '../meetings/support';
import {
  asChair,
  asSecretary,
  importNextRoster,
  minutesWorkspace,
  type MinutesWorkspace,
} from './fixture';
import { addToAgenda, closeMeeting, recordVote } from '../../../src/main/services/meetings';

let ws: MinutesWorkspace | undefined;
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
});

const keyDir = makeTempDir('review-desk-minutes-keys-');
afterAll(keyDir.cleanup);
const keys: Record<string, Keyed> = makeKeys(keyDir.dir);

function setUp(withRoster = true) {
  const made = minutesWorkspace(withRoster ? keys : undefined);
  ws = made.ws;
  return { ws: made.ws, meetingId: made.meetingId };
}

interface SqlTotal {
  key: string;
  count: number;
  claimed: number;
  decided: number;
}

/** The totals straight from the tables, without the model: per claim the meeting's decision. */
function sqlTotals(db: MinutesWorkspace['db'], meetingId: number, by: 'c.tier' | 'd.outcome') {
  return db
    .prepare(
      `SELECT ${by} AS key, count(*) AS count, coalesce(sum(c.claimed_loss), 0) AS claimed,
              coalesce(sum(d.amount), 0) AS decided
       FROM meeting_agenda a
       JOIN decisions d ON d.id = (SELECT max(id) FROM decisions e
                                   WHERE e.meeting_id = a.meeting_id AND e.claim_id = a.claim_id)
       JOIN claims c ON c.claim_id = a.claim_id
       WHERE a.meeting_id = ? GROUP BY ${by}`,
    )
    .all(meetingId) as SqlTotal[];
}

describe('minutes versions', { timeout: 60_000 }, () => {
  it('drafts the minutes of the closed meeting from the database, totals as SQL counts them', () => {
    const { ws, meetingId } = setUp();
    const version = draftMinutes(ws, meetingId);
    expect(version).toMatchObject({
      meetingId,
      meetingNumber: 1,
      version: 1,
      status: 'draft',
      madeBy: SECRETARY,
      approvedAt: null,
      approvedBy: null,
      items: 2,
    });
    const stored = getStoredMinutes(ws, meetingId);
    const row = ws.db
      .prepare('SELECT model_json AS text, sha256 FROM minutes_versions WHERE meeting_id = ?')
      .get(meetingId) as { text: string; sha256: string };
    expect(sha256Hex(row.text)).toBe(row.sha256);
    expect(row.sha256).toBe(version.sha256);

    const { model } = stored;
    const roster = latestRoster(ws.db)!;
    expect(model).toMatchObject({
      council: '1015 피해지원 협의체',
      meeting: { number: 1, heldOn: '2022-12-20', place: '판교 회의실' },
      officers: { chair: CHAIR, secretary: SECRETARY },
      roster: { version: 1, sha256: roster.sha256, fingerprint: roster.fingerprint },
      attendance: { members: 5, absent: ['한지민'], quorumMet: true },
    });
    expect(model.items.map((i) => [i.claimId, i.decision.outcome, i.decision.amount])).toEqual([
      [REVIEW_CLAIM, 'approve', 620_000],
      [OTHER_REVIEW_CLAIM, 'defer', null],
    ]);
    expect(model.items[0]!.rollCall).toEqual([
      { member: CHAIR, vote: 'for' },
      { member: '김민준', vote: 'for' },
      { member: '정우진', vote: 'no_vote' },
      { member: '최하은', vote: 'recused' },
      { member: '한지민', vote: 'absent' },
    ]);

    const byTier = sqlTotals(ws.db, meetingId, 'c.tier');
    const byOutcome = sqlTotals(ws.db, meetingId, 'd.outcome');
    expect(model.totals.byTier).toEqual(
      TIERS.flatMap((tier) => {
        const row = byTier.find((r) => r.key === tier);
        return row ? [{ tier, count: row.count, claimed: row.claimed, decided: row.decided }] : [];
      }),
    );
    expect(model.totals.byOutcome).toEqual(
      OUTCOMES.map((outcome) => {
        const row = byOutcome.find((r) => r.key === outcome);
        return {
          outcome,
          count: row?.count ?? 0,
          claimed: row?.claimed ?? 0,
          decided: row?.decided ?? 0,
        };
      }),
    );
    const all = byTier.reduce(
      (sum, r) => ({
        count: sum.count + r.count,
        claimed: sum.claimed + r.claimed,
        decided: sum.decided + r.decided,
      }),
      { count: 0, claimed: 0, decided: 0 },
    );
    expect(model.totals.all).toEqual(all);
    expect(all).toEqual({ count: 2, claimed: 1_850_000 + 720_000, decided: 620_000 });
  });

  it('is approved by the chair and then locked; a change is a new version and both stay listed', () => {
    const { ws, meetingId } = setUp();
    const draft = draftMinutes(ws, meetingId);
    expectServiceError(() => approveMinutes(ws, { meetingId, version: 1 }), 'forbidden');
    asChair(ws);
    const approved = approveMinutes(ws, { meetingId, version: 1 });
    expect(approved).toMatchObject({
      version: 1,
      status: 'approved',
      approvedBy: CHAIR,
      sha256: draft.sha256,
    });
    expectServiceError(
      () => approveMinutes(ws, { meetingId, version: 1 }),
      'conflict',
      'version_locked',
    );

    // Locked even against SQL that skips the service.
    for (const sql of [
      "UPDATE minutes_versions SET model_json = '{}'",
      'DELETE FROM minutes_versions',
      "UPDATE minutes_approvals SET approved_by = 'x'",
      'DELETE FROM minutes_approvals',
    ])
      expect(() => ws.db.prepare(sql).run(), sql).toThrow(/append-only/);

    // Nothing changed: drafting again would only repeat version 1.
    asSecretary(ws);
    expectServiceError(() => draftMinutes(ws, meetingId), 'conflict', 'nothing_changed');

    // The records change (a new roster version), so the next draft is version 2.
    importNextRoster(ws, keys);
    const second = draftMinutes(ws, meetingId);
    expect(second).toMatchObject({ version: 2, status: 'draft' });
    expect(second.sha256).not.toBe(draft.sha256);
    expect(listMinutesVersions(ws, meetingId).map((v) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    // What a rendering without a version shows: the approved one, until version 2 is approved.
    expect(getStoredMinutes(ws, meetingId).dto.version).toBe(1);
    expect(getStoredMinutes(ws, meetingId, 1).model.roster?.version).toBe(1);
    expect(getStoredMinutes(ws, meetingId, 2).model.roster?.version).toBe(2);

    asChair(ws);
    approveMinutes(ws, { meetingId, version: 2 });
    expect(listMinutesVersions(ws, meetingId).map((v) => [v.version, v.status])).toEqual([
      [2, 'approved'],
      [1, 'approved'],
    ]);
    expect(getStoredMinutes(ws, meetingId).dto.version).toBe(2);

    const actions = listAudit(ws.db)
      .filter((e) => e.action.startsWith('minutes.'))
      .map((e) => [e.action, e.actor, e.details['version']]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['minutes.drafted', SECRETARY, 1],
        ['minutes.approved', CHAIR, 1],
        ['minutes.drafted', SECRETARY, 2],
        ['minutes.approved', CHAIR, 2],
      ]),
    );
    expect(verifyAuditChain(ws.db).ok).toBe(true);
  });

  it('approves only the latest version; a replaced draft stays listed as superseded', () => {
    const { ws, meetingId } = setUp();
    draftMinutes(ws, meetingId);
    importNextRoster(ws, keys);
    draftMinutes(ws, meetingId);
    asChair(ws);
    expectServiceError(
      () => approveMinutes(ws, { meetingId, version: 1 }),
      'conflict',
      'version_replaced',
    );
    expectServiceError(() => approveMinutes(ws, { meetingId, version: 3 }), 'not_found');
    expect(listMinutesVersions(ws, meetingId).map((v) => v.status)).toEqual([
      'draft',
      'superseded',
    ]);
  });

  it('leaves drafting to the secretary and refuses what cannot be minuted, naming it', () => {
    const { ws, meetingId } = setUp(false);
    actAs(ws, '김민준');
    expectServiceError(() => draftMinutes(ws, meetingId), 'forbidden');
    asSecretary(ws);
    expectServiceError(() => draftMinutes(ws, 99), 'not_found');
    expectServiceError(() => getStoredMinutes(ws, meetingId), 'not_found');

    // A meeting is run only under a roster (whoever runs it acts by a key on it), and the
    // minutes name that roster: here the council's keys made in memory.
    const version = draftMinutes(ws, meetingId);
    const { model } = getStoredMinutes(ws, meetingId, version.version);
    const roster = latestRoster(ws.db)!;
    expect(model.roster).toEqual({
      version: 1,
      validFrom: roster.payload.validFrom,
      sha256: roster.sha256,
      fingerprint: roster.fingerprint,
    });
    expect(model.council).toBe('1015 피해지원 협의체');

    // An open meeting has no minutes; a closed one with an unconfirmed item is refused too.
    const open = openWith(ws, 4, { number: 2 });
    expectServiceError(() => draftMinutes(ws, open.id), 'conflict', 'meeting_open');
    addToAgenda(ws, { meetingId: open.id, claimId: 'K-2022-000103', proposal: null });
    recordVote(ws, { meetingId: open.id, claimId: 'K-2022-000103', member: CHAIR, vote: 'for' });
    closeMeeting(ws, open.id);
    let refusal: unknown;
    try {
      draftMinutes(ws, open.id);
    } catch (error) {
      refusal = error;
    }
    expect(String(refusal)).toContain('has not confirmed a decision for K-2022-000103');
    expect((refusal as { issues: { code: string }[] }).issues[0]!.code).toBe('unconfirmed_items');

    asChair(ws);
    confirmFinalDecision(ws, {
      meetingId: open.id,
      claimId: 'K-2022-000103',
      outcome: 'defer',
      amount: null,
      reasonCodes: [],
      note: '',
    });
    asSecretary(ws);
    expect(draftMinutes(ws, open.id).version).toBe(1);
  });
});
