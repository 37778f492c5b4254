import { join } from 'node:path';
import { recordDecision } from '../../../src/main/services/decisions/decisions';
import { actAs } from '../../../src/main/services/identity/acting';
import { exportRecommendations } from '../../../src/main/services/recommendations';
import { importRoster } from '../../../src/main/services/roster';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import type { DecisionDraft } from '../../../src/shared/domain/decision';
import { steppingClock } from '../../helpers/temp-workspace';
import { makeCouncil, type Council } from '../decision-file/council';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * Three members' signed recommendation files on the sample claims, made the honest way: each
 * member records decisions as themselves (their key unlocked) in their own workspace (sample
 * batch loaded, roster imported) and exports them with their key. Free of vitest so the browser specs use it too.
 *   K-2022-000101  all three approve 620,000       -> agree, "3"
 *   K-2022-000102  reject / approve 700,000 x2     -> conflict, "2:1"
 *   K-2022-000103  정하은 alone asks for evidence   -> single, "1"
 */

export const AGREED_CLAIM = 'K-2022-000101';
export const CONFLICT_CLAIM = 'K-2022-000102';
export const SINGLE_CLAIM = 'K-2022-000103';
export const RECOMMENDING_MEMBERS = ['김민준', '최지우', '정하은'] as const;

const draft = (claimId: string, over: Partial<DecisionDraft>): DecisionDraft => ({
  claimId,
  outcome: 'approve',
  amount: 620_000,
  reasonCodes: [],
  note: '',
  replacesId: null,
  amendmentReason: null,
  ...over,
});

export const MEMBER_OPINIONS: Record<(typeof RECOMMENDING_MEMBERS)[number], DecisionDraft[]> = {
  김민준: [
    draft(AGREED_CLAIM, {}),
    draft(CONFLICT_CLAIM, {
      outcome: 'reject',
      amount: null,
      reasonCodes: ['insufficient_proof'],
      note: '폐기 영수증이 없음',
    }),
  ],
  최지우: [draft(AGREED_CLAIM, {}), draft(CONFLICT_CLAIM, { amount: 700_000 })],
  정하은: [
    draft(AGREED_CLAIM, {}),
    draft(CONFLICT_CLAIM, { amount: 700_000, note: '꽃 폐기 사진 확인' }),
    draft(SINGLE_CLAIM, { outcome: 'request_evidence', amount: null, note: '매출 장부 필요' }),
  ],
};

export interface MemberFiles {
  council: Council;
  /** Each member's signed file text, by name. */
  files: Record<(typeof RECOMMENDING_MEMBERS)[number], string>;
}

/** The council (keys under dir/keys) and the three members' files, from their workspaces. */
export function makeMemberFiles(dir: string): MemberFiles {
  const council = makeCouncil(dir);
  const files = {} as MemberFiles['files'];
  for (const name of RECOMMENDING_MEMBERS) {
    const ws = openTestWorkspace(join(dir, `member-${name}`), { now: steppingClock() });
    try {
      loadSampleClaims(ws);
      importRoster(ws, council.rosterText);
      actAs(ws, council.people[name]!);
      for (const d of MEMBER_OPINIONS[name]) recordDecision(ws, d);
      files[name] = exportRecommendations(ws, {
        batchId: 1,
        signer: council.people[name]!,
      }).fileText;
    } finally {
      ws.db.close();
    }
  }
  return { council, files };
}

/** The file with an amount changed after signing: the signature no longer matches. */
export function alteredCopy(fileText: string): string {
  const jws = JSON.parse(fileText) as { payload: string };
  const payload = Buffer.from(jws.payload, 'base64url')
    .toString('utf8')
    .replace('620000', '920000');
  if (!payload.includes('920000')) throw new Error('nothing to alter in this file');
  return JSON.stringify({ ...jws, payload: Buffer.from(payload).toString('base64url') }, null, 2);
}
