import { resolve } from 'node:path';
import { ActNotPermittedError } from '../db/errors';
import { defaultDataDir } from '../services/data-dir';
import { ServiceError } from '../services/errors';
import { actAs } from '../services/identity/acting';
import { DATABASE_FILE_NAME } from '../services/open-workspace';
import { actingIdentity, takeActingOptions, unlockActing } from './acting';
import { Refusal } from './cli-errors';
import { USAGE } from './usage-texts';
import { openWorkspaceAt, takeWorkspacePassphrase } from './workspace-unlock';

/*
 * Runs one command: unlocks the acting key and the workspace passphrase, then loads only that
 * command's module (a dynamic import, a chunk of its own in the built CLI), so a command never
 * pays at start-up for the libraries of the others (issue 17).
 */

function openAt(dbOption: string | undefined) {
  const file = dbOption ? resolve(dbOption) : resolve(defaultDataDir(), DATABASE_FILE_NAME);
  const ctx = openWorkspaceAt(file);
  try {
    // Whoever opens the workspace in this run acts as the key unlocked by --as.
    const identity = actingIdentity();
    if (identity) actAs(ctx, identity);
  } catch (error) {
    ctx.db.close();
    throw error;
  }
  return ctx;
}

type Command = (args: string[]) => Promise<number | void> | number | void;

const COMMANDS: Record<string, Command> = {
  import: async (args) => (await import('./import-stats')).runImport(openAt, args),
  stats: async (args) => (await import('./import-stats')).runStats(openAt, args),
  quarantine: async (args) => (await import('./quarantine')).runQuarantine(openAt, args),
  attach: async (args) => (await import('./attach')).runAttach(openAt, args),
  correct: async (args) => (await import('./correct')).runCorrect(openAt, args),
  appeal: async (args) => (await import('./appeal')).runAppeal(openAt, args),
  sample: async (args) => (await import('./sample')).runSample(openAt, args),
  decide: async (args) => (await import('./decide')).runDecide(openAt, args),
  keygen: async (args) => (await import('./signing')).runKeygen(args),
  roster: async (args) => (await import('./signing')).runRoster(openAt, args),
  verify: async (args) => (await import('./signing')).runVerify(args, openAt),
  'export-decisions': async (args) =>
    (await import('./export-decisions')).runExportDecisions(openAt, args),
  ledger: async (args) => (await import('./ledger')).runLedger(openAt, args),
  minutes: async (args) => (await import('./minutes')).runMinutes(openAt, args),
  meeting: async (args) => (await import('./meeting')).runMeeting(openAt, args),
  amend: async (args) => (await import('./amend')).runAmend(openAt, args),
  people: async (args) => (await import('./people')).runPeople(openAt, args),
  assign: async (args) => (await import('./people')).runAssign(openAt, args),
  recommendations: async (args) =>
    (await import('./recommendations')).runRecommendations(openAt, args),
  backup: async (args) => (await import('./backup')).runBackup(openAt, args),
  restore: async (args) => (await import('./backup')).runRestore(args),
  demo: async (args) => (await import('./demo')).runDemo(args),
};

/** The exit code of `command`: 0, 1 for a refusal, 2 for the unexpected, or the command's own. */
export async function runCommand(command: string, args: string[]): Promise<number> {
  try {
    const acting = takeActingOptions(args);
    if (acting.as) await unlockActing(acting.as);
    const rest = await takeWorkspacePassphrase(command, acting.rest, acting.as?.passphraseFile);
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new Refusal(`unknown command "${command}"\n${USAGE}`);
    return (await run(rest)) ?? 0;
  } catch (error) {
    if (
      error instanceof Refusal ||
      error instanceof ServiceError ||
      error instanceof ActNotPermittedError ||
      (error instanceof TypeError && 'code' in error)
    ) {
      process.stderr.write(`review-desk: ${error.message.split('\n')[0]}\n`);
      return 1;
    }
    process.stderr.write(
      `review-desk: unexpected error: ${(error as Error).stack ?? String(error)}\n`,
    );
    return 2;
  }
}
