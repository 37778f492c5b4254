import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../src/main/db/repositories/audit-log';
import { ServiceError } from '../../../src/main/services/errors';
import { hashCanonical } from '../../../src/main/services/hashing';
import {
  createPolicyVersion,
  getPolicy,
  listPolicies,
} from '../../../src/main/services/policy/policies';
import type { SupportPolicyBody } from '../../../src/shared/domain/support-policy';
import { supportPolicy } from '../../../src/shared/ipc/review-schemas';
import { actAsSecretary, openTempWorkspace } from '../../helpers/temp-workspace';
import { stopActing } from '../../../src/main/services/identity/acting';
import { actAsPerson } from '../../helpers/council';

let ws: ReturnType<typeof openTempWorkspace>;
afterEach(() => ws?.cleanup());

function serviceError(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('expected a ServiceError');
}

/** Version 1's body with the restaurant margin raised from 12% to 13%. */
function editedBody(): SupportPolicyBody {
  const body = structuredClone(getPolicy(ws).body);
  body.margin = body.margin.map((row) =>
    row.key === '음식점업' ? { ...row, factorBp: 1300, source: '위원회 확정값' } : row,
  );
  return body;
}

const storedBody = (version: number) =>
  (
    ws.db.prepare('SELECT body FROM support_policies WHERE version = ?').get(version) as {
      body: string;
    }
  ).body;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the seeded policy', () => {
  it('is version 1, read back with the hash stored for it', () => {
    ws = openTempWorkspace();
    const v1 = getPolicy(ws);
    expect(v1).toMatchObject({ version: 1, basedOn: null, createdBy: 'system' });
    expect(getPolicy(ws, 1)).toEqual(v1);
    expect(v1.bodyHash).toBe(sha256(storedBody(1)));
    expect(v1.body.margin.at(-1)).toMatchObject({ key: '*', factorBp: 1000 });
    expect(supportPolicy.parse(v1)).toEqual(v1);
    const { body: _body, ...summary } = v1;
    expect(listPolicies(ws)).toEqual([summary]);
  });

  it('is not_found for a version that does not exist', () => {
    ws = openTempWorkspace();
    expect(serviceError(() => getPolicy(ws, 2)).code).toBe('not_found');
  });
});

describe('creating a policy version', () => {
  it('appends version 2 with its hash and audit entry, leaving version 1 intact', () => {
    ws = openTempWorkspace();
    actAsSecretary(ws, '간사 이서연');
    const v1 = getPolicy(ws);
    const v1Text = storedBody(1);
    const v2 = createPolicyVersion(ws, { basedOn: 1, note: ' 음식점업 확정 ', body: editedBody() });
    expect(v2).toMatchObject({
      version: 2,
      basedOn: 1,
      createdBy: '간사 이서연',
      createdAt: '2022-11-20T09:00:01.000Z',
      note: '음식점업 확정',
    });
    expect(v2.body.margin[0]).toMatchObject({ key: '음식점업', factorBp: 1300 });
    expect(v2.bodyHash).toBe(hashCanonical(v2.body));
    // Stored as canonical JSON, so anyone can check the hash against the stored text.
    expect(sha256(storedBody(2))).toBe(v2.bodyHash);
    expect(getPolicy(ws)).toEqual(v2);
    expect(getPolicy(ws, 1)).toEqual(v1);
    expect(storedBody(1)).toBe(v1Text);
    expect(listPolicies(ws).map((p) => [p.version, p.basedOn])).toEqual([
      [1, null],
      [2, 1],
    ]);
    const [entry] = listAudit(ws.db);
    expect(entry).toMatchObject({
      action: 'policy.versioned',
      actor: '간사 이서연',
      subjectType: 'policy',
      subjectId: '2',
      details: { version: 2, basedOn: 1, note: '음식점업 확정', bodyHash: v2.bodyHash },
    });
    expect(verifyAuditChain(ws.db).ok).toBe(true);
  });

  it('stores keys the way the calculator compares them', () => {
    ws = openTempWorkspace();
    actAsSecretary(ws);
    const body = editedBody();
    body.margin = [{ key: ' ＩＴ서비스 ', factorBp: 1300, source: ' 통계 ' }, ...body.margin];
    const v2 = createPolicyVersion(ws, { basedOn: 1, note: 'IT 추가', body });
    expect(v2.body.margin[0]).toEqual({ key: 'IT서비스', factorBp: 1300, source: '통계' });
  });

  it('is refused by the table itself when anything tries to edit or delete a version', () => {
    ws = openTempWorkspace();
    actAsSecretary(ws);
    expect(() =>
      ws.db.prepare("UPDATE support_policies SET note = 'x' WHERE version = 1").run(),
    ).toThrow(/append-only/);
    expect(() => ws.db.prepare('DELETE FROM support_policies WHERE version = 1').run()).toThrow(
      /append-only/,
    );
    createPolicyVersion(ws, { basedOn: 1, note: 'v2', body: editedBody() });
    expect(() =>
      ws.db.prepare("UPDATE support_policies SET body = '{}' WHERE version = 2").run(),
    ).toThrow(/append-only/);
  });

  it('refuses a version based on a stale copy as a conflict and writes nothing', () => {
    ws = openTempWorkspace();
    actAsSecretary(ws);
    createPolicyVersion(ws, { basedOn: 1, note: '첫 수정', body: editedBody() });
    const error = serviceError(() =>
      createPolicyVersion(ws, { basedOn: 1, note: '늦은 수정', body: editedBody() }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/version 2 is the latest/);
    expect(
      serviceError(() => createPolicyVersion(ws, { basedOn: 7, note: 'x', body: editedBody() }))
        .code,
    ).toBe('conflict');
    expect(listPolicies(ws)).toHaveLength(2);
    expect(listAudit(ws.db).filter((e) => e.action === 'policy.versioned')).toHaveLength(1);
  });

  it('refuses an invalid body with every issue and writes nothing', () => {
    ws = openTempWorkspace();
    actAsSecretary(ws);
    const body = editedBody();
    body.margin = body.margin.filter((row) => row.key !== '*');
    body.alternative = [...body.alternative, { key: '카카오톡 ', factorBp: 1, source: '중복' }];
    body.minimumAmount = 100_000;
    body.maximumAmount = 90_000;
    const error = serviceError(() => createPolicyVersion(ws, { basedOn: 1, note: '', body }));
    expect(error.code).toBe('validation_failed');
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      ['body.margin', 'default_row_missing'],
      ['body.alternative.7.key', 'key_duplicate'],
      ['body.maximumAmount', 'minimum_above_maximum'],
      ['note', 'note_required'],
    ]);
    expect(error.issues[0]?.message).toMatch(/"\*"/);
    expect(listPolicies(ws)).toHaveLength(1);
    expect(listAudit(ws.db).filter((e) => e.action === 'policy.versioned')).toEqual([]);
  });
});

describe('who may make a policy version', () => {
  it('only the secretary (or the chair); nobody acting, a member or the auditor is refused and nothing is written', () => {
    ws = openTempWorkspace();
    const create = () =>
      createPolicyVersion(ws, { basedOn: 1, note: '위원이 수정', body: editedBody() });
    const nobody = serviceError(create);
    expect(nobody.code).toBe('forbidden');
    expect(nobody.message).toContain('unlock your key first');
    for (const name of ['김민준', '감사 윤']) {
      actAsPerson(ws, name);
      expect(serviceError(create).code, name).toBe('forbidden');
    }
    stopActing(ws);
    expect(serviceError(create).code).toBe('forbidden');
    expect(listPolicies(ws).map((p) => p.version)).toEqual([1]);
    expect(listAudit(ws.db).filter((e) => e.action === 'policy.versioned')).toEqual([]);
    // The chair stands in for the secretary.
    actAsPerson(ws, '이도윤');
    expect(create()).toMatchObject({ version: 2, createdBy: '이도윤' });
  });
});
