import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/db/migrations';
import { CHANNELS } from '../../../src/shared/ipc/channels';
import { buildWindowApi } from '../../../src/shared/ipc/build-api';
import { contract } from '../../../src/shared/ipc/contract';
import { channelIo } from '../../../src/main/ipc/create-ipc';
import { bindServices } from '../../../src/main/ipc/services';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { PathGrants } from '../../../src/main/ipc/path-grants';
import { createRouter, type Handlers } from '../../../src/main/ipc/router';
import { ImportRunner } from '../../../src/main/services/intake/runner';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { ActNotPermittedError } from '../../../src/main/db/errors';
import { UNIDENTIFIED_OPERATOR } from '../../../src/shared/domain/acts';
import { GOOD_ROWS, writeCsv } from '../../helpers/batch-files';
import {
  actAsMember,
  actAsSecretary,
  makeTempDir,
  openTempWorkspace,
} from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

let ws: ReturnType<typeof openTempWorkspace>;
const cleanups: (() => void)[] = [];
afterEach(() => {
  ws?.cleanup();
  cleanups.splice(0).forEach((fn) => fn());
});

function router(overrides: Partial<Handlers> = {}, logged: unknown[] = []) {
  ws = openTempWorkspace();
  const grants = new PathGrants();
  const runner = new ImportRunner();
  return createRouter(
    {
      ...bindServices(ws, channelIo(testPlatform(), grants, runner)),
      ...overrides,
    },
    {
      isTrustedSender: trustOrigins([ORIGIN]),
      logError: (error) => logged.push(error),
      grants,
      writeLock: runner,
      actingRole: () => ws.acting?.role ?? null,
      workspaceOpen: () => true,
    },
  );
}

const rejectDraft = {
  claimId: 'K-2022-000101',
  outcome: 'reject',
  amount: null,
  reasonCodes: [],
  note: '',
  replacesId: null,
  amendmentReason: null,
};

describe('the IPC contract', () => {
  it('has exactly one schema pair per channel', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });

  it('window.api has exactly one function per channel, grouped by area', () => {
    const calls: [string, unknown][] = [];
    const subscribed: string[] = [];
    const api = buildWindowApi(
      async (channel, request) => {
        calls.push([channel, request]);
        return { ok: true, value: null };
      },
      (event) => {
        subscribed.push(event);
        return () => undefined;
      },
    );
    const { on, ...areas } = api;
    const exposed = Object.entries(areas).flatMap(([area, verbs]) =>
      Object.entries(verbs as Record<string, unknown>).map(([verb, fn]) => {
        expect(typeof fn).toBe('function');
        return `${area}:${verb}`;
      }),
    );
    expect(exposed.sort()).toEqual([...CHANNELS].sort());
    void api.claims.get({ claimId: 'K-1' });
    expect(calls).toEqual([['claims:get', { claimId: 'K-1' }]]);
    on('intake:progress', () => undefined);
    expect(subscribed).toEqual(['intake:progress']);
    // Only the contract's events can be subscribed to.
    expect(() => on('app:secrets' as 'intake:progress', () => undefined)).toThrow(TypeError);
  });
});

describe('the router', () => {
  it('answers a trusted request with the typed result', async () => {
    const r = router();
    const result = await r.handle(ours, 'app:info', undefined);
    expect(result).toEqual({
      ok: true,
      value: {
        appVersion: '0.0.0-test',
        schemaVersion: LATEST_SCHEMA_VERSION,
        dataDir: ws.dataDir,
        actor: UNIDENTIFIED_OPERATOR,
      },
    });
    // Whoever unlocks their key is the actor, by the roster's name for it.
    actAsMember(ws);
    expect(await r.handle(ours, 'app:info', undefined)).toMatchObject({
      ok: true,
      value: { actor: '김민준' },
    });
  });

  it.each([
    ['another origin', { ...ours, frameUrl: 'https://evil.example/index.html' }],
    ['a subframe', { ...ours, isMainFrame: false }],
    ['a window that is not ours', { ...ours, isOwnWindow: false }],
    ['an unparseable URL', { ...ours, frameUrl: 'not a url' }],
  ])('refuses %s as an untrusted sender, before touching anything', async (_name, sender) => {
    const r = router();
    const result = await r.handle(sender, 'workspace:loadSample', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect((await r.handle(ours, 'workspace:counts', undefined)) as unknown).toMatchObject({
      ok: true,
      value: { claims: 0 },
    });
  });

  it('names an unknown channel', async () => {
    const result = await router().handle(ours, 'claims:delete', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'there is no IPC channel "claims:delete"' },
    });
  });

  it('says where a payload does not fit its schema', async () => {
    const r = router();
    const result = await r.handle(ours, 'decisions:record', {
      claimId: 'K-2022-000101',
      outcome: 'approve',
      amount: 1.5,
      reasonCodes: ['bribery'],
      note: '',
      replacesId: null,
      amendmentReason: null,
      sneaky: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_payload');
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual([
      '(payload)',
      'amount',
      'reasonCodes.0',
    ]);
  });

  it('turns a refused use case into a typed error with its domain issues', async () => {
    const r = router();
    await r.handle(ours, 'workspace:loadSample', undefined);
    actAsMember(ws);
    const result = await r.handle(ours, 'decisions:record', rejectDraft);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        issues: [{ path: 'reasonCodes', code: 'reason_required' }],
      },
    });
    expect(await r.handle(ours, 'claims:get', { claimId: 'K-0000-000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses a channel for other roles as forbidden, before its handler runs', async () => {
    const asked: unknown[] = [];
    const r = router({
      'decisions:record': (request) => {
        asked.push(request);
        throw new Error('not reached in this test');
      },
    });
    expect(await r.handle(ours, 'decisions:record', rejectDraft)).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'decisions:record is for a member or chair: unlock your key first',
        issues: [
          {
            path: 'acting',
            code: 'unlock_required',
            message: 'decisions:record is for a member or chair: unlock your key first',
          },
        ],
      },
    });
    actAsSecretary(ws);
    expect(await r.handle(ours, 'decisions:record', rejectDraft)).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'decisions:record is for a member or chair: the person acting here is the secretary',
        issues: [
          {
            path: 'acting',
            code: 'voter_required',
            message:
              'decisions:record is for a member or chair: the person acting here is the secretary',
          },
        ],
      },
    });
    expect(asked).toEqual([]);
    // The schema still comes first: a payload that does not fit is named as such.
    expect(await r.handle(ours, 'decisions:record', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
  });

  it("reports the audit log's own refusal of an act as forbidden, not as an internal error", async () => {
    const logged: unknown[] = [];
    const r = router(
      {
        'workspace:loadSample': () => {
          throw new ActNotPermittedError('decision.recorded', ['member', 'chair'], null);
        },
      },
      logged,
    );
    expect(await r.handle(ours, 'workspace:loadSample', undefined)).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'decision.recorded needs the key of a member or chair on the roster; nobody has unlocked their key at this machine',
        issues: [
          {
            path: 'acting',
            code: 'unlock_required',
            message:
              'decision.recorded needs the key of a member or chair on the roster; nobody has unlocked their key at this machine',
          },
        ],
      },
    });
    expect(logged).toEqual([]);
  });

  it('hides unexpected errors from the renderer but logs them', async () => {
    const logged: unknown[] = [];
    const r = router(
      {
        'auditLog:verify': () => {
          throw new Error('secret path /home/x');
        },
      },
      logged,
    );
    const result = await r.handle(ours, 'auditLog:verify', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'auditLog:verify failed unexpectedly; see the log' },
    });
    expect(logged).toHaveLength(1);
  });

  it('checks its own answers against the contract', async () => {
    const logged: unknown[] = [];
    const r = router({ 'workspace:counts': () => ({ batches: -1 }) as never }, logged);
    expect(await r.handle(ours, 'workspace:counts', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(logged).toHaveLength(1);
  });

  it('reads only files the person chose in a dialog (or dropped), never a path the page made up', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const chosen = writeCsv(dir, 'chosen.csv', GOOD_ROWS, 'utf-8');
    const secret = writeCsv(dir, 'secret.csv', GOOD_ROWS.slice(0, 2), 'utf-8');
    ws = openTempWorkspace();
    const { router: r } = createIpc(ws, testPlatform([chosen]), {
      isTrustedSender: trustOrigins([ORIGIN]),
    });
    const refused = await r.handle(ours, 'intake:start', { file: secret });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await r.handle(ours, 'intake:inspect', { file: secret })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await r.handle(ours, 'intake:chooseFile', { kind: 'batch' })).toEqual({
      ok: true,
      value: { path: chosen },
    });
    expect(await r.handle(ours, 'intake:start', { file: chosen })).toMatchObject({
      ok: true,
      value: { imported: 6 },
    });
    // A granted batch file does not stretch to an evidence folder nobody chose.
    expect(await r.handle(ours, 'intake:start', { file: chosen, evidence: dir })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
