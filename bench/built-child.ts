// Builds a bench's child script the way the CLI is built (esbuild, ES modules, packages
// external, worker entries beside it), so what a bench measures is the JavaScript people run,
// not TypeScript compiled on the fly by tsx (which also slows the worker threads it starts).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** The built child's path; `entry` is relative to the repository. */
export async function builtChild(name: string, entry: string): Promise<string> {
  // Inside the repository: the bundle's packages load from its node_modules.
  const dir = join(ROOT, 'out/bench', name);
  rmSync(dir, { recursive: true, force: true });
  await build({
    entryPoints: {
      [name]: join(ROOT, entry),
      'prepare-worker': join(ROOT, 'src/main/services/intake/prepare-worker.ts'),
      'checkpoint-worker': join(ROOT, 'src/main/db/checkpoint-worker.ts'),
    },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return join(dir, `${name}.mjs`);
}
