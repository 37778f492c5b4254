import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ActNotPermittedError } from '../db/errors';
import { actAs } from '../services/identity/acting';
import { ACTING_USAGE, actingIdentity, takeActingOptions, unlockActing } from './acting';
import { columnMapping } from '../../shared/ipc/intake-schemas';
import { DATABASE_FILE_NAME } from '../services/open-workspace';
import { openWorkspaceAt, takeWorkspacePassphrase, WORKSPACE_USAGE } from './workspace-unlock';
import { ServiceError } from '../services/errors';
import { importBatch } from '../services/intake/import-batch';
import { batchStats, sharesOf } from '../services/stats/stats';
import { AMEND_USAGE, runAmend } from './amend';
import { APPEAL_USAGE, runAppeal } from './appeal';
import { ATTACH_USAGE, runAttach } from './attach';
import { CORRECT_USAGE, runCorrect } from './correct';
import { BACKUP_USAGE, runBackup, runRestore } from './backup';
import { DECIDE_USAGE, DecideArgumentError, runDecide } from './decide';
import { DEMO_USAGE, runDemo } from './demo';
import { EXPORT_DECISIONS_USAGE, runExportDecisions } from './export-decisions';
import { LEDGER_USAGE, runLedger } from './ledger';
import { MEETING_USAGE, runMeeting } from './meeting';
import { MINUTES_USAGE, runMinutes } from './minutes';
import { PEOPLE_USAGE, runAssign, runPeople } from './people';
import { QUARANTINE_USAGE, runQuarantine } from './quarantine';
import { defaultDataDir } from '../services/data-dir';
import { RECOMMENDATIONS_USAGE, runRecommendations } from './recommendations';
import { SAMPLE_USAGE, runSample } from './sample';
import { SIGNING_USAGE, runKeygen, runRoster, runVerify } from './signing';
import { formatImportReport, formatStats } from './text-output';
import {
  ALLOW_MISSING_EVIDENCE,
  MISSING_EVIDENCE_EXIT,
  missingEvidenceMessage,
} from './missing-evidence';

const USAGE = `review-desk <command>

  import <file> [--evidence <dir|zip>] [--allow-missing-evidence] [--mapping <file>] [--sheet <name>] [--into-batch <id>] [--db <path>] [--json] [--progress]
         exit 3 when a file the 증빙 column names is not in --evidence: the batch is imported and kept all the same; --allow-missing-evidence exits 0
  stats [--batch <id>] [--db <path>] [--json]
${QUARANTINE_USAGE}
${ATTACH_USAGE}
${CORRECT_USAGE}
${APPEAL_USAGE}
${SAMPLE_USAGE}
${DECIDE_USAGE}
${SIGNING_USAGE}
${EXPORT_DECISIONS_USAGE}
${PEOPLE_USAGE}
${MEETING_USAGE}
${AMEND_USAGE}
${LEDGER_USAGE}
${MINUTES_USAGE}
${RECOMMENDATIONS_USAGE}
${BACKUP_USAGE}
${DEMO_USAGE}

--db is the workspace database file (default: the desktop app's own workspace).

${WORKSPACE_USAGE}

${ACTING_USAGE}`;

/**
 * One command's part of USAGE: its lines (those starting with its name) and the indented notes
 * under them, then the acting options it shares with every command.
 */
export function usageOf(command: string): string | null {
  const lines: string[] = [];
  let taking = false;
  for (const line of USAGE.split('\n')) {
    if (/^ {2}\S/.test(line))
      taking = line.trimStart().startsWith(`${command} `) || line.trim() === command;
    else if (!/^ {3,}\S/.test(line)) taking = false;
    if (taking) lines.push(line);
  }
  return lines.length === 0
    ? null
    : `review-desk ${command}\n\n${lines.join('\n')}\n\n${ACTING_USAGE}`;
}

/** A refusal: one line on stderr and exit code 1. */
class Refusal extends Error {}

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

function readMapping(path: string | undefined) {
  if (path === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Refusal(`mapping file ${path} is not readable JSON: ${(error as Error).message}`);
  }
  const parsed = columnMapping.safeParse(raw);
  if (!parsed.success)
    throw new Refusal(
      `mapping file ${path} must map header names to batch fields: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Refusal(`--${name} must be a positive whole number, not "${value}"`);
  return n;
}

/** Returns the exit code: 0, or MISSING_EVIDENCE_EXIT once the batch is in. */
async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      evidence: { type: 'string' },
      mapping: { type: 'string' },
      sheet: { type: 'string' },
      'into-batch': { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      progress: { type: 'boolean', default: false },
      [ALLOW_MISSING_EVIDENCE]: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new Refusal('import needs the batch file: review-desk import <file>');
  const ctx = openAt(values.db);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    const report = await importBatch(
      ctx,
      {
        file: resolve(file),
        evidence: values.evidence ? resolve(values.evidence) : null,
        mapping: readMapping(values.mapping),
        sheet: values.sheet ?? null,
        intoBatchId: positiveInt(values['into-batch'], 'into-batch') ?? null,
      },
      {
        signal: controller.signal,
        onProgress: values.progress
          ? (p) => process.stderr.write(`${JSON.stringify(p)}\n`)
          : undefined,
      },
    );
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatImportReport(report));
    // Without --evidence every named file is "not supplied", a choice the report states; only
    // files looked for in the evidence given and not there make the run fail.
    if (!values.evidence || report.evidence.missing === 0 || values[ALLOW_MISSING_EVIDENCE])
      return 0;
    process.stderr.write(missingEvidenceMessage(report));
    return MISSING_EVIDENCE_EXIT;
  } finally {
    ctx.db.close();
  }
}

function runStats(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      batch: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const batchId = positiveInt(values.batch, 'batch');
  const ctx = openAt(values.db);
  try {
    const stats = batchStats(ctx, batchId);
    const shares = {
      byAffiliate: sharesOf(stats.byAffiliate),
      byClaimantType: sharesOf(stats.byClaimantType),
      byDamageType: sharesOf(stats.byDamageType),
      byTier: sharesOf(stats.byTier),
    };
    process.stdout.write(
      values.json ? `${JSON.stringify({ ...stats, shares })}\n` : formatStats(stats, shares),
    );
  } finally {
    ctx.db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    const help = command !== undefined && (args.includes('--help') || args.includes('-h'));
    if (help && usageOf(command) !== null) {
      process.stdout.write(`${usageOf(command)}\n`);
      return 0;
    }
    const acting = takeActingOptions(args);
    if (acting.as) await unlockActing(acting.as);
    const rest = await takeWorkspacePassphrase(command, acting.rest, acting.as?.passphraseFile);
    if (command === 'import') return await runImport(rest);
    else if (command === 'stats') runStats(rest);
    else if (command === 'quarantine') runQuarantine(openAt, rest);
    else if (command === 'attach') return await runAttach(openAt, rest);
    else if (command === 'correct') runCorrect(openAt, rest);
    else if (command === 'appeal') return await runAppeal(openAt, rest);
    else if (command === 'sample') return await runSample(openAt, rest);
    else if (command === 'decide') runDecide(openAt, rest);
    else if (command === 'keygen') await runKeygen(rest);
    else if (command === 'roster') await runRoster(openAt, rest);
    else if (command === 'verify') return await runVerify(rest, openAt);
    else if (command === 'export-decisions') await runExportDecisions(openAt, rest);
    else if (command === 'ledger') await runLedger(openAt, rest);
    else if (command === 'minutes') await runMinutes(openAt, rest);
    else if (command === 'meeting') runMeeting(openAt, rest);
    else if (command === 'amend') runAmend(openAt, rest);
    else if (command === 'people') runPeople(openAt, rest);
    else if (command === 'assign') runAssign(openAt, rest);
    else if (command === 'recommendations') return await runRecommendations(openAt, rest);
    else if (command === 'backup') await runBackup(openAt, rest);
    else if (command === 'restore') await runRestore(rest);
    else if (command === 'demo') await runDemo(rest);
    else if (command === undefined || command === 'help' || command === '--help')
      process.stdout.write(`${USAGE}\n`);
    else throw new Refusal(`unknown command "${command}"\n${USAGE}`);
    return 0;
  } catch (error) {
    if (
      error instanceof Refusal ||
      error instanceof DecideArgumentError ||
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

process.exitCode = await main(process.argv.slice(2));
