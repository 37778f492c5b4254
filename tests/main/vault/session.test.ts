import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import type { IpcSender } from '../../../src/main/ipc/sender';
import { trustOrigins } from '../../../src/main/ipc/sender';
import { WorkspaceSession } from '../../../src/main/services/vault/session';
import { CHANNELS } from '../../../src/shared/ipc/channels';
import { contract } from '../../../src/shared/ipc/contract';
import type { IpcResult } from '../../../src/shared/ipc/contract';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_SCRYPT } from '../../helpers/workspace-key';
import { testPlatform } from '../../helpers/test-platform';

/*
 * The app's workspace through the real router: locked until opened, and every channel but the
 * vault's (and restoring a backup) answers `locked` meanwhile, without reaching its service.
 */
const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };
const PASSPHRASE = 'a passphrase of ours';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function app(chosen: (string | null)[] = []) {
  const temp = makeTempDir('review-desk-vault-');
  const locks: string[] = [];
  const vault = new WorkspaceSession({
    dataDir: temp.dir,
    keyProtector: () => undefined,
    scrypt: TEST_SCRYPT,
    onLocked: (reason) => locks.push(reason),
  });
  cleanups.push(() => {
    if (vault.isOpen) vault.lock('person');
    temp.cleanup();
  });
  const events: { event: string; payload: unknown }[] = [];
  vault.ctx.emit = (event, payload) => events.push({ event, payload });
  const { router } = createIpc(vault.ctx, testPlatform(chosen), {
    vault,
    isTrustedSender: trustOrigins([ORIGIN]),
  });
  const call = (channel: string, payload?: unknown) =>
    router.handle(ours, channel, payload) as Promise<IpcResult<Record<string, unknown>>>;
  return { vault, call, locks, events, dir: temp.dir };
}

describe('the workspace session', () => {
  it('starts with no workspace; every channel but the vault’s answers locked', async () => {
    const { call } = app();
    expect(await call('vault:status')).toMatchObject({ ok: true, value: { state: 'none' } });
    for (const channel of CHANNELS) {
      if ('whileLocked' in contract[channel]) continue;
      const answer = await call(channel, undefined);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
  });

  it('makes the workspace, shows the code once, locks and opens again with either secret', async () => {
    const { call, locks } = app();
    const made = await call('vault:create', { passphrase: PASSPHRASE });
    expect(made.ok).toBe(true);
    const code = (made as unknown as { value: { recoveryCode: string } }).value.recoveryCode;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    expect(await call('app:info')).toMatchObject({ ok: true });

    expect(await call('vault:lock')).toMatchObject({
      ok: true,
      value: { state: 'locked', lockedBecause: 'person' },
    });
    expect(locks).toEqual(['person']);
    expect(await call('app:info')).toMatchObject({ ok: false, error: { code: 'locked' } });

    const wrong = await call('vault:unlock', { means: 'passphrase', passphrase: 'not it at all' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'forbidden', issues: [{ code: 'wrong_passphrase' }] },
    });
    expect(await call('app:info')).toMatchObject({ ok: false, error: { code: 'locked' } });

    expect(
      await call('vault:unlock', { means: 'recovery-code', recoveryCode: code.toLowerCase() }),
    ).toMatchObject({ ok: true, value: { state: 'open', unlockedBy: 'recovery-code' } });
    expect(await call('app:info')).toMatchObject({ ok: true });
    await call('vault:lock');
    expect(
      await call('vault:unlock', { means: 'passphrase', passphrase: PASSPHRASE }),
    ).toMatchObject({ ok: true, value: { state: 'open', unlockedBy: 'passphrase' } });
  });

  it('without a keychain, opening by keychain is refused and says what to use instead', async () => {
    const { call } = app();
    await call('vault:create', { passphrase: PASSPHRASE });
    await call('vault:lock');
    expect(await call('vault:unlock', { means: 'os-keychain' })).toMatchObject({
      ok: false,
      error: { issues: [{ code: 'keychain_unavailable' }] },
    });
  });

  it('zeroes the key and forgets who acted when it locks', async () => {
    const { call, vault } = app();
    await call('vault:create', { passphrase: PASSPHRASE });
    const key = vault.ctx.workspaceKey;
    expect(key.some((byte) => byte !== 0)).toBe(true);
    vault.lock('idle');
    expect(key.every((byte) => byte === 0)).toBe(true);
    expect(vault.ctx.acting).toBeNull();
    expect(vault.status()).toMatchObject({ state: 'locked', lockedBecause: 'idle' });
  });

  it('keeps the idle time chosen, beside the database', async () => {
    const { call } = app();
    await call('vault:create', { passphrase: PASSPHRASE });
    expect(await call('vault:setIdleLock', { minutes: 3 })).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 3 },
    });
    expect(await call('vault:status')).toMatchObject({ value: { idleLockMinutes: 3 } });
  });

  it('backs up and restores through the router, its progress events naming their run', async () => {
    const outDir = makeTempDir('review-desk-vault-out-');
    cleanups.push(outDir.cleanup);
    const out = join(outDir.dir, 'made.rdbackup');
    const first = app([out]);
    const made = await first.call('vault:create', { passphrase: PASSPHRASE });
    const code = (made as unknown as { value: { recoveryCode: string } }).value.recoveryCode;
    const answer = await first.call('backup:create');
    expect(answer).toMatchObject({
      ok: true,
      value: { made: { file: out } },
    });
    const progress = (list: typeof first.events) =>
      list
        .filter((e) => e.event === 'backup:progress')
        .map((e) => e.payload as { run: string; phase: string });
    expect(progress(first.events).length).toBeGreaterThan(1);
    expect(new Set(progress(first.events).map((p) => p.run))).toEqual(new Set(['backup']));

    const second = app([out]);
    expect(await second.call('backup:chooseFile')).toMatchObject({ value: { file: out } });
    const restored = await second.call('backup:restore', {
      file: out,
      unlock: { means: 'recovery-code', recoveryCode: code },
    });
    expect(restored).toMatchObject({ ok: true });
    expect(new Set(progress(second.events).map((p) => p.run))).toEqual(new Set(['restore']));
    expect(progress(second.events).at(-1)?.phase).toBe('finishing');
  });
});
