#!/usr/bin/env node
// Makes what the Electron app needs beside Node's own build, so `npm test` (Node's
// better-sqlite3 in node_modules) and `npm start` (an Electron-ABI copy under .native/) work on
// the same checkout in either order. Usage: node scripts/electron-native.mjs ensure|path
import { execSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {import('../src/main/app/native-binding').NativeBuildTarget} NativeBuildTarget */

/**
 * Must match src/main/app/native-binding.ts (tests/main/app/native-binding.test.ts checks it).
 * @param {string} appRoot
 * @param {NativeBuildTarget} target
 */
export function electronNativeBindingPath(appRoot, target) {
  const folder = [
    `better-sqlite3-${target.betterSqlite3Version}`,
    `electron-${target.electronVersion}`,
    `abi${target.abi}`,
    target.platform,
    target.arch,
  ].join('-');
  return join(appRoot, '.native', folder, 'better_sqlite3.node');
}

/** Whether this process is an x64 Node translated by Rosetta on an Apple Silicon Mac. */
function runsUnderRosetta() {
  try {
    return execSync('sysctl -in sysctl.proc_translated').toString().trim() === '1';
  } catch {
    return false;
  }
}

/**
 * The platform and arch of the Electron binary that node_modules/electron/install.js downloads,
 * decided the way it decides them (read that file when upgrading Electron): ELECTRON_INSTALL_*
 * first, then npm's --platform/--arch, then this Node's; and on a Mac, an x64 Node running under
 * Rosetta gets the arm64 Electron unless npm_config_arch asked for a particular one. The addon
 * must be built for that binary, not for the Node running this script.
 * @param {{ env: Record<string, string | undefined>, platform: string, arch: string,
 *   underRosetta: () => boolean }} host
 * @returns {{ platform: string, arch: string }}
 */
export function electronInstallTarget(host) {
  const { env } = host;
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || host.platform;
  let arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || host.arch;
  if (
    platform === 'darwin' &&
    host.platform === 'darwin' &&
    arch === 'x64' &&
    env.npm_config_arch === undefined &&
    host.underRosetta()
  ) {
    arch = 'arm64';
  }
  return { platform, arch };
}

const readVersion = (file) => JSON.parse(readFileSync(file, 'utf8')).version;

/**
 * Everything the Electron-ABI build depends on, read from the installed packages: better-sqlite3's
 * version, Electron's version and ABI (the electron package ships abi_version), and the platform
 * and arch Electron's install picks.
 * @param {string} appRoot
 * @param {Partial<Parameters<typeof electronInstallTarget>[0]>} [host]
 * @returns {NativeBuildTarget}
 */
export function nativeBuildTarget(appRoot, host = {}) {
  const modules = join(appRoot, 'node_modules');
  return {
    betterSqlite3Version: readVersion(
      join(modules, 'better-sqlite3-multiple-ciphers', 'package.json'),
    ),
    electronVersion: readVersion(join(modules, 'electron', 'package.json')),
    abi: readFileSync(join(modules, 'electron', 'abi_version'), 'utf8').trim(),
    ...electronInstallTarget({
      env: host.env ?? process.env,
      platform: host.platform ?? process.platform,
      arch: host.arch ?? process.arch,
      underRosetta: host.underRosetta ?? runsUnderRosetta,
    }),
  };
}

/**
 * What a failed command said, short enough to read in a terminal: its last lines of stderr and
 * stdout (colour codes and blank lines dropped, long lines cut), or why it did not run at all.
 * @param {string} label
 * @param {{ status: number | null, signal?: string | null, error?: Error,
 *   stdout?: string | null, stderr?: string | null }} result
 */
export function failureReport(label, result, maxLines = 25) {
  const tail = (text) => {
    const lines = (text ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split(/\r?\n/)
      .map((line) => line.trimEnd())
      .filter((line) => line.trim() !== '')
      .map((line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line));
    const kept = lines.slice(-maxLines);
    if (lines.length > kept.length) kept.unshift(`… (${lines.length - kept.length} lines before)`);
    return kept.map((line) => `    ${line}`).join('\n');
  };
  const how = result.error
    ? `could not run: ${result.error.message}`
    : result.signal
      ? `was stopped by ${result.signal}`
      : `exited with ${result.status}`;
  const parts = [`  ${label} ${how}`];
  const stderr = tail(result.stderr);
  const stdout = tail(result.stdout);
  if (stderr) parts.push(`  stderr:\n${stderr}`);
  if (stdout) parts.push(`  stdout:\n${stdout}`);
  return parts.join('\n');
}

function fail(line, details = []) {
  console.error([`review-desk: ${line}`, ...details].join('\n'));
  process.exit(1);
}

function run(command, args, cwd, env = process.env) {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 15 * 60_000 });
}

/** npm's own node-gyp: npm names it when it runs us; otherwise look for it inside npm. */
function nodeGypScript(env) {
  const inNpm = ['node_modules', 'node-gyp', 'bin', 'node-gyp.js'];
  const nodeDir = dirname(process.execPath);
  const candidates = [
    env.npm_config_node_gyp,
    env.npm_execpath && join(dirname(env.npm_execpath), '..', ...inNpm),
    join(nodeDir, '..', 'lib', 'node_modules', 'npm', ...inNpm),
    join(nodeDir, 'node_modules', 'npm', ...inNpm),
  ];
  return candidates.find((file) => file && existsSync(file)) ?? null;
}

function ensureElectronBinary(target) {
  const electronDir = join(ROOT, 'node_modules', 'electron');
  // Installed means what install.js itself checks: path.txt, and a dist/ of this version.
  const version = join(electronDir, 'dist', 'version');
  if (
    existsSync(join(electronDir, 'path.txt')) &&
    existsSync(version) &&
    readFileSync(version, 'utf8').trim().replace(/^v/, '') === target.electronVersion
  )
    return;
  // Since Electron 41 the package has no postinstall: its install.js downloads the binary when
  // first asked (require('electron'), npx install-electron). We run it here, where npm start
  // needs it, with the same environment that electronInstallTarget read.
  const result = run(process.execPath, [join(electronDir, 'install.js')], electronDir);
  if (result.status !== 0 || result.error) {
    fail(
      `the Electron ${target.electronVersion} binary (${target.platform}-${target.arch}) could not be downloaded, so the app cannot open here; npm test still runs everything else. Electron's installer said:`,
      [failureReport('node_modules/electron/install.js', result)],
    );
  }
}

function ensureElectronSqlite(target) {
  const output = electronNativeBindingPath(ROOT, target);
  if (existsSync(output)) return;
  const work = join(dirname(output), 'build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers'), work, {
    recursive: true,
    filter: (source) => !source.includes(join('better-sqlite3-multiple-ciphers', 'build')),
  });
  // npm's user config may point node-gyp at Node's headers; Electron needs its own.
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^npm_config_(nodedir|target|runtime|disturl)$/i.test(key)) delete env[key];
  const electron = ['--runtime', 'electron', '--target', target.electronVersion];
  const attempts = [];
  const prebuilt = run(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'prebuild-install', 'bin.js'),
      ...electron,
      '--arch',
      target.arch,
      '--platform',
      target.platform,
    ],
    work,
    env,
  );
  attempts.push(
    failureReport('prebuild-install (better-sqlite3-multiple-ciphers’ prebuilt binary)', prebuilt),
  );
  let built = prebuilt.status === 0;
  if (!built) {
    const nodeGyp = nodeGypScript(process.env);
    if (nodeGyp === null) {
      attempts.push('  node-gyp was not found (run this through npm: npm start)');
    } else {
      const compiled = run(
        process.execPath,
        [
          nodeGyp,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${target.electronVersion}`,
          `--arch=${target.arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        work,
        env,
      );
      attempts.push(failureReport('node-gyp rebuild (with Electron’s headers)', compiled));
      built = compiled.status === 0;
    }
  }
  const addon = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(addon)) {
    rmSync(dirname(output), { recursive: true, force: true });
    fail(
      `better-sqlite3-multiple-ciphers ${target.betterSqlite3Version} could not be built for Electron ${target.electronVersion} (ABI ${target.abi}, ${target.platform}-${target.arch}): its prebuilt binary or Electron's headers must be downloaded. The app cannot open here; npm test still runs everything else. What was tried:`,
      attempts,
    );
  }
  copyFileSync(addon, output);
  rmSync(work, { recursive: true, force: true });
}

function main(command) {
  const target = nativeBuildTarget(ROOT);
  if (command === 'path') {
    console.log(electronNativeBindingPath(ROOT, target));
  } else if (command === 'ensure') {
    ensureElectronBinary(target);
    ensureElectronSqlite(target);
  } else {
    fail(`unknown command "${command ?? ''}"; use ensure or path`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]);
}
