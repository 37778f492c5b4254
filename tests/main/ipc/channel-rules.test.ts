import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeBatch } from '../../../src/main/demo';
import { PathGrants } from '../../../src/main/ipc/path-grants';
import { channelIo } from '../../../src/main/ipc/create-ipc';
import { bindServices } from '../../../src/main/ipc/services';
import { createRouter, type Handlers } from '../../../src/main/ipc/router';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { ImportRunner } from '../../../src/main/services/intake/runner';
import { CHANNELS, type Channel } from '../../../src/shared/ipc/channels';
import { contract, type ContractEntry } from '../../../src/shared/ipc/contract';
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

let temp: ReturnType<typeof makeTempDir>;
let ws: ReturnType<typeof openTempWorkspace>;
beforeAll(() => {
  temp = makeTempDir();
  ws = openTempWorkspace();
});
afterAll(() => {
  ws.cleanup();
  temp.cleanup();
});

/** A router over the real handlers, with a record of which handlers were reached. */
function routerWithSpies(runner: ImportRunner, grants = new PathGrants()) {
  const reached: string[] = [];
  const real = bindServices(ws, channelIo(testPlatform(), grants, runner)) as Record<
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
    // Released: the same write now reaches its handler.
    expect(
      await router.handle(ours, 'people:add', { name: '정하늘', role: 'member' }),
    ).toMatchObject({ ok: true });
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
  'intake:inspect': (path) => ({ file: path }),
  'intake:start': (path) => ({ file: path, evidence: path }),
  'auditor:verify': (path) => ({ file: path, roster: path, evidence: path, previousFile: path }),
  'decisionFiles:export': (path) => ({
    meetingId: 1,
    signers: [{ keyFile: path, passphrase: 'x' }],
  }),
  'recommendations:import': (path) => ({ files: [path, path] }),
  'recommendations:export': (path) => ({ batchId: 1, keyFile: path, passphrase: '' }),
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
