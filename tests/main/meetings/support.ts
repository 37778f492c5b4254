import { expect } from 'vitest';
import type { ServiceContext } from '../../../src/main/services/context';
import { ServiceError } from '../../../src/main/services/errors';
import { openMeeting } from '../../../src/main/services/meetings';
import { addPerson, setCurrentPerson } from '../../../src/main/services/people/people';
import { loadSampleClaims } from '../../../src/main/services/workspace/workspace';
import type { OpenMeetingRequest } from '../../../src/shared/ipc/meeting-schemas';
import { actAsSecretary, openTempWorkspace } from '../../helpers/temp-workspace';

export const SECRETARY = '박서연';
export const CHAIR = '이도윤';
/** The chair and four members: five voting members. */
export const MEMBERS = [CHAIR, '김민준', '최하은', '정우진', '한지민'] as const;
export const REVIEW_CLAIM = 'K-2022-000101'; // small business, 1,850,000 KRW
export const OTHER_REVIEW_CLAIM = 'K-2022-000102'; // 720,000 KRW
export const FIXED_TIER_CLAIM = 'K-2022-000105'; // tier_30k

/** A workspace with the sample claims, the council's people, and the secretary at the machine. */
export function councilWorkspace() {
  const ws = openTempWorkspace(SECRETARY);
  loadSampleClaims(ws);
  actAsSecretary(ws, SECRETARY);
  addPerson(ws, { name: CHAIR, role: 'chair' });
  for (const name of MEMBERS.slice(1)) addPerson(ws, { name, role: 'member' });
  addPerson(ws, { name: '감사 윤', role: 'auditor' });
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

export function actAs(ctx: ServiceContext, name: string): void {
  setCurrentPerson(ctx, name);
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
