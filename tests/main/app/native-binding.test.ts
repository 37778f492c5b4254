import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  electronNativeBindingPath,
  packagedNativeBindingPath,
  type NativeBuildTarget,
} from '../../../src/main/app/native-binding';
import {
  electronInstallTarget,
  electronNativeBindingPath as scriptPath,
  failureReport,
  nativeBuildTarget,
  // @ts-expect-error: a plain .mjs script without type declarations
} from '../../../scripts/electron-native.mjs';

const ROOT = join(import.meta.dirname, '../../..');

const target: NativeBuildTarget = {
  betterSqlite3Version: '12.11.1',
  electronVersion: '45.6.0',
  abi: '150',
  platform: 'darwin',
  arch: 'arm64',
};

type Host = {
  env: Record<string, string>;
  platform: string;
  arch: string;
  underRosetta(): boolean;
};

/** A host for electronInstallTarget; `rosettaAsked` records whether it had to ask sysctl. */
function host(overrides: Partial<Host> = {}, translated = false) {
  const asked = { rosetta: 0 };
  const value: Host = {
    env: {},
    platform: 'linux',
    arch: 'x64',
    underRosetta: () => {
      asked.rosetta += 1;
      return translated;
    },
    ...overrides,
  };
  return { value, asked };
}

describe('the Electron-ABI copy of better-sqlite3', () => {
  it('is looked for by main exactly where npm start writes it, apart from Node’s own build', () => {
    const targets: NativeBuildTarget[] = [
      target,
      { ...target, platform: 'linux', arch: 'x64' },
      { ...target, platform: 'win32', arch: 'x64', electronVersion: '45.0.0-beta.3' },
    ];
    for (const each of targets) {
      for (const root of ['/app', 'C:\\work\\review-desk'])
        expect(scriptPath(root, each)).toBe(electronNativeBindingPath(root, each));
    }
    const fromMain = electronNativeBindingPath('/app', target);
    expect(fromMain).toBe(
      join(
        '/app',
        '.native',
        'better-sqlite3-12.11.1-electron-45.6.0-abi150-darwin-arm64',
        'better_sqlite3.node',
      ),
    );
    expect(fromMain).not.toContain('node_modules');
  });

  it('gets a new folder when better-sqlite3, Electron, the ABI or the arch changes', () => {
    const folder = (t: NativeBuildTarget) =>
      basename(dirname(electronNativeBindingPath('/app', t)));
    expect(folder(target)).toContain('better-sqlite3-12.11.1');
    expect(folder(target)).toContain('electron-45.6.0');
    expect(folder(target)).toContain('abi150');
    expect(folder(target)).toMatch(/-darwin-arm64$/);
    const changed: Partial<NativeBuildTarget>[] = [
      { betterSqlite3Version: '12.12.0' },
      { electronVersion: '45.7.0' },
      { abi: '154' },
      { arch: 'x64' },
      { platform: 'linux' },
    ];
    const folders = new Set([folder(target), ...changed.map((c) => folder({ ...target, ...c }))]);
    expect(folders.size).toBe(changed.length + 1);
  });

  it('is not where the installed app looks: that one is unpacked from the asar', () => {
    expect(packagedNativeBindingPath('/opt/Review Desk/resources')).toBe(
      join(
        '/opt/Review Desk/resources',
        'app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      ),
    );
  });
});

describe('the arch and platform npm start builds for: the ones Electron’s install picks', () => {
  it('is this Node’s when nothing asks for another', () => {
    const { value, asked } = host();
    expect(electronInstallTarget(value)).toEqual({ platform: 'linux', arch: 'x64' });
    expect(asked.rosetta).toBe(0);
  });

  it('follows npm’s --arch/--platform, and ELECTRON_INSTALL_* over them', () => {
    expect(electronInstallTarget(host({ env: { npm_config_arch: 'arm64' } }).value)).toEqual({
      platform: 'linux',
      arch: 'arm64',
    });
    const both = {
      npm_config_arch: 'arm64',
      ELECTRON_INSTALL_ARCH: 'x64',
      npm_config_platform: 'win32',
      ELECTRON_INSTALL_PLATFORM: 'darwin',
    };
    expect(electronInstallTarget(host({ env: both, platform: 'darwin' }).value)).toEqual({
      platform: 'darwin',
      arch: 'x64',
    });
  });

  it('is arm64 for an x64 Node under Rosetta on a Mac, as Electron downloads the arm64 build', () => {
    const mac = { platform: 'darwin', arch: 'x64' };
    const rosetta = host(mac, true);
    expect(electronInstallTarget(rosetta.value)).toEqual({ platform: 'darwin', arch: 'arm64' });
    expect(rosetta.asked.rosetta).toBe(1);
    // ELECTRON_INSTALL_ARCH=x64 does not stop it in install.js either; only npm_config_arch does.
    expect(
      electronInstallTarget(host({ ...mac, env: { ELECTRON_INSTALL_ARCH: 'x64' } }, true).value),
    ).toEqual({ platform: 'darwin', arch: 'arm64' });
    const pinned = host({ ...mac, env: { npm_config_arch: 'x64' } }, true);
    expect(electronInstallTarget(pinned.value)).toEqual({ platform: 'darwin', arch: 'x64' });
    expect(pinned.asked.rosetta).toBe(0);
    const native = host(mac, false);
    expect(electronInstallTarget(native.value).arch).toBe('x64');
  });

  it('never asks about Rosetta off a Mac, nor for a Mac build made elsewhere', () => {
    for (const overrides of [
      { platform: 'linux' },
      { platform: 'win32' },
      { platform: 'linux', env: { ELECTRON_INSTALL_PLATFORM: 'darwin' } },
    ]) {
      const { value, asked } = host(overrides, true);
      expect(electronInstallTarget(value).arch).toBe('x64');
      expect(asked.rosetta).toBe(0);
    }
  });
});

describe('what npm start reads to name the folder', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  function fakeCheckout(): string {
    const root = mkdtempSync(join(tmpdir(), 'review-desk-native-'));
    roots.push(root);
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    };
    write('node_modules/better-sqlite3-multiple-ciphers/package.json', '{"version":"12.11.1"}');
    write('node_modules/electron/package.json', '{"version":"45.6.0"}');
    write('node_modules/electron/abi_version', '150\n');
    return root;
  }

  it('is better-sqlite3’s and Electron’s installed versions, Electron’s abi_version, and its arch', () => {
    const root = fakeCheckout();
    const read = nativeBuildTarget(root, {
      env: {},
      platform: 'darwin',
      arch: 'x64',
      underRosetta: () => true,
    });
    expect(read).toEqual(target);
    expect(scriptPath(root, read)).toBe(electronNativeBindingPath(root, target));
  });

  it('agrees with the Electron installed in this checkout', () => {
    const read = nativeBuildTarget(ROOT, {
      env: {},
      underRosetta: () => false,
    }) as NativeBuildTarget;
    const electron = join(ROOT, 'node_modules', 'electron');
    expect(read.electronVersion).toBe(
      JSON.parse(readFileSync(join(electron, 'package.json'), 'utf8')).version,
    );
    expect(read.abi).toMatch(/^\d+$/);
    expect(read.abi).toBe(readFileSync(join(electron, 'abi_version'), 'utf8').trim());
  });
});

describe('a failed download or rebuild', () => {
  it('shows what the command said: the last lines of stderr and stdout, without colour codes', () => {
    const stderr = Array.from(
      { length: 40 },
      (_, i) => `\u001b[31mgyp ERR! line ${i + 1}\u001b[0m`,
    );
    const report: string = failureReport('node-gyp rebuild', {
      status: 1,
      stderr: `${stderr.join('\n')}\n\n`,
      stdout: 'gyp info it worked if it ends with ok\n',
    });
    expect(report).toContain('node-gyp rebuild exited with 1');
    expect(report).toContain('gyp ERR! line 40');
    expect(report).toContain('gyp ERR! line 16');
    expect(report).not.toContain('gyp ERR! line 15\n');
    expect(report).toContain('(15 lines before)');
    expect(report).toContain('gyp info it worked if it ends with ok');
    expect(report).not.toContain('\u001b[');
  });

  it('says why a command did not run at all, and cuts very long lines', () => {
    const missing = failureReport('prebuild-install', {
      status: null,
      error: new Error('spawn node ENOENT'),
      stderr: 'x'.repeat(1000),
    });
    expect(missing).toContain('prebuild-install could not run: spawn node ENOENT');
    expect(missing.length).toBeLessThan(400);
    expect(failureReport('install.js', { status: null, signal: 'SIGTERM' })).toContain(
      'was stopped by SIGTERM',
    );
  });
});
