#!/usr/bin/env node
// After `npm run build`: every bundle a user's app runs must at least parse. `node --check`
// catches what no bundler warns of (a duplicate top-level declaration made by a shim, say);
// loading and running them is the end-to-end specs' work (tests/e2e/boot).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folders = ['out/main', 'out/preload', 'out/renderer'];

function scripts(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return /\.(js|cjs|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const missing = folders.filter((folder) => !existsSync(join(root, folder)));
if (missing.length > 0) {
  console.error(`check-bundles: ${missing.join(', ')} missing; run npm run build first`);
  process.exit(1);
}
/** Worker threads' entries, found by name beside the main bundle at run time (lib/worker-entry.ts). */
const workers = ['out/main/prepare-worker.js', 'out/main/checkpoint-worker.js'];
const absent = workers.filter((file) => !existsSync(join(root, file)));
if (absent.length > 0) {
  console.error(
    `check-bundles: ${absent.join(', ')} missing: the build has no worker entry for it`,
  );
  process.exit(1);
}
const files = folders.flatMap((folder) => scripts(join(root, folder)));
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
  if (result.status !== 0) {
    failed += 1;
    console.error(
      `check-bundles: ${relative(root, file)} does not parse:\n${result.stderr.trim()}`,
    );
  }
}
if (failed > 0) process.exit(1);
console.log(`check-bundles: ${files.length} built bundles parse (${folders.join(', ')})`);
