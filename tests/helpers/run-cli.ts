import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { testPassphraseFile } from './workspace-key';

const BIN = join(import.meta.dirname, '../../bin/review-desk.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `review-desk` as a person would from a terminal: a process of its own, its exit code.
 * The workspace passphrase is the test workspaces' own (REVIEW_DESK_PASSPHRASE_FILE).
 */
export function cli(...args: string[]): CliResult {
  return cliWith({}, ...args);
}

/** The same, with variables added to (or, as undefined, removed from) the environment. */
export function cliWith(env: Record<string, string | undefined>, ...args: string[]): CliResult {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    REVIEW_DESK_PASSPHRASE_FILE: testPassphraseFile(),
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: merged,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
