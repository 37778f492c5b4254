// Builds a bench's child script the way the CLI is built (scripts/build-cli.mjs: esbuild, ES
// modules, packages external, the worker threads beside it), so what a bench measures is the
// JavaScript people run, not TypeScript compiled on the fly by tsx (which also slows the worker
// threads it starts).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildInto, ROOT } from '../scripts/build-cli.mjs';

/** The built child's path; `entry` is relative to the repository. */
export async function builtChild(name: string, entry: string): Promise<string> {
  // Inside the repository: the bundle's packages load from its node_modules.
  const dir = join(ROOT, 'out/bench', name);
  rmSync(dir, { recursive: true, force: true });
  await buildInto(dir, { [name]: join(ROOT, entry) });
  return join(dir, `${name}.mjs`);
}
