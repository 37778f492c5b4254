import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { VerificationReport } from '../../shared/domain/signing/verification-report';
import { PERSON_ROLES, type PersonRole } from '../../shared/ipc/review-schemas';
import type { ServiceContext } from '../services/context';
import { verifyDecisionFile } from '../services/decision-files';
import { ServiceError } from '../services/errors';
import { openEvidenceSource } from '../services/evidence/source';
import { refuseIfTaken, writeNewFile } from '../services/new-file';
import {
  generateIdentity,
  KeychainUnavailableError,
  readKeyFile,
  readPublicKeyFile,
  unlockIdentity,
} from '../services/identity';
import {
  buildRosterPayload,
  importRoster,
  ROSTER_FILE_RULE,
  signRoster,
  verifyRoster,
  type VerifiedRoster,
} from '../services/roster';
import type { RosterTrust } from '../../shared/domain/signing/verification-report';
import { withoutBom } from '../services/signing/strict-json';
import { readPassphrase } from './passphrase';

export const SIGNING_USAGE = [
  '  keygen --name <name> --role <member|chair|secretary|auditor> --out <dir> [--passphrase-file <f>]',
  '  roster build --keys <public key files...> --version <n> --valid-from <YYYY-MM-DD> --sign-with <key file> [--passphrase-file <f>] [--previous <roster file>] [--council <name>] --out <file>',
  '  roster import <file> [--db <path>]',
  '  verify <decision file> [--roster <file>] [--trusted-roster <file>] [--roster-chain <files...>] [--previous <files...>] [--evidence <dir|zip>] [--json]   (exit 0 valid, 1 invalid, 2 unreadable)',
  '         --trusted-roster: the roster you trust (got from the secretary, fingerprint compared); the roster must be it or chain to it',
  '         --previous: earlier (or later) decision files of the chain; says when this file has been superseded',
].join('\n');

const DEFAULT_COUNCIL = '1015 피해지원 협의체';

function refuse(message: string): never {
  throw new ServiceError('validation_failed', message);
}

/**
 * A key sealed by a desktop's OS keychain cannot be opened here: say so before asking for a
 * passphrase that would not help.
 */
export function requirePassphraseKey(path: string): string {
  if (readKeyFile(path).protection === 'os-keychain') throw new KeychainUnavailableError(path);
  return path;
}

/** A leading BOM (Notepad) is dropped: signed files are read as the JSON they hold. */
function readText(path: string, what: string): string {
  try {
    return withoutBom(readFileSync(path, 'utf8'));
  } catch {
    return refuse(`${what} ${path} is not readable`);
  }
}

export async function runKeygen(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
    },
  });
  if (!values.name || !values.role || !values.out)
    refuse('keygen needs --name <name> --role <role> --out <dir>');
  if (!(PERSON_ROLES as readonly string[]).includes(values.role))
    refuse(`--role must be one of ${PERSON_ROLES.join(', ')}, not "${values.role}"`);
  const passphrase = await readPassphrase(values['passphrase-file'], 'passphrase / 암호: ', true);
  const made = generateIdentity(
    { name: values.name, role: values.role as PersonRole },
    passphrase,
    {
      dir: resolve(values.out),
    },
  );
  process.stdout.write(
    `키 지문 / fingerprint ${made.fingerprint}\n  private: ${made.keyFile}\n  public:  ${made.publicKeyFile}\n`,
  );
}

async function runRosterBuild(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      keys: { type: 'string', multiple: true },
      version: { type: 'string' },
      'valid-from': { type: 'string' },
      'sign-with': { type: 'string' },
      'passphrase-file': { type: 'string' },
      previous: { type: 'string' },
      council: { type: 'string' },
      out: { type: 'string' },
    },
  });
  // "--keys a.pub.json b.pub.json": parseArgs gives the first to --keys, the rest as positionals.
  const keyFiles = [...(values.keys ?? []), ...positionals];
  const version = Number(values.version);
  if (keyFiles.length === 0 || !values['sign-with'] || !values.out || !values['valid-from'])
    refuse(
      'roster build needs --keys <files...> --version <n> --valid-from <date> --sign-with <key file> --out <file>',
    );
  if (!Number.isSafeInteger(version) || version < 1)
    refuse(`--version must be a positive whole number, not "${values.version}"`);
  const previous = values.previous
    ? verifyRoster(readText(values.previous, 'previous roster'))
    : null;
  const payload = buildRosterPayload({
    council: values.council ?? DEFAULT_COUNCIL,
    version,
    validFrom: values['valid-from'],
    members: keyFiles.map((f) => readPublicKeyFile(resolve(f))),
    previous,
  });
  const out = resolve(values.out);
  // Said before the passphrase is asked for; writeNewFile still refuses a file made meanwhile.
  refuseIfTaken(out, ROSTER_FILE_RULE);
  const signingKey = requirePassphraseKey(resolve(values['sign-with']));
  const passphrase = await readPassphrase(values['passphrase-file'], 'passphrase / 암호: ');
  const text = signRoster(payload, [unlockIdentity(signingKey, passphrase)]);
  writeNewFile(out, text, ROSTER_FILE_RULE);
  const roster = verifyRoster(text, { previous });
  process.stdout.write(
    `명부 v${version} 지문 / roster fingerprint ${roster.fingerprint} (${payload.members.length} members)\n`,
  );
}

function runRosterImport(openAt: (db: string | undefined) => ServiceContext, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' } },
  });
  if (!positionals[0])
    refuse('roster import needs the roster file: review-desk roster import <file>');
  const text = readText(positionals[0], 'roster');
  const ctx = openAt(values.db);
  try {
    const done = importRoster(ctx, text);
    process.stdout.write(
      `명부 v${done.version} ${done.alreadyImported ? '이미 있음 / already imported' : '가져옴 / imported'}: fingerprint ${done.fingerprint}\n`,
    );
  } finally {
    ctx.db.close();
  }
}

export async function runRoster(
  openAt: (db: string | undefined) => ServiceContext,
  args: string[],
): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'build') await runRosterBuild(rest);
  else if (sub === 'import') runRosterImport(openAt, rest);
  else refuse('roster needs "build" or "import"');
}

/** The issue's JSON, with the roster (its fingerprint and trust) and the warnings. */
function jsonReport(report: VerificationReport): object {
  return {
    valid: report.valid,
    roster: report.roster,
    warnings: report.warnings,
    signatures: report.signatures.map(({ signer, role, keyId, onRoster, valid }) => ({
      signer,
      role,
      keyId,
      onRoster,
      valid,
    })),
    records: report.records,
    evidence: report.evidence,
    problems: report.problems,
  };
}

const TRUST_TEXT: Record<RosterTrust['trust'], string> = {
  pinned: '신뢰하는 명부 / the trusted roster',
  chains: '신뢰하는 명부로 이어짐 / chains to the trusted roster',
  untrusted:
    '신뢰하는 명부가 아니며 이어지지 않음 / NOT the trusted roster and does not chain to it',
  unchecked:
    '신뢰하는 명부와 대조하지 않음 / NOT checked against a trusted roster (--trusted-roster): compare this fingerprint',
};

function rosterLine(roster: RosterTrust | null): string {
  if (!roster) return '  명부 / roster: 없음 / none';
  const trusted = roster.trustedFingerprint ? ` (trusted ${roster.trustedFingerprint})` : '';
  return `  명부 / roster: v${roster.version} fingerprint ${roster.fingerprint}: ${TRUST_TEXT[roster.trust]}${trusted}`;
}

function textReport(report: VerificationReport): string {
  const unchecked = report.valid && report.roster?.trust === 'unchecked';
  const lines = [
    report.valid
      ? `유효 / VALID${unchecked ? ' (명부 미확인 / roster not checked against a trusted one)' : ''}`
      : '무효 / INVALID',
    rosterLine(report.roster),
  ];
  for (const s of report.signatures)
    lines.push(
      `  ${s.valid ? 'ok ' : 'BAD'} ${s.signer ?? '?'} (${s.role ?? 'not on roster / 명부에 없음'}) ${s.fingerprint ?? s.keyId ?? ''}`,
    );
  const { total, valid, invalid } = report.records;
  lines.push(
    `  결정 / decisions: ${valid}/${total} ok${invalid.length ? `, invalid: ${invalid.slice(0, 10).join(', ')}` : ''}`,
  );
  lines.push(
    `  증빙 / evidence: ${report.evidence.checked} checked, ${report.evidence.mismatched} mismatched`,
  );
  for (const p of report.problems) lines.push(`  - ${p.message}\n    ${p.ko}`);
  for (const w of report.warnings) lines.push(`  ! ${w.message}\n    ${w.ko}`);
  return `${lines.join('\n')}\n`;
}

/** Returns the exit code itself: 0 valid, 1 invalid, 2 when an input cannot be read at all. */
export async function runVerify(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      roster: { type: 'string' },
      'trusted-roster': { type: 'string' },
      'roster-chain': { type: 'string', multiple: true },
      previous: { type: 'string', multiple: true },
      evidence: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!positionals[0]) refuse('verify needs the decision file: review-desk verify <file>');
  const unreadable = (message: string) => {
    process.stderr.write(`review-desk: ${message.split('\n')[0]}\n`);
    return 2;
  };
  let fileText: string;
  let roster: VerifiedRoster | null;
  let trustedRoster: VerifiedRoster | undefined;
  let knownRosters: VerifiedRoster[];
  let otherFiles: string[];
  try {
    fileText = readText(positionals[0], 'decision file');
    if (values['trusted-roster'])
      trustedRoster = verifyRoster(readText(values['trusted-roster'], 'trusted roster'));
    if (values.roster) roster = verifyRoster(readText(values.roster, 'roster'));
    else roster = trustedRoster ?? null;
    knownRosters = (values['roster-chain'] ?? []).map((f) =>
      verifyRoster(readText(f, 'roster in the chain')),
    );
    otherFiles = (values.previous ?? []).map((f) => readText(f, 'previous decision file'));
  } catch (error) {
    return unreadable((error as Error).message);
  }
  let evidence;
  try {
    evidence = values.evidence ? await openEvidenceSource(resolve(values.evidence)) : undefined;
  } catch (error) {
    return unreadable((error as Error).message);
  }
  try {
    const report = await verifyDecisionFile(fileText, {
      roster,
      evidence,
      otherFiles,
      knownRosters,
      ...(trustedRoster ? { trustedRoster } : {}),
    });
    process.stdout.write(
      values.json ? `${JSON.stringify(jsonReport(report))}\n` : textReport(report),
    );
    return report.valid ? 0 : 1;
  } catch (error) {
    if (error instanceof ServiceError) return unreadable(error.message);
    throw error;
  } finally {
    await evidence?.close();
  }
}
