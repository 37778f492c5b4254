import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronNativeBindingPath,
  packagedNativeBindingPath,
} from '../../../src/main/app/native-binding';
import {
  chosenWorkspaceDir,
  nativeBindingFile,
  resourcesDir,
  userDataDir,
} from '../../../src/main/app/startup-paths';
import { defaultDataDir } from '../../../src/main/services/data-dir';

describe('the user-data folder is the CLI’s workspace folder', () => {
  it('is named review-desk under each OS’s per-user application data folder', () => {
    expect(defaultDataDir('linux', {}, '/home/kim')).toBe('/home/kim/.config/review-desk');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/kim')).toBe(
      '/cfg/review-desk',
    );
    expect(defaultDataDir('darwin', {}, '/Users/kim')).toBe(
      '/Users/kim/Library/Application Support/review-desk',
    );
    expect(
      defaultDataDir('win32', { APPDATA: 'C:/Users/kim/AppData/Roaming' }, 'C:/Users/kim'),
    ).toBe(join('C:/Users/kim/AppData/Roaming', 'review-desk'));
    expect(defaultDataDir('win32', {}, 'C:/Users/kim')).toBe(
      join('C:/Users/kim', 'AppData', 'Roaming', 'review-desk'),
    );
  });

  it('main uses the same folder, not one named after the productName', () => {
    expect(userDataDir({}, process.platform)).toBe(defaultDataDir(process.platform, {}, homedir()));
    expect(userDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/review-desk');
    expect(userDataDir({}, 'linux')).not.toMatch(/Review Desk/);
  });

  it('REVIEW_DESK_USER_DATA overrides it (the end-to-end specs), made absolute', () => {
    expect(userDataDir({ REVIEW_DESK_USER_DATA: '/tmp/e2e-1' }, 'linux')).toBe('/tmp/e2e-1');
    expect(userDataDir({ REVIEW_DESK_USER_DATA: 'rel/dir' }, 'linux')).toBe(resolve('rel/dir'));
    expect(userDataDir({ REVIEW_DESK_USER_DATA: '' }, 'linux')).toBe(defaultDataDir('linux', {}));
  });
});

describe('another workspace folder', () => {
  const holds = (dir: string) => (file: string) => file === join(dir, 'review-desk.db');

  it('--workspace wins over REVIEW_DESK_WORKSPACE; relative paths are made absolute', () => {
    const env = { REVIEW_DESK_WORKSPACE: '/from-env' };
    expect(chosenWorkspaceDir('/from-switch', env, holds('/from-switch'))).toBe('/from-switch');
    expect(chosenWorkspaceDir('', env, holds('/from-env'))).toBe('/from-env');
    expect(chosenWorkspaceDir('ws', {}, holds(resolve('ws')))).toBe(resolve('ws'));
    expect(chosenWorkspaceDir('', {}, () => false)).toBeNull();
  });
});

describe('resources and the native addon, installed or in a checkout', () => {
  const installed = {
    packaged: true,
    resourcesPath: '/opt/Review Desk/resources',
    appPath: '/opt/Review Desk/resources/app.asar',
  };
  const checkout = { packaged: false, resourcesPath: '/unused', appPath: '/repo' };
  const target = {
    betterSqlite3Version: '12.11.1',
    electronVersion: '45.1.0',
    abi: '140',
    platform: 'linux',
    arch: 'x64',
  };

  it('resources: straight under resourcesPath when installed, resources/ in a checkout', () => {
    expect(resourcesDir(installed)).toBe('/opt/Review Desk/resources');
    expect(join(resourcesDir(installed), 'demo')).toBe('/opt/Review Desk/resources/demo');
    expect(resourcesDir(checkout)).toBe(join('/repo', 'resources'));
  });

  it('the addon: unpacked from the asar when installed (no version lookup needed)', () => {
    let asked = false;
    const file = nativeBindingFile(
      installed,
      () => {
        asked = true;
        return target;
      },
      () => true,
    );
    expect(file).toBe(packagedNativeBindingPath('/opt/Review Desk/resources'));
    expect(file).toContain('app.asar.unpacked');
    expect(asked).toBe(false);
  });

  it('the addon: the copy npm start makes for this Electron, ABI, platform and arch', () => {
    const file = nativeBindingFile(
      checkout,
      () => target,
      () => true,
    );
    expect(file).toBe(electronNativeBindingPath('/repo', target));
  });
});
