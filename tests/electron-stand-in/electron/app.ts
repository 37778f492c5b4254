import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cancellableEvent, runtime } from './runtime';
import { SingleInstanceLock } from './single-instance';

interface PackageJson {
  name?: string;
  productName?: string;
  version?: string;
}

function appPackage(): PackageJson {
  return JSON.parse(readFileSync(join(runtime.options.appPath, 'package.json'), 'utf8'));
}

/**
 * Electron's `app`, for the parts Review Desk uses: ready, paths, the command line, the single
 * instance lock, and how the process ends (quit with its events, exit with a code).
 */
class App extends EventEmitter {
  private ready = false;
  private readonly readyPromise: Promise<void>;
  private markReady!: () => void;
  private readonly paths = new Map<string, string>();
  private name: string | undefined;
  private lock: SingleInstanceLock | null = null;
  private ending = false;
  sandboxEnabled = false;
  /** Set by the stand-in's windows, so the last window closing can end the app. */
  closeAllWindows: () => Promise<void> = async () => undefined;

  readonly commandLine = {
    getSwitchValue: (name: string): string => {
      const prefix = `--${name}=`;
      return runtime.options.args.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? '';
    },
    hasSwitch: (name: string): boolean =>
      runtime.options.args.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)),
    appendSwitch: (): void => undefined,
  };

  constructor() {
    super();
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
  }

  get isPackaged(): boolean {
    return runtime.options.packaged;
  }

  isEnding(): boolean {
    return this.ending;
  }

  isReady(): boolean {
    return this.ready;
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** Called by the host once main's module has run, as Electron does after the main script. */
  emitReady(): void {
    this.ready = true;
    this.markReady();
    this.emit('ready', {}, {});
  }

  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  getAppPath(): string {
    return runtime.options.appPath;
  }

  getName(): string {
    return this.name ?? appPackage().productName ?? appPackage().name ?? 'Electron';
  }

  setName(name: string): void {
    this.name = name;
  }

  getVersion(): string {
    return appPackage().version ?? runtime.options.electronVersion;
  }

  getLocale(): string {
    return runtime.options.locale;
  }

  getPath(name: string): string {
    const set = this.paths.get(name);
    if (set) return set;
    const appData = process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config');
    const defaults: Record<string, string> = {
      home: homedir(),
      appData,
      userData: join(appData, this.getName()),
      sessionData: this.paths.get('userData') ?? join(appData, this.getName()),
      temp: tmpdir(),
      exe: process.execPath,
      logs: join(this.paths.get('userData') ?? join(appData, this.getName()), 'logs'),
    };
    const value = defaults[name];
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    this.lock ??= new SingleInstanceLock(this.getPath('userData'), (argv, cwd, data) =>
      this.emit('second-instance', cancellableEvent({}), argv, cwd, data),
    );
    return this.lock.acquire(process.argv, additionalData);
  }

  hasSingleInstanceLock(): boolean {
    return this.lock?.held ?? false;
  }

  releaseSingleInstanceLock(): void {
    this.lock?.release();
  }

  focus(): void {}

  /** before-quit, the windows close, will-quit, quit, then the process ends with code 0. */
  quit(): void {
    if (this.ending) return;
    const beforeQuit = cancellableEvent({});
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.ending = true;
    void (async () => {
      await this.closeAllWindows();
      const willQuit = cancellableEvent({});
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        this.ending = false;
        return;
      }
      this.emit('quit', cancellableEvent({}), 0);
      await this.end(0);
    })();
  }

  /** Ends at once with the code: no quit events, windows closed without asking. */
  exit(code = 0): void {
    if (this.ending) return;
    this.ending = true;
    void this.end(code);
  }

  private async end(code: number): Promise<void> {
    // process.exit does not wait for IPC: the launcher must have every report before the end.
    await new Promise<void>((resolve) =>
      process.send ? process.send({ type: 'exit', code }, () => resolve()) : resolve(),
    );
    await this.lock?.settle();
    this.lock?.release();
    await runtime.context?.close().catch(() => undefined);
    process.exit(code);
  }
}

export const app = new App();
