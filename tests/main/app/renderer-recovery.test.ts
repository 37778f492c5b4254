import { describe, expect, it } from 'vitest';
import {
  AUTO_RELOAD_INTERVAL_MS,
  RENDERER_GONE_BUTTONS,
  rendererGoneDialog,
  rendererRecovery,
} from '../../../src/main/app/renderer-recovery';

describe('when a window’s renderer process goes away', () => {
  it('a clean exit is not a crash', () => {
    const recovery = rendererRecovery();
    expect(recovery.onGone('clean-exit', 0)).toBe('ignore');
    expect(recovery.onGone('clean-exit', 1)).toBe('ignore');
    // and does not use up the one automatic reload
    expect(recovery.onGone('crashed', 2)).toBe('reload');
  });

  it('reloads once on its own, then asks, and never loops', () => {
    const recovery = rendererRecovery();
    expect(recovery.onGone('crashed', 1_000)).toBe('reload');
    expect(recovery.onGone('crashed', 2_000)).toBe('ask');
    expect(recovery.onGone('oom', 1_000 + AUTO_RELOAD_INTERVAL_MS - 1)).toBe('ask');
    // A minute after the last automatic reload, one more is fine.
    expect(recovery.onGone('killed', 1_000 + AUTO_RELOAD_INTERVAL_MS)).toBe('reload');
    expect(recovery.onGone('abnormal-exit', 1_000 + AUTO_RELOAD_INTERVAL_MS + 5)).toBe('ask');
  });

  it('a page that crashes right after every load is reloaded once, then the person is asked', () => {
    const recovery = rendererRecovery();
    const actions = Array.from({ length: 100 }, (_, i) => recovery.onGone('crashed', i * 100));
    expect(actions.filter((action) => action === 'reload')).toHaveLength(1);
  });

  it('a code-integrity refusal asks at once: reloading the same binary cannot help', () => {
    expect(rendererRecovery().onGone('integrity-failure', 0)).toBe('ask');
  });

  it('the question says what happened, what is safe, and offers reload or close', () => {
    const options = rendererGoneDialog('crashed', 139);
    expect(options.type).toBe('error');
    expect(options.message).toMatch(/멈췄습니다.*stopped unexpectedly/);
    expect(options.detail).toContain('저장되어 있습니다');
    expect(options.detail).toContain('Recorded decisions and imported data are safe');
    expect(options.detail).toContain('crashed, exit code 139');
    expect(options.buttons).toEqual([...RENDERER_GONE_BUTTONS]);
    expect(options.buttons[options.defaultId]).toMatch(/Reload/);
    expect(options.buttons[options.cancelId]).toMatch(/Close/);
  });
});
