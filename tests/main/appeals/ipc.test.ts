import { describe, expect, it } from 'vitest';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { PathGrants } from '../../../src/main/ipc/path-grants';
import { testPlatform } from '../../helpers/test-platform';
import { actAs } from '../meetings/support';
import { appealsWorkspace, BRACKET_30K, evidenceFolder } from './support';

/* Appeals from the app, through the real router: the contract's rules, parsed answers. */

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

function setUp() {
  const ws = appealsWorkspace();
  const grants = new PathGrants();
  const { router } = createIpc(ws, testPlatform(), {
    isTrustedSender: trustOrigins([ORIGIN]),
    logError: () => undefined,
    grants,
  });
  return {
    ws,
    grants,
    call: (channel: string, payload: unknown) => router.handle(ours, channel as never, payload),
  };
}

describe('appeals:* through the router', () => {
  it('files with the chosen evidence, admits, and lists, as the secretary', async () => {
    const { grants, call } = setUp();
    const folder = evidenceFolder();
    grants.grant(folder);
    const filed = await call('appeals:file', {
      claimId: BRACKET_30K,
      grounds: '매출 장부상 손실 80만원',
      evidence: folder,
    });
    expect(filed).toMatchObject({
      ok: true,
      value: { appeal: { id: 1, state: 'filed' }, evidence: { stored: 1 } },
    });
    expect(
      await call('appeals:rule', { appealId: 1, ruling: 'admit', reason: '장부 확인' }),
    ).toMatchObject({
      ok: true,
      value: { appeal: { state: 'admitted' }, tier: { from: 'tier_30k', to: 'committee_review' } },
    });
    expect(await call('appeals:list', { claimId: BRACKET_30K })).toMatchObject({
      ok: true,
      value: { appeals: [{ id: 1, state: 'admitted', rulingReason: '장부 확인' }] },
    });
  });

  it('refuses a member, blank grounds and a folder nobody chose before any service runs', async () => {
    const { ws, call } = setUp();
    expect(await call('appeals:file', { claimId: BRACKET_30K, grounds: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(
      await call('appeals:file', {
        claimId: BRACKET_30K,
        grounds: '손실',
        evidence: evidenceFolder(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden', issues: [{ path: 'evidence' }] } });
    actAs(ws, '김민준');
    expect(await call('appeals:file', { claimId: BRACKET_30K, grounds: '손실' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call('appeals:list', {})).toMatchObject({ ok: true, value: { appeals: [] } });
  });
});
