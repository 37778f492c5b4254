import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForLockMoments } from '../../../src/main/app/auto-lock';
import { WorkspaceSession } from '../../../src/main/services/vault/session';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_SCRYPT } from '../../helpers/workspace-key';

/** powerMonitor as Electron documents it: events, and the system's idle seconds. */
class FakePowerMonitor extends EventEmitter {
  idle = 0;
  getSystemIdleTime = () => this.idle;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  cleanups.splice(0).forEach((fn) => fn());
});

function openSession() {
  const temp = makeTempDir('review-desk-autolock-');
  const vault = new WorkspaceSession({
    dataDir: temp.dir,
    keyProtector: () => undefined,
    scrypt: TEST_SCRYPT,
  });
  vault.create('a passphrase of ours');
  const monitor = new FakePowerMonitor();
  let stopped = 0;
  const stop = watchForLockMoments(monitor as never, vault, () => (stopped += 1));
  cleanups.push(() => {
    stop();
    if (vault.isOpen) vault.lock('person');
    temp.cleanup();
  });
  return { vault, monitor, stopped: () => stopped };
}

describe('locking by itself', () => {
  it('locks when the screen locks and when the computer sleeps, stopping any import first', () => {
    const { vault, monitor, stopped } = openSession();
    monitor.emit('lock-screen');
    expect(vault.status()).toMatchObject({ state: 'locked', lockedBecause: 'os-lock' });
    expect(stopped()).toBe(1);
    vault.unlock({ passphrase: 'a passphrase of ours' });
    monitor.emit('suspend');
    expect(vault.status()).toMatchObject({ state: 'locked', lockedBecause: 'suspend' });
  });

  it('waits half an hour after showing a recovery code, which a person copies by hand', () => {
    vi.useFakeTimers();
    const { vault, monitor } = openSession();
    vault.setIdleLockMinutes(5);
    monitor.idle = 20 * 60;
    vi.advanceTimersByTime(20 * 60_000);
    expect(vault.isOpen).toBe(true);
    vi.advanceTimersByTime(11 * 60_000);
    expect(vault.status()).toMatchObject({ state: 'locked', lockedBecause: 'idle' });
  });

  it('locks after the idle minutes chosen, not before; 0 never', () => {
    vi.useFakeTimers();
    const { vault, monitor } = openSession();
    // Past the grace that follows showing the recovery code (tested above).
    vi.advanceTimersByTime(31 * 60_000);
    vault.setIdleLockMinutes(5);
    monitor.idle = 4 * 60 + 50;
    vi.advanceTimersByTime(15_000);
    expect(vault.isOpen).toBe(true);
    monitor.idle = 5 * 60;
    vi.advanceTimersByTime(15_000);
    expect(vault.status()).toMatchObject({ state: 'locked', lockedBecause: 'idle' });

    vault.unlock({ passphrase: 'a passphrase of ours' });
    vault.setIdleLockMinutes(0);
    monitor.idle = 10 * 60 * 60;
    vi.advanceTimersByTime(60_000);
    expect(vault.isOpen).toBe(true);
  });
});
