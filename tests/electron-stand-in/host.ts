/**
 * The stand-in's process: what `electron <folder>` would be. It reads the app's package.json,
 * points the `electron` module at the stand-in, starts Chromium, runs the app's built main
 * bundle, then emits ready. Electron's own behaviour for an uncaught error in main is kept: an
 * error box, and the process goes on (so an app that does not end itself stays windowless).
 */
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as StandInElectron from './electron/index';
import type { StandInOptions } from './electron/runtime';

const options = JSON.parse(process.env['ELECTRON_STAND_IN_OPTIONS'] ?? '{}') as StandInOptions;
const electronUrl = new URL('./electron.js', import.meta.url).href;
register(new URL('./resolve-hook.js', import.meta.url).href, {
  data: { electronUrl },
});
const electron = (await import(electronUrl)) as typeof StandInElectron;
const { runtime } = electron.__standIn;
runtime.options = options;

Object.defineProperty(process.versions, 'electron', {
  value: options.electronVersion,
  enumerable: true,
});
Object.defineProperty(process, 'resourcesPath', { value: options.resourcesPath, enumerable: true });
Object.defineProperty(process, 'type', { value: 'browser', enumerable: true });
process.argv = [process.execPath, options.appPath, ...options.args];

// Which native addons main loads, and from where: a boot test compares them with nativeBinding.
const dlopen = process.dlopen.bind(process);
process.dlopen = (module: object, filename: string, flags?: number) => {
  runtime.loadedAddons.push(filename);
  return flags === undefined ? dlopen(module, filename) : dlopen(module, filename, flags);
};

function uncaught(error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  electron.dialog.showErrorBox(
    'A JavaScript error occurred in the main process',
    `Uncaught Exception:\n${text}`,
  );
}
process.on('uncaughtException', uncaught);
process.on('unhandledRejection', uncaught);

type Control = { id: number; type: 'evaluate'; source: string; arg: unknown } | { type: 'quit' };
process.on('message', async (message: Control) => {
  if (message.type === 'quit') return electron.app.quit();
  try {
    const fn = (0, eval)(`(${message.source})`) as (e: unknown, a: unknown) => unknown;
    const value = await fn(electron, message.arg);
    process.send?.({ type: 'result', id: message.id, ok: true, value });
  } catch (error) {
    process.send?.({ type: 'result', id: message.id, ok: false, error: String(error) });
  }
});

await electron.__standIn.startChromium();
const manifest = JSON.parse(readFileSync(join(options.appPath, 'package.json'), 'utf8'));
try {
  await import(pathToFileURL(join(options.appPath, manifest.main ?? 'index.js')).href);
} catch (error) {
  uncaught(error);
}
electron.app.emitReady();
