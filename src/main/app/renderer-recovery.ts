/**
 * What main does when a window's renderer process goes away (webContents
 * 'render-process-gone'): nothing for a clean exit, one reload on its own, and a question to
 * the person when it happens again within a minute, so a page that crashes on load never
 * reloads in a loop. No Electron here; window.ts wires it to the event.
 */
export type RendererGoneAction = 'ignore' | 'reload' | 'ask';

export const AUTO_RELOAD_INTERVAL_MS = 60_000;

export interface RendererRecovery {
  /** reason is RenderProcessGoneDetails.reason; now in milliseconds. */
  onGone(reason: string, now: number): RendererGoneAction;
}

export function rendererRecovery(intervalMs: number = AUTO_RELOAD_INTERVAL_MS): RendererRecovery {
  let lastAutoReload: number | null = null;
  return {
    onGone(reason, now) {
      if (reason === 'clean-exit') return 'ignore';
      // Code integrity (Windows) refuses the same binary again: a reload cannot help.
      if (reason === 'integrity-failure') return 'ask';
      if (lastAutoReload !== null && now - lastAutoReload < intervalMs) return 'ask';
      lastAutoReload = now;
      return 'reload';
    },
  };
}

/** The buttons of the question, in this order: the response index 0 reloads, 1 closes. */
export const RENDERER_GONE_BUTTONS = ['다시 불러오기 · Reload', '창 닫기 · Close window'] as const;

export function rendererGoneDialog(
  reason: string,
  exitCode: number,
): {
  type: 'error';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
} {
  return {
    type: 'error',
    title: 'Review Desk',
    message: '화면이 예기치 않게 멈췄습니다 · The window stopped unexpectedly',
    detail: [
      '기록한 결정과 가져온 자료는 작업 공간에 저장되어 있습니다. 저장하지 않은 입력은 사라졌을 수 있습니다. 다시 불러오면 이어서 작업할 수 있습니다.',
      'Recorded decisions and imported data are safe in the workspace; anything typed but not yet saved may be lost. Reload to carry on.',
      `(${reason}, exit code ${exitCode})`,
    ].join('\n\n'),
    buttons: [...RENDERER_GONE_BUTTONS],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}
