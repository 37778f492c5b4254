import { describe, expect, it } from 'vitest';
import { electronNativeBindingPath } from '../../../src/main/app/native-binding';
// @ts-expect-error: a plain .mjs script without type declarations
import { electronNativeBindingPath as scriptPath } from '../../../scripts/electron-native.mjs';

describe('the Electron-ABI copy of better-sqlite3', () => {
  it('is looked for by main exactly where npm start writes it, apart from Node’s own build', () => {
    const fromMain = electronNativeBindingPath('/app', '40.10.2', 'linux', 'x64');
    expect(scriptPath('/app', '40.10.2', 'linux', 'x64')).toBe(fromMain);
    expect(fromMain).toBe('/app/.native/electron-40.10.2-linux-x64/better_sqlite3.node');
    expect(fromMain).not.toContain('node_modules');
  });
});
