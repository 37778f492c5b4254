#!/usr/bin/env node
// Makes what the Electron app needs beside Node's own build, so `npm test` (Node's
// better-sqlite3 in node_modules) and `npm start` (an Electron-ABI copy under .native/) work on
// the same checkout in either order. Usage: node scripts/electron-native.mjs ensure|path
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

/** Must match src/main/app/native-binding.ts (tests/main/app/native-binding.test.ts checks it). */
export function electronNativeBindingPath(
  appRoot,
  version,
  platform = process.platform,
  arch = process.arch,
) {
  return join(appRoot, '.native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');
}

function fail(line) {
  console.error(`review-desk: ${line}`);
  process.exit(1);
}

function run(command, args, cwd, env = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 15 * 60_000 });
  return result.status === 0;
}

function ensureElectronBinary() {
  if (existsSync(join(electronDir, 'path.txt'))) return;
  // Electron's own install script is not run by npm ci (package.json allowScripts), because
  // it downloads a binary; it runs here, on demand, where a download may be possible.
  if (!run(process.execPath, [join(electronDir, 'install.js')], electronDir)) {
    fail(
      `the Electron ${electronVersion} binary could not be downloaded (offline?), so the app cannot open here; npm test still runs everything else.`,
    );
  }
}

function ensureElectronSqlite() {
  const target = electronNativeBindingPath(root, electronVersion);
  if (existsSync(target)) return;
  const work = join(root, '.native', `build-${electronVersion}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
  // npm's user config may point node-gyp at Node's headers; Electron needs its own.
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^npm_config_(nodedir|target|runtime|disturl)$/i.test(key)) delete env[key];
  const prebuilt = run(
    process.execPath,
    [
      join(root, 'node_modules', 'prebuild-install', 'bin.js'),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
    ],
    work,
    env,
  );
  const nodeGyp = process.env.npm_config_node_gyp;
  const built =
    prebuilt ||
    (nodeGyp !== undefined &&
      run(
        process.execPath,
        [
          nodeGyp,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${electronVersion}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        work,
        env,
      ));
  const output = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(output)) {
    rmSync(work, { recursive: true, force: true });
    fail(
      `better-sqlite3 could not be rebuilt for Electron ${electronVersion} (its prebuilt binary or Electron's headers must be downloaded; offline?), so the app cannot open here; npm test still runs everything else.`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(output, target);
  rmSync(work, { recursive: true, force: true });
}

const command = process.argv[2];
if (command === 'path') {
  console.log(electronNativeBindingPath(root, electronVersion));
} else if (command === 'ensure') {
  ensureElectronBinary();
  ensureElectronSqlite();
} else if (command !== undefined) {
  fail(`unknown command "${command}"; use ensure or path`);
}
