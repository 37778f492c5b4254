// The installers' configuration (electron-builder.yml), checked as far as an offline machine can:
// through electron-builder's own loader and JSON schema, then by a real `electron-builder --dir`
// of this checkout with a stand-in Electron (the real binary is a download), whose app.asar,
// unpacked addon, extra resources and fuses are read back. The installers themselves (NSIS, dmg,
// AppImage, deb) need downloaded tools and the Electron-ABI rebuild: CI builds them
// (.github/workflows/installers.yml).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagedNativeBindingPath } from '../../src/main/app/native-binding';

const ROOT = join(import.meta.dirname, '../..');

// electron-builder's internals, from the copies electron-builder itself uses.
const builderRequire = createRequire(
  createRequire(import.meta.url).resolve('electron-builder/package.json'),
);
const libRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));

type FileSet = string | { from?: string; to?: string; filter?: string | string[] };
type Config = Record<string, unknown> & {
  files: FileSet[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  extraMetadata: { homepage?: string };
  win: { target: { target: string }[] };
  nsis: Record<string, unknown> & { installerLanguages: string[] };
  mac: { target: { target: string }[] };
  linux: {
    target: { target: string }[];
    maintainer: string;
    executableName: string;
    desktop: { entry: Record<string, string> };
  };
};
const { getConfig, validateConfiguration } = libRequire('./out/util/config/config.js') as {
  getConfig(projectDir: string): Promise<Config>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { langIdToName } = libRequire('./out/util/langs.js') as {
  langIdToName: Record<string, string>;
};
const asar = libRequire('@electron/asar') as {
  listPackage(archive: string, options: object): string[];
  statFile(archive: string, file: string, follow: boolean): { unpacked?: boolean };
  extractFile(archive: string, file: string): Buffer;
};
const fuses = libRequire('@electron/fuses') as {
  getCurrentFuseWire(binary: string): Promise<Record<number, number>>;
  FuseV1Options: Record<string, number>;
};
/** The fuse wire's sentinel and its states ('0' and '1'), as @electron/fuses reads them. */
const { SENTINEL, FuseState } = libRequire('@electron/fuses/dist/constants.js') as {
  SENTINEL: string;
  FuseState: { ENABLE: number; DISABLE: number };
};

const validate = (config: unknown) =>
  validateConfiguration(structuredClone(config), { isEnabled: false, add() {} });

/** Every file under dir, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => statSync(join(dir, entry)).isFile())
    .map((entry) => entry.split(sep).join('/'))
    .sort();
}

const sameBytes = (a: string, b: string) => readFileSync(a).equals(readFileSync(b));

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  main: string;
};

/** The fuses named in the brief, by @electron/fuses' names, and the state they must be in. */
const WANTED_FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
};

describe('electron-builder.yml', () => {
  let config: Config;
  beforeAll(async () => {
    // The loader electron-builder itself uses: this is the file it finds in the project.
    config = await getConfig(ROOT);
  });

  it('passes electron-builder’s own schema validation, which does reject a misspelt option', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate({ ...config, asarUnpak: config.asarUnpack })).rejects.toThrow(
      /asarUnpak/,
    );
    await expect(
      validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }),
    ).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('names the app, in Korean where the target has a place for it', () => {
    expect(config['appId']).toBe('kr.or.council1015.reviewdesk');
    expect(config['productName']).toBe('Review Desk');
    expect(config.nsis['shortcutName']).toBe('심사 데스크');
    expect(config.linux.desktop.entry['Name[ko]']).toBe('심사 데스크');
    expect(config.linux.desktop.entry['Name']).toBe('Review Desk');
  });

  it('builds NSIS for Windows (per user, Korean and English), dmg for macOS, AppImage and deb for Linux', () => {
    const names = (targets: { target: string }[]) => targets.map((t) => t.target).sort();
    expect(names(config.win.target)).toEqual(['nsis']);
    expect(names(config.mac.target)).toEqual(['dmg']);
    expect(names(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(config.nsis['perMachine']).toBe(false);
    expect(config.nsis.installerLanguages).toEqual(['en_US', 'ko_KR']);
    // electron-builder turns each into an NSIS language name, and stops on one it does not know.
    for (const language of config.nsis.installerLanguages)
      expect(langIdToName[language.split('_')[0] ?? '']).toMatch(/^(English|Korean)$/);
    // A deb names a homepage and a maintainer with an address, or electron-builder stops.
    expect(config.extraMetadata.homepage).toMatch(/^https:\/\//);
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/);
  });

  it('unpacks better-sqlite3’s addon exactly where packaged main looks for it', () => {
    const resources = join(sep, 'resources');
    const wanted = relative(
      join(resources, 'app.asar.unpacked'),
      packagedNativeBindingPath(resources),
    );
    expect(config.asarUnpack).toContain(wanted.split(sep).join('/'));
  });

  it('puts everything under resources/ at the same place under process.resourcesPath', () => {
    expect(config.extraResources).toEqual([
      { from: 'resources/demo', to: 'demo' },
      { from: 'resources/sample-claims.json', to: 'sample-claims.json' },
    ]);
    const covered = config.extraResources.map((r) => r.from);
    for (const entry of readdirSync(join(ROOT, 'resources')))
      expect(covered, `resources/${entry} is not packaged`).toContain(`resources/${entry}`);
  });

  it('sets every fuse named in the design', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('takes the app from out/ only: the sources, tests and docs are not listed', () => {
    // electron-builder's loader turns the list into one file set with a filter.
    const patterns = config.files.flatMap((set) =>
      typeof set === 'string' ? [set] : [set.filter ?? []].flat(),
    );
    expect(patterns.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**/*']);
    expect(packageJson.main.startsWith('out/')).toBe(true);
  });
});

/**
 * A stand-in for Electron's Linux build: an executable holding the fuse wire the real binary
 * carries (the sentinel, wire version 1, eight fuses), every fuse set against what we want, so
 * that the packaged copy shows what electron-builder flipped.
 */
function fakeElectronDist(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire: number[] = Array.from({ length: 8 }, () => FuseState.DISABLE);
  for (const [name, enabled] of Object.entries(WANTED_FUSES))
    wire[fuses.FuseV1Options[name] as number] = enabled ? FuseState.DISABLE : FuseState.ENABLE;
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "a stand-in for Electron"\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length, ...wire]),
  ]);
  writeFileSync(join(dir, 'electron'), binary, { mode: 0o755 });
  writeFileSync(join(dir, 'locales', 'ko.pak'), '');
  writeFileSync(join(dir, 'version'), '0.0.0-stand-in');
}

describe('the packaged app (electron-builder --dir, offline, with a stand-in Electron)', () => {
  let work: string;
  let appDir: string;
  let resources: string;
  let archive: string;
  let entries: string[];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'review-desk-dist-'));
    // npm test builds after the unit tests; this only needs some build to package.
    if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
      const built = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
        { cwd: ROOT, encoding: 'utf8' },
      );
      if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stderr}`);
    }
    fakeElectronDist(join(work, 'electron'));
    const result = spawnSync(
      process.execPath,
      [
        builderRequire.resolve('./cli.js'),
        '--dir',
        '--linux',
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${join(work, 'electron')}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${join(work, 'dist')}`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 170_000 },
    );
    if (result.status !== 0)
      throw new Error(
        `electron-builder --dir failed (${result.status ?? result.signal ?? result.error}):\n${result.stdout}\n${result.stderr}`,
      );
    appDir = join(work, 'dist', 'linux-unpacked');
    resources = join(appDir, 'resources');
    archive = join(resources, 'app.asar');
    entries = asar
      .listPackage(archive, { isPack: false })
      .map((entry) => entry.split(/[\\/]/).filter(Boolean).join('/'));
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('has only the build, package.json and the runtime node_modules in app.asar', () => {
    const top = [...new Set(entries.map((entry) => entry.split('/')[0]))].sort();
    expect(top).toEqual(['node_modules', 'out', 'package.json']);
    // The app's three bundles, all of them; the command line (out/cli) runs from a checkout,
    // and the benches' built children (out/bench) are not the app.
    for (const file of filesUnder(join(ROOT, 'out')).filter(
      (f) => !f.endsWith('.map') && !f.startsWith('cli/') && !f.startsWith('bench/'),
    ))
      expect(entries).toContain(`out/${file}`);
    expect(entries.filter((entry) => /^out\/(cli|bench)\//.test(entry))).toEqual([]);
    const packaged = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
    expect(packaged).toMatchObject({ main: packageJson.main, type: 'module' });
  });

  it('carries every runtime dependency and none of the tooling', () => {
    for (const name of Object.keys(packageJson.dependencies))
      expect(entries, name).toContain(`node_modules/${name}/package.json`);
    for (const tool of [
      'electron',
      'electron-builder',
      'electron-vite',
      'vite',
      'vitest',
      'typescript',
      'eslint',
    ])
      expect(entries, tool).not.toContain(`node_modules/${tool}/package.json`);
  });

  it('leaves better-sqlite3’s addon unpacked at packagedNativeBindingPath, without its sources', () => {
    const addon = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';
    expect(asar.statFile(archive, addon, false).unpacked).toBe(true);
    // npmRebuild is off here, so the file is Node's build; `npm run dist` rebuilds it for Electron.
    expect(sameBytes(packagedNativeBindingPath(resources), join(ROOT, addon))).toBe(true);
    const unpacked = filesUnder(join(resources, 'app.asar.unpacked'));
    expect(unpacked.filter((f) => /\.(c|cc|cpp|h)$/.test(f))).toEqual([]);
    expect(unpacked).not.toContain(
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/test_extension.node',
    );
  });

  it('puts the demo batch and the sample claims under resources/ as in the checkout', () => {
    const demo = filesUnder(join(ROOT, 'resources', 'demo'));
    expect(demo.length).toBeGreaterThan(0);
    expect(filesUnder(join(resources, 'demo'))).toEqual(demo);
    for (const file of demo)
      expect(
        sameBytes(join(resources, 'demo', file), join(ROOT, 'resources', 'demo', file)),
        file,
      ).toBe(true);
    const claims = 'sample-claims.json';
    expect(sameBytes(join(resources, claims), join(ROOT, 'resources', claims))).toBe(true);
  });

  it('flips the fuses in the packaged executable', async () => {
    const wire = await fuses.getCurrentFuseWire(join(appDir, 'review-desk'));
    for (const [name, enabled] of Object.entries(WANTED_FUSES))
      expect(wire[fuses.FuseV1Options[name] as number], name).toBe(
        enabled ? FuseState.ENABLE : FuseState.DISABLE,
      );
  });
});
