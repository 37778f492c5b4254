import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread whose entry file `name` sits beside the calling module: the built
 * file (name.js in the app's main bundle, name.mjs in the CLI's, either next to the caller's
 * chunk or one folder up from it), or, when the caller runs from TypeScript sources (tests,
 * benches), name.ts compiled by tsx in the worker, as the caller itself was.
 */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions): Worker {
  const dir = dirname(fileURLToPath(callerUrl));
  if (callerUrl.endsWith('.ts')) return startFromSource(join(dir, `${name}.ts`), options);
  for (const folder of [dir, dirname(dir)])
    for (const extension of ['.js', '.mjs']) {
      const file = join(folder, `${name}${extension}`);
      if (existsSync(file)) return new Worker(file, options);
    }
  throw new Error(`the ${name} worker is not in ${dir} or the folder above it: a broken build`);
}

/**
 * Node 20 does not pass a `--import tsx` loader on to workers, so the worker registers tsx
 * itself before loading the TypeScript entry. tsx's ESM API ships beside its CommonJS one.
 */
function startFromSource(file: string, options: WorkerOptions): Worker {
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const script = `import(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(script, { ...options, eval: true });
}
