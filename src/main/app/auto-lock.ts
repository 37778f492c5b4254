import type { PowerMonitor } from 'electron';
import type { WorkspaceSession } from '../services/vault/session';

/** How often the idle time is looked at: a lock comes at most this late. */
const IDLE_CHECK_MS = 15_000;

/**
 * Locks the workspace when nobody has touched the computer for the chosen minutes, and at once
 * when the OS locks the screen or goes to sleep (a laptop closed on a train). `stopWriting`
 * cancels an import first: its own connection holds the key too.
 */
export function watchForLockMoments(
  monitor: Pick<PowerMonitor, 'on' | 'getSystemIdleTime'>,
  vault: WorkspaceSession,
  stopWriting: () => void,
): () => void {
  const lock = (reason: 'idle' | 'os-lock' | 'suspend') => {
    if (!vault.isOpen) return;
    stopWriting();
    vault.lock(reason);
  };
  monitor.on('lock-screen', () => lock('os-lock'));
  monitor.on('suspend', () => lock('suspend'));
  const timer = setInterval(() => {
    const minutes = vault.idleLockMinutes;
    if (vault.recoveryCodeRecentlyShown()) return;
    if (minutes > 0 && monitor.getSystemIdleTime() >= minutes * 60) lock('idle');
  }, IDLE_CHECK_MS);
  // The timer must not keep the app alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
