import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatKrw } from '../../shared/domain/money';
import type {
  DecisionLine,
  VerificationReport,
} from '../../shared/domain/signing/verification-report';
import { PERSON_ROLES, type PersonRole } from '../../shared/ipc/review-schemas';
import type { ServiceContext } from '../services/context';
import { claimVersionWarnings } from '../services/auditor/claim-versions-check';
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
import { VERIFY_USAGE } from './usage-texts';

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

/** The issue's JSON, with the roster (its fingerprint and trust), the verdict and the warnings. */
function jsonReport(report: VerificationReport): object {
  return {
    valid: report.valid,
    verdict: report.verdict,
    rosterChecked: report.rosterChecked,
    roster: report.roster,
    namedRoster: report.namedRoster,
    warnings: report.warnings,
    signatures: report.signatures.map(({ signer, role, keyId, onRoster, verifies, valid }) => ({
      signer,
      role,
      keyId,
      onRoster,
      verifies,
      valid,
    })),
    records: report.records,
    decisions: report.decisions,
    evidence: report.evidence,
    chain: report.chain,
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

function rosterLine(report: VerificationReport): string {
  const { roster, namedRoster } = report;
  if (!roster) {
    const named = namedRoster
      ? ` (파일이 밝힌 명부 / the file names roster v${namedRoster.version} fingerprint ${namedRoster.fingerprint})`
      : '';
    return `  명부 / roster: 없음 / none${named}`;
  }
  const trusted = roster.trustedFingerprint ? ` (trusted ${roster.trustedFingerprint})` : '';
  return `  명부 / roster: v${roster.version} fingerprint ${roster.fingerprint}: ${TRUST_TEXT[roster.trust]}${trusted}`;
}

/** A huge file still prints its verdict first and stays readable; --json has every record. */
const MAX_DECISION_LINES = 1000;

function votesText(votes: DecisionLine['votes']): string {
  if (!votes) return '';
  const aside = [
    ...(votes.recused ? [`recused ${votes.recused}`] : []),
    ...(votes.absent ? [`absent ${votes.absent}`] : []),
  ];
  return `votes ${votes.for}-${votes.against}-${votes.abstain}${aside.length ? ` (${aside.join(', ')})` : ''}`;
}

function decisionLines(decisions: DecisionLine[]): string[] {
  const shown = decisions.slice(0, MAX_DECISION_LINES);
  const idWidth = Math.min(24, Math.max(0, ...shown.map((d) => d.claimId.length)));
  const amounts = shown.map((d) => (d.amount === null ? '-' : formatKrw(d.amount)));
  const amountWidth = Math.max(0, ...amounts.map((a) => a.length));
  const votes = shown.map((d) => votesText(d.votes));
  const votesWidth = Math.max(0, ...votes.map((v) => v.length));
  const lines = shown.map((d, i) =>
    [
      `    ${d.claimId.padEnd(idWidth)}`,
      (d.outcome ?? '?').padEnd(16),
      amounts[i]!.padStart(amountWidth),
      votes[i]!.padEnd(votesWidth),
      d.ok ? 'ok' : 'INVALID',
    ].join('  '),
  );
  if (decisions.length > shown.length)
    lines.push(
      `    ... 외 ${decisions.length - shown.length}건 / and ${decisions.length - shown.length} more`,
    );
  return lines;
}

/** The link to the previous file, each file named by the path it was given as. */
function chainLines(report: VerificationReport, paths: string[]): string[] {
  const { chain } = report;
  if (!chain) return [];
  const names = chain.names ?? '없음 / none';
  if (chain.files.length === 0)
    return [
      chain.link === 'first'
        ? '  연결 / chain: 첫 파일 (이전 파일 없음) / the first file of its chain (names no previous file)'
        : `  연결 / chain: 확인 안 함 (--previous 없음) / not checked (no --previous given); this file names previous file ${names}`,
    ];
  const lines = chain.files.map(({ sha256, relation }, i) => {
    const path = paths[i] ?? `#${i + 1}`;
    if (relation === 'previous')
      return `  연결 / chain: ${path}: 이전 파일과의 연결 유효 / chain link to ${path} holds`;
    if (relation === 'later')
      return `  연결 / chain: ${path}: 이 파일 뒤로 이어지는 나중 파일 / a later file of the chain, chaining past this one`;
    const found = sha256 ?? '결정 파일 아님 / not a decision file';
    return chain.link === 'broken'
      ? `  연결 / chain: ${path}: 이전 파일과의 연결 끊어짐 / chain link to ${path} does not hold: this file names previous file ${names}, ${path} is ${found}`
      : `  연결 / chain: ${path}: 이 파일이 가리키는 이전 파일이 아님 / not the previous file this one names (${found})`;
  });
  if (chain.link === 'not_checked')
    lines.push(
      `  연결 / chain: 이전 파일 확인 안 함 / the link to the previous file was not checked (only later files given); this file names ${names}`,
    );
  return lines;
}

const VERDICT_TEXT: Record<VerificationReport['verdict'], string> = {
  valid: '유효 / VALID',
  invalid: '무효 / INVALID',
  intact_unjudged: '무결, 서명자 판단 안 함 / INTACT, SIGNERS NOT JUDGED',
};

/**
 * Control and format characters from the file (a claim id may hold a line break, and no roster
 * is needed to sign one) are shown escaped, so the file cannot print a verdict line of its own.
 */
function printable(line: string): string {
  return line.replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

function textReport(report: VerificationReport, previousPaths: string[]): string {
  const unchecked = report.valid && report.roster?.trust === 'unchecked';
  const lines = [
    `${VERDICT_TEXT[report.verdict]}${unchecked ? ' (명부 미확인 / roster not checked against a trusted one)' : ''}`,
  ];
  if (!report.rosterChecked)
    lines.push(
      '  명부 없이 서명자 자격은 판단할 수 없음 / without a roster, who signed cannot be judged: integrity checked only',
    );
  lines.push(rosterLine(report));
  for (const s of report.signatures)
    lines.push(
      report.rosterChecked
        ? `  ${s.valid ? 'ok ' : 'BAD'} ${s.signer ?? '?'} (${s.role ?? 'not on roster / 명부에 없음'}) ${s.fingerprint ?? s.keyId ?? ''}`
        : `  ${s.verifies ? 'ok ' : 'BAD'} key ${s.fingerprint ?? s.keyId ?? '?'} (서명자 판단 안 함 / signer not judged)`,
    );
  const { total, valid, invalid } = report.records;
  lines.push(
    `  결정 / decisions: ${valid}/${total} ok${report.rosterChecked ? '' : ' (무결성만 / integrity only)'}${invalid.length ? `, invalid: ${invalid.slice(0, 10).join(', ')}` : ''}`,
    ...decisionLines(report.decisions),
    `  증빙 / evidence: ${report.evidence.checked} checked, ${report.evidence.mismatched} mismatched`,
    ...chainLines(report, previousPaths),
  );
  for (const p of report.problems) lines.push(`  - ${p.message}`, `    ${p.ko}`);
  // The verdict lines already say that no roster was given.
  for (const w of report.warnings)
    if (w.code !== 'roster_not_given') lines.push(`  ! ${w.message}`, `    ${w.ko}`);
  return `${lines.map(printable).join('\n')}\n`;
}

const EXIT_CODES: Record<VerificationReport['verdict'], number> = {
  valid: 0,
  invalid: 1,
  intact_unjudged: 3,
};

/**
 * Returns the exit code itself: 0 valid, 1 invalid, 2 when an input cannot be read at all or
 * the command line is wrong (never 1, which a script would take for a verdict on the file),
 * 3 intact with the signers not judged (no roster).
 */
export async function runVerify(
  args: string[],
  openAt?: (db: string | undefined) => ServiceContext,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`review-desk verify\n\n${VERIFY_USAGE}\n`);
    return 0;
  }
  const unreadable = (message: string) => {
    process.stderr.write(`review-desk: ${message.split('\n')[0]}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        roster: { type: 'string' },
        'trusted-roster': { type: 'string' },
        'roster-chain': { type: 'string', multiple: true },
        previous: { type: 'string', multiple: true },
        evidence: { type: 'string' },
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return unreadable(`${(error as Error).message} (review-desk verify --help)`);
  }
  const { values, positionals } = parsed;
  if (!positionals[0])
    return unreadable('verify needs the decision file: review-desk verify <file> (--help)');
  // "--previous a.json b.json" would otherwise check a.json only and drop b.json unsaid.
  if (positionals.length > 1)
    return unreadable(
      `verify takes one decision file, not also ${positionals.slice(1).join(', ')}: give each previous file or roster with its own option`,
    );
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
    if (values.db !== undefined && openAt) {
      const ctx = openAt(values.db);
      try {
        report.warnings.push(...claimVersionWarnings(ctx.db, fileText));
      } finally {
        ctx.db.close();
      }
    }
    process.stdout.write(
      values.json
        ? `${JSON.stringify(jsonReport(report))}\n`
        : textReport(report, values.previous ?? []),
    );
    return EXIT_CODES[report.verdict];
  } catch (error) {
    if (error instanceof ServiceError) return unreadable(error.message);
    throw error;
  } finally {
    await evidence?.close();
  }
}
