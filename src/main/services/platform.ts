import type { KeyProtector } from './identity';

/** What an open dialog is asked for; main/index.ts gives each its filter. */
export type FileKind =
  | 'batch'
  | 'evidence-folder'
  | 'evidence-zip'
  | 'decision-file'
  | 'roster'
  | 'recommendation-file'
  | 'key-file'
  | 'public-key-file'
  | 'backup'
  | 'backup-folder';

/** What differs between the app, the browser tests and the CLI: dialogs and where resources are. */
export interface Platform {
  appVersion: string;
  /** The app's resources folder (demo batch, sample claims). */
  resourcesDir: string;
  chooseFile(kind: FileKind): Promise<string | null>;
  /** Several files of one kind at once (members' recommendation files, public keys). */
  chooseFiles(kind: FileKind): Promise<string[]>;
  /** Where to save a file the user asked for, or null when they closed the dialog. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  /**
   * The OS keychain (Electron safeStorage) where this machine has one; undefined elsewhere.
   * A function, called when a key is made or opened: the app probes the keychain then (once),
   * not while starting.
   */
  keyProtector(): KeyProtector | undefined;
}
