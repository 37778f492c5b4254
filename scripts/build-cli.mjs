// Builds the command line (src/main/cli/index.ts) into ES modules under out/cli/<stamp>/, so
// `review-desk` starts from JavaScript instead of compiling TypeScript on every run (issue 17).
// Each command is a chunk of its own, loaded only when it runs. Packages stay external: they
// load from node_modules as the app's main bundle loads them (the native SQLite addon cannot be
// bundled anyway).
//
// <stamp> is the newest modification time of the sources, so an edit makes a new build and
// CLI runs started at the same moment (tests spawn many) never load a half-written one: each
// builds into a folder of its own and renames it into place; the first rename wins.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'out/cli');
/** What the CLI is made from: a change in any of these makes a new build. */
const SOURCES = ['src/main', 'src/shared', 'resources/sample-claims.json', 'scripts/build-cli.mjs'];
const ENTRY = 'review-desk.mjs';

/** The newest modification time among the CLI's sources, in whole ms. */
function sourcesStamp() {
  let newest = 0;
  const visit = (path) => {
    const info = statSync(path);
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, info.mtimeMs);
  };
  for (const source of SOURCES) visit(join(ROOT, source));
  return String(Math.floor(newest));
}

/** Worker threads, built beside the entry (src/main/lib/worker-entry.ts finds them there). */
export const WORKER_ENTRIES = {
  'prepare-worker': join(ROOT, 'src/main/services/intake/prepare-worker.ts'),
  'checkpoint-worker': join(ROOT, 'src/main/db/checkpoint-worker.ts'),
};

/** Builds entry points (name -> source) and the worker threads into `dir`, as the CLI is built. */
export async function buildInto(
  dir,
  entryPoints = { 'review-desk': join(ROOT, 'src/main/cli/index.ts') },
) {
  // Loaded here, not at the top: a run whose build is current never loads esbuild.
  const { build } = await import('esbuild');
  await build({
    entryPoints: { ...entryPoints, ...WORKER_ENTRIES },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Linked, not inline: Node reads a map only with --enable-source-maps.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

/** The built CLI's entry for the current sources, building it first if there is none. */
export async function currentCli() {
  const stamp = sourcesStamp();
  const dir = join(OUT, stamp);
  const entry = join(dir, ENTRY);
  if (existsSync(entry)) return entry;
  mkdirSync(OUT, { recursive: true });
  const temporary = join(OUT, `.${stamp}.${process.pid}.tmp`);
  await buildInto(temporary);
  try {
    renameSync(temporary, dir);
  } catch (error) {
    // Another run built the same sources first: use theirs.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(entry)) throw error;
  }
  // Builds of older sources are of no more use; a run still using one has loaded it already.
  for (const name of readdirSync(OUT))
    if (name !== stamp && !name.startsWith('.'))
      rmSync(join(OUT, name), { recursive: true, force: true });
  return entry;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${await currentCli()}\n`);
}
