import type { Desktop } from './desktop';

function hasEnded(desktop: Desktop): boolean {
  const child = desktop.app.process();
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Fails with how the app ended if it is no longer running: a crash mid-test otherwise surfaces
 * only as "Target page, context or browser has been closed" and "Channel closed". Call first
 * in afterEach, before asking the app anything.
 */
export function expectAppStillRunning(desktop: Desktop): void {
  if (!hasEnded(desktop)) return;
  const child = desktop.app.process();
  throw new Error(
    `the app ended during the test (exit code ${child.exitCode}, signal ${child.signalCode}); ` +
      `its output:\n${desktop.app.output()}`,
  );
}

/**
 * desktop.close(), which fails unless the app ends with code 0. An app that had already ended
 * before it was asked to quit is reported by expectAppStillRunning, with its signal; close()
 * then only cleans up, so its "ended with code null" does not hide that report.
 */
export async function closeDesktop(desktop: Desktop): Promise<void> {
  const endedBefore = hasEnded(desktop);
  try {
    await desktop.close();
  } catch (error) {
    if (!endedBefore) throw error;
  }
}
