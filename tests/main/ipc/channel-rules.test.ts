import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeBatch } from '../../../src/main/demo';
import { PathGrants } from '../../../src/main/ipc/path-grants';
import { channelIo } from '../../../src/main/ipc/create-ipc';
import { bindServices } from '../../../src/main/ipc/services';
import { createRouter, type Handlers } from '../../../src/main/ipc/router';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import type { ServiceContext } from '../../../src/main/services/context';
import { stopActing } from '../../../src/main/services/identity/acting';
import { ImportRunner } from '../../../src/main/services/intake/runner';
import { getPolicy } from '../../../src/main/services/policy/policies';
import { CHANNELS, type Channel } from '../../../src/shared/ipc/channels';
import { contract, type ContractEntry } from '../../../src/shared/ipc/contract';
import { PERSON_ROLES, type PersonRole } from '../../../src/shared/ipc/review-schemas';
import { actAsPerson, seatCouncil, TEST_COUNCIL } from '../../helpers/council';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';

/**
 * The contract's rules, proved for every channel through the router: the rules are data in
 * each channel's entry and the router applies them, so these tests walk the contract rather
 * than a list kept by hand.
 */
const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };
const entryOf = (channel: Channel): ContractEntry => contract[channel];
const channelsWith = (lock: ContractEntry['lock']) =>
  CHANNELS.filter((channel) => entryOf(channel).lock === lock);
/** The roster roles a channel is for, or null when anyone may call it. */
const rolesOf = (channel: Channel): readonly PersonRole[] | null => {
  const roles = entryOf(channel).roles;
  return roles === undefined || roles === 'anyone' ? null : roles;
};
/** The test council's person holding `role` (it seats one of each). */
const holderOf = (role: PersonRole) => TEST_COUNCIL.find((p) => p.role === role)!.name;

/** Unlocks the key of someone the channel allows; nobody acts for a channel open to anyone. */
function actAsAllowed(ctx: ServiceContext, channel: Channel) {
  const roles = rolesOf(channel);
  if (roles === null) stopActing(ctx);
  else actAsPerson(ctx, holderOf(roles[0]!));
}

let temp: ReturnType<typeof makeTempDir>;
let ws: ReturnType<typeof openTempWorkspace>;
beforeAll(() => {
  temp = makeTempDir();
  ws = openTempWorkspace();
  seatCouncil(ws);
});
afterAll(() => {
  ws.cleanup();
  temp.cleanup();
});

/**
 * A router over the real handlers of a workspace (the shared one unless given), with a record
 * of which handlers were reached. The acting role is the workspace's, as createIpc wires it.
 */
function routerWithSpies(
  runner: ImportRunner,
  grants = new PathGrants(),
  ctx: ServiceContext = ws,
) {
  const reached: string[] = [];
  const real = bindServices(ctx, channelIo(testPlatform(), grants, runner)) as Record<
    string,
    (request: unknown) => unknown
  >;
  const spied = Object.fromEntries(
    Object.entries(real).map(([channel, handler]) => [
      channel,
      (request: unknown) => {
        reached.push(channel);
        return handler(request);
      },
    ]),
  ) as unknown as Handlers;
  const router = createRouter(spied, {
    isTrustedSender: trustOrigins([ORIGIN]),
    grants,
    writeLock: runner,
    actingRole: () => ctx.acting?.role ?? null,
    workspaceOpen: () => true,
  });
  return { router, reached, grants };
}

describe('every channel declares its rules', () => {
  it('says whether it writes, and there are writes, reads and imports among them', () => {
    for (const channel of CHANNELS)
      expect(['none', 'write', 'import'], channel).toContain(entryOf(channel).lock);
    expect(channelsWith('write').length).toBeGreaterThan(20);
    expect(channelsWith('import')).toEqual(['intake:start', 'intake:loadDemo']);
  });

  it('lists every request field that names a file under `paths`', () => {
    const pathLike = /(^|[a-z])(file|files|evidence|roster|key|folder|path)$/i;
    /** Named like files, but main never opens them. */
    const notPaths = new Set([
      // A policy table row's key: an industry or a service, not a key file.
      'policy:create body.margin[].key',
      'policy:create body.alternative[].key',
      'policy:create body.kakaoShare[].key',
      // File names inside a verification report being saved: text of the report.
      'auditor:saveReport report.problems[].file',
      'auditor:saveReport report.warnings[].file',
    ]);
    const missing: string[] = [];
    for (const channel of CHANNELS) {
      const declared = new Set(entryOf(channel).paths ?? []);
      for (const field of stringFields(entryOf(channel).request)) {
        const named = `${channel} ${field}`;
        if (pathLike.test(field.split('.').at(-1)!.replace('[]', '')) && !declared.has(field))
          if (!notPaths.has(named)) missing.push(named);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('a write while an import runs', () => {
  it('is refused up front with conflict on every write channel, its handler never reached', async () => {
    const file = join(temp.dir, 'long.csv');
    await writeLargeBatch(file, 30_000, 11);
    const runner = new ImportRunner();
    const { router, reached, grants } = routerWithSpies(runner);
    grants.grant(file);
    const importing = router.handle(ours, 'intake:start', { file });
    await expect.poll(() => runner.importRunning).toBe(true);

    const answers = await Promise.all(
      channelsWith('write').map(async (channel) => ({
        channel,
        result: await router.handle(ours, channel, undefined),
      })),
    );
    for (const { channel, result } of answers)
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(reached.filter((c) => channelsWith('write').includes(c as Channel))).toEqual([]);

    runner.cancel();
    expect(await importing).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(runner.importRunning).toBe(false);
    // Released: a write now reaches its handler (for someone whose role it is for).
    actAsAllowed(ws, 'policy:create');
    const policy = { basedOn: 1, note: '가져오기 후', body: getPolicy(ws, 1).body };
    expect(await router.handle(ours, 'policy:create', policy)).toMatchObject({
      ok: true,
      value: { version: 2 },
    });
    expect(reached).toContain('policy:create');
  }, 60_000);

  it('an import is refused while a write is still under way', async () => {
    const runner = new ImportRunner();
    let finishWrite!: () => void;
    const writing = runner.write(() => new Promise<void>((resolve) => (finishWrite = resolve)));
    await expect(runner.run(ws, { file: join(temp.dir, 'any.csv') })).rejects.toMatchObject({
      code: 'conflict',
    });
    finishWrite();
    await writing;
  });
});

/** A valid request for each channel that names files: the paths are filled in by the test. */
const REQUESTS_WITH_PATHS: Partial<Record<Channel, (path: string) => unknown>> = {
  'backup:restore': (path) => ({
    file: path,
    unlock: { means: 'recovery-code', recoveryCode: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' },
  }),
  'intake:inspect': (path) => ({ file: path }),
  'intake:start': (path) => ({ file: path, evidence: path }),
  'supplements:attach': (path) => ({ claimId: 'K-2022-000101', evidence: path }),
  'appeals:file': (path) => ({ claimId: 'K-2022-000101', grounds: '손실 더 큼', evidence: path }),
  'auditor:verify': (path) => ({ file: path, roster: path, evidence: path, previousFile: path }),
  'decisionFiles:export': (path) => ({
    meetingId: 1,
    signers: [{ keyFile: path, passphrase: 'x' }],
  }),
  'recommendations:import': (path) => ({ files: [path, path] }),
  'recommendations:export': (path) => ({ batchId: 1, keyFile: path, passphrase: '' }),
  'people:unlock': (path) => ({ keyFile: path, passphrase: 'x' }),
  'roster:build': (path) => ({
    council: '협의체',
    validFrom: '2022-11-14',
    memberFiles: [path],
    signingKey: path,
    unlock: { kind: 'passphrase', passphrase: 'x' },
  }),
};

describe('a path nobody chose', () => {
  const pathChannels = CHANNELS.filter((channel) => (entryOf(channel).paths ?? []).length > 0);

  it('has a sample request here for every channel with paths', () => {
    expect(Object.keys(REQUESTS_WITH_PATHS).sort()).toEqual([...pathChannels].sort());
  });

  it.each(pathChannels)(
    '%s: forbidden, naming the field, its handler never reached',
    async (channel) => {
      actAsAllowed(ws, channel);
      const { router, reached } = routerWithSpies(new ImportRunner());
      const stray = join(temp.dir, 'never-chosen.json');
      const result = await router.handle(ours, channel, REQUESTS_WITH_PATHS[channel]!(stray));
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'forbidden', issues: [{ code: 'path_not_granted' }] },
      });
      expect(entryOf(channel).paths).toContain(
        (result as { error: { issues: { path: string }[] } }).error.issues[0]!.path,
      );
      expect(reached).toEqual([]);
    },
  );

  it.each(pathChannels)(
    '%s: every listed field is checked, not only the first',
    async (channel) => {
      actAsAllowed(ws, channel);
      const { router, reached, grants } = routerWithSpies(new ImportRunner());
      const chosen = join(temp.dir, 'chosen.json');
      grants.grant(chosen);
      const sample = REQUESTS_WITH_PATHS[channel]!(chosen);
      for (const field of entryOf(channel).paths!) {
        // Every path field granted but this one.
        const request = withPathAt(structuredClone(sample), field, join(temp.dir, 'stray.json'));
        const result = await router.handle(ours, channel, request);
        expect(result, `${channel} ${field}`).toMatchObject({
          ok: false,
          error: { code: 'forbidden', issues: [{ path: field }] },
        });
      }
      expect(reached).toEqual([]);
    },
  );
});

const CLAIM = 'K-2022-000101';
const attendance = [{ member: '김민준', present: true }];

/** A request that fits its schema for each channel only some roles may call (paths filled in). */
const REQUESTS_WITH_ROLES: Partial<
  Record<Channel, (ctx: ServiceContext, path: string) => unknown>
> = {
  'policy:create': (ctx) => ({ basedOn: 1, note: '새 기준', body: getPolicy(ctx, 1).body }),
  'assignments:assign': () => ({ claimIds: [CLAIM], assignee: '김민준' }),
  'intake:discardQuarantineRow': () => ({ batchId: 1, entryId: 1, reason: '시험 행' }),
  'sampling:draw': () => ({ seed: 'channel rules' }),
  'sampling:check': () => ({ sampleId: 1, claimId: CLAIM, verdict: 'confirmed', reasonCodes: [] }),
  'corrections:correct': () => ({
    claimId: CLAIM,
    changes: { claimed_loss: '800,000원' },
    reason: '장부 제출',
  }),
  'decisions:record': () => ({
    claimId: CLAIM,
    outcome: 'approve',
    amount: 600_000,
    reasonCodes: [],
    note: '',
    replacesId: null,
    amendmentReason: null,
  }),
  'amendments:propose': () => ({
    claimId: CLAIM,
    outcome: 'approve',
    amount: 1,
    reasonCodes: [],
    note: '',
    reason: '영수증 재확인',
  }),
  'amendments:cosign': () => ({ amendmentId: 1 }),
  'meetings:open': () => ({
    number: 1,
    heldOn: '2022-12-20',
    place: '판교',
    quorum: { kind: 'majority_of_members' },
    threshold: { kind: 'majority_of_votes_cast' },
    attendance,
  }),
  'meetings:setAttendance': () => ({ meetingId: 1, attendance }),
  'meetings:addToAgenda': () => ({ meetingId: 1, claimId: CLAIM, proposal: null }),
  'meetings:vote': () => ({ meetingId: 1, claimId: CLAIM, member: '김민준', vote: 'for' }),
  'meetings:closeVoting': () => ({ meetingId: 1, claimId: CLAIM }),
  'meetings:close': () => ({ meetingId: 1 }),
  'meetings:confirm': () => ({
    meetingId: 1,
    claimId: CLAIM,
    outcome: 'defer',
    amount: null,
    reasonCodes: [],
    note: '',
  }),
  'minutes:draft': () => ({ meetingId: 1 }),
  'minutes:approve': () => ({ meetingId: 1, version: 1 }),
  'decisionFiles:export': (_, path) => ({
    meetingId: 1,
    signers: [{ keyFile: path, passphrase: 'x' }],
  }),
  'recommendations:import': (_, path) => ({ files: [path] }),
  'recommendations:export': (_, path) => ({ batchId: 1, keyFile: path, passphrase: '' }),
  'appeals:file': () => ({ claimId: CLAIM, grounds: '실제 손실은 80만원' }),
  'appeals:rule': () => ({ appealId: 1, ruling: 'reject', reason: '증빙 없음' }),
};

describe('a channel for some roles only', () => {
  const roleChannels = CHANNELS.filter((channel) => rolesOf(channel) !== null);
  // Its own workspace: the allowed calls below really run their handlers.
  let council: ReturnType<typeof openTempWorkspace>;
  beforeAll(() => {
    council = openTempWorkspace();
    seatCouncil(council);
  });
  afterAll(() => council.cleanup());

  const auditCount = () =>
    council.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

  /** The channel called with a fitting request (its file granted), as whoever acts now. */
  async function call(channel: Channel) {
    const grants = new PathGrants();
    const chosen = join(temp.dir, 'chosen.json');
    grants.grant(chosen);
    const spied = routerWithSpies(new ImportRunner(), grants, council);
    const request = REQUESTS_WITH_ROLES[channel]!(council, chosen);
    return { result: await spied.router.handle(ours, channel, request), reached: spied.reached };
  }

  it('has a sample request here for every channel with roles, and every one fits', () => {
    expect(Object.keys(REQUESTS_WITH_ROLES).sort()).toEqual([...roleChannels].sort());
    for (const channel of roleChannels) {
      const request = REQUESTS_WITH_ROLES[channel]!(council, join(temp.dir, 'chosen.json'));
      expect(entryOf(channel).request.safeParse(request).success, channel).toBe(true);
    }
  });

  it.each(roleChannels)(
    '%s: forbidden while nobody has unlocked a key, its handler never reached',
    async (channel) => {
      stopActing(council);
      const before = auditCount();
      const { result, reached } = await call(channel);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      if (!result.ok) expect(result.error.message).toContain('unlock your key first');
      expect(reached).toEqual([]);
      expect(auditCount()).toBe(before);
    },
  );

  it.each(roleChannels)(
    '%s: forbidden for every other role, reached for its own roles',
    async (channel) => {
      const allowed = rolesOf(channel)!;
      for (const role of PERSON_ROLES) {
        actAsPerson(council, holderOf(role));
        const before = auditCount();
        const { result, reached } = await call(channel);
        if (allowed.includes(role)) {
          // Past the rule: whatever the handler then says, it was asked.
          expect(reached, `${channel} as the ${role}`).toEqual([channel]);
          if (!result.ok)
            expect(result.error.code, `${channel} as the ${role}`).not.toBe('forbidden');
        } else {
          expect(result, `${channel} as the ${role}`).toMatchObject({
            ok: false,
            error: { code: 'forbidden' },
          });
          if (!result.ok)
            expect(result.error.message).toContain(`the person acting here is the ${role}`);
          expect(reached, `${channel} as the ${role}`).toEqual([]);
          expect(auditCount()).toBe(before);
        }
      }
      stopActing(council);
    },
  );
});

/** Sets the last value a `paths` entry names to `value` (the first item of an array). */
function withPathAt(request: unknown, field: string, value: string): unknown {
  const steps = field.split('.');
  let target = request as Record<string, unknown>;
  for (const [i, step] of steps.entries()) {
    const many = step.endsWith('[]');
    const key = many ? step.slice(0, -2) : step;
    const last = i === steps.length - 1;
    if (many) {
      const items = target[key] as unknown[];
      if (last) items[items.length - 1] = value;
      else target = items[0] as Record<string, unknown>;
    } else if (last) target[key] = value;
    else target = target[key] as Record<string, unknown>;
  }
  return request;
}

/** The request's string fields, spelled as `paths` spells them (`a[]`, `a[].b`). */
function stringFields(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return stringFields(def.innerType as z.ZodType, prefix);
    case 'pipe':
      return stringFields(def.in as z.ZodType, prefix);
    case 'string':
      return prefix === '' ? [] : [prefix];
    case 'array':
      return stringFields(def.element as z.ZodType, `${prefix}[]`);
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) =>
        stringFields(value, prefix === '' ? key : `${prefix}.${key}`),
      );
    default:
      return [];
  }
}
