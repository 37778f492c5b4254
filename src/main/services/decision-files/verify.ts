import type { KeyObject } from 'node:crypto';
import { formatFingerprint } from '../../../shared/domain/signing/fingerprint';
import { OUTCOMES } from '../../../shared/domain/decision';
import {
  problem,
  ROLE_LABELS_KO,
  type ChainCheck,
  type DecisionLine,
  type ProblemCode,
  type SignatureCheck,
  type VerificationProblem,
  type VerificationReport,
  type VoteCounts,
} from '../../../shared/domain/signing/verification-report';
import type { EvidenceSource } from '../evidence/source';
import { sha256Hex } from '../hashing';
import { rosterTrust, type RosterMember, type VerifiedRoster } from '../roster';
import { JwsFormatError, verifyGeneral, type SignatureVerdict } from '../signing/jws';
import { parseStrictJson, StrictJsonError } from '../signing/strict-json';
import { keyIdentityOf, parsePublicJwk, publicKeyFromJwk } from '../signing/keys';
import { decisionEnvelopeSchema } from './payload';
import { recordFault, type DecisionRecord } from './record-check';
import { decisionFileSha256 } from './sign';

/*
 * What a tampered file can and cannot reveal.
 *
 * Every signature covers the whole payload, and the payload is all the file holds. So once a
 * byte of it changes, every signature fails together, and the file alone cannot say which
 * decision changed: the original bytes are gone, and an amount edited, a record removed, added
 * or reordered all look the same ("content changed after signing"). What can still be named:
 * - who is affected when only some signatures fail: the content is then vouched for by the
 *   signers that verify, so the failing ones were swapped or altered, and we name them;
 * - a signature that verifies but with a key that is not on the roster (the key travels in
 *   its protected header): the content was re-signed by an outsider, not merely damaged;
 * - faults that remain visible inside the content: a claim listed twice, a record out of the
 *   claim-id order the signer always writes (a reorder or insertion by hand), an approval
 *   without an amount, a vote by someone not on the roster;
 * - what lies outside the file: an evidence file whose bytes hash differently (named, with
 *   its claim), a roster that is not the one the file was signed under (both fingerprints),
 *   a previous file that is not the one this file chains to (both hashes).
 * Naming the exact changed decision would need the original, e.g. the secretary's workspace
 * or an earlier copy of the file; comparing against those is the auditor screen's job.
 *
 * Without a roster, who signed cannot be judged at all: any key verifies what it signed. What
 * remains is integrity: each signature against the key it carries, the records, the evidence
 * and the chain. Such a file is never 'valid', but nor is it failed for the missing roster.
 */
export interface VerifyOptions {
  /** The verified roster the file is checked against; null checks integrity only. */
  roster: VerifiedRoster | null;
  evidence?: EvidenceSource;
  /** The text of the decision file this one says it follows. */
  previousFile?: string;
  /**
   * More decision files of the same chain (earlier or later), in any order: the one this file
   * names must be among them, and a later one for the same meeting that chains past this file
   * makes it superseded.
   */
  otherFiles?: string[];
  /**
   * The roster the auditor pinned: the roster must be it or chain to it (else INVALID). Absent,
   * the roster is reported as not checked against a trusted one (a warning, see rosterTrust).
   */
  trustedRoster?: VerifiedRoster;
  /** Rosters a chain to the pinned one may pass through (the workspace's imported ones). */
  knownRosters?: VerifiedRoster[];
}

interface SignerKey {
  key: KeyObject;
  member: RosterMember | null;
}

/** Roster keys first; a key only embedded in the header is used to tell outsiders apart. */
function keyFor(
  roster: VerifiedRoster | null,
): (kid: string | null, header: Record<string, unknown>) => SignerKey | null {
  const members = new Map((roster?.payload.members ?? []).map((m) => [m.kid, m]));
  return (kid, header) => {
    const member = kid ? members.get(kid) : undefined;
    if (member) return { key: publicKeyFromJwk(member.jwk), member };
    try {
      const jwk = parsePublicJwk(header['jwk'], 'jwk');
      if (keyIdentityOf(jwk).kid !== kid) return null;
      return { key: publicKeyFromJwk(jwk), member: null };
    } catch {
      return null;
    }
  };
}

function checkSignatures(fileText: string, roster: VerifiedRoster | null) {
  const resolve = keyFor(roster);
  const result = verifyGeneral(fileText, (kid, header) => resolve(kid, header)?.key ?? null);
  const checks = result.signatures.map(
    (verdict): SignatureCheck & { verdict: SignatureVerdict } => {
      const member = resolve(verdict.kid, verdict.header)?.member ?? null;
      return {
        signer: member?.name ?? null,
        role: member?.role ?? null,
        keyId: verdict.kid,
        fingerprint: verdict.kid ? fingerprintOfKid(verdict.kid) : null,
        onRoster: member !== null,
        verifies: verdict.valid,
        valid: verdict.valid && member !== null,
        verdict,
      };
    },
  );
  return { payload: result.payload, checks };
}

function fingerprintOfKid(kid: string): string | null {
  const digest = Buffer.from(kid, 'base64url');
  return digest.length === 32 ? formatFingerprint(digest.toString('hex')) : null;
}

type Checks = ReturnType<typeof checkSignatures>['checks'];

const HEADER_PROBLEMS: Record<SignatureVerdict['headerFaults'][number]['reason'], ProblemCode> = {
  header_not_disjoint: 'header_not_disjoint',
  crit_unsupported: 'crit_unsupported',
  b64_unsupported: 'b64_unsupported',
  unsupported_alg: 'alg_unsupported',
};

function signatureProblems(checks: Checks, roster: VerifiedRoster | null): VerificationProblem[] {
  const problems: VerificationProblem[] = [];
  const vouched = checks.some((c) => c.valid);
  const clean = checks.filter((c) => c.verdict.headerFaults.length === 0);
  if (roster && !vouched && clean.some((c) => c.onRoster))
    problems.push(problem('content_changed'));
  // A key named by kid alone, with none in the header, cannot be checked without a roster.
  const checkable = clean.filter((c) => c.verdict.reason !== 'unknown_key');
  const anyVerifies = checkable.some((c) => c.verifies);
  if (!roster && checkable.length > 0 && !anyVerifies)
    problems.push(problem('content_changed', { keys: 'carried' }));
  const seen = new Set<string>();
  checks.forEach((c, i) => {
    const signature = `#${i + 1}${c.signer ? ` (${c.signer})` : ''}`;
    for (const fault of c.verdict.headerFaults)
      problems.push(
        problem(HEADER_PROBLEMS[fault.reason], {
          signature,
          names: fault.detail,
          detail: fault.detail,
        }),
      );
  });
  if (!roster) {
    checks.forEach((c, i) => {
      if (c.verdict.headerFaults.length > 0) return;
      const at = { signature: `#${i + 1}`, fingerprint: c.fingerprint ?? c.keyId ?? 'no kid' };
      if (c.verdict.reason === 'unknown_key') problems.push(problem('signature_unverifiable', at));
      else if (!c.verifies && anyVerifies) problems.push(problem('signature_broken', at));
    });
    return problems;
  }
  for (const c of checks) {
    if (c.verdict.headerFaults.length > 0) continue;
    if (!c.onRoster) {
      problems.push(
        problem('signer_not_on_roster', {
          fingerprint: c.fingerprint ?? c.keyId ?? 'no kid',
          verifies: c.verdict.valid ? 'yes' : 'no',
        }),
      );
    } else if (!c.valid && vouched) {
      problems.push(problem('signature_invalid', { signer: c.signer!, role: c.role! }));
    } else if (c.valid && seen.has(c.keyId!)) {
      problems.push(problem('duplicate_signature', { signer: c.signer! }));
    }
    if (c.valid) seen.add(c.keyId!);
  }
  if (vouched)
    for (const role of ['chair', 'secretary'] as const)
      if (!checks.some((c) => c.valid && c.role === role))
        problems.push(
          problem('missing_required_signature', { role, roleKo: ROLE_LABELS_KO[role]! }),
        );
  return problems;
}

interface RecordOutcome {
  claimId: string;
  problems: VerificationProblem[];
}

function checkRecords(decisions: unknown[], roster: VerifiedRoster | null): RecordOutcome[] {
  const memberNames = roster ? new Set(roster.payload.members.map((m) => m.name)) : null;
  const seen = new Set<string>();
  let previousId = '';
  return decisions.map((raw, index) => {
    const fault = recordFault(raw);
    const rawId = (raw as { claimId?: unknown } | null)?.claimId;
    const claimId = typeof rawId === 'string' ? rawId : `#${index + 1}`;
    const at = { claimId };
    const found: VerificationProblem[] = [];
    if (fault) {
      const code = fault.field === 'amount' ? 'amount_inconsistent' : 'payload_malformed';
      const detail = `decision for ${claimId}, ${fault.field} ${fault.message}`;
      found.push(problem(code, { claimId, detail }, at));
    }
    if (seen.has(claimId)) found.push(problem('decision_duplicated', { claimId }, at));
    else if (claimId < previousId) found.push(problem('decisions_out_of_order', { claimId }, at));
    seen.add(claimId);
    if (claimId > previousId) previousId = claimId;
    for (const { member } of fault ? [] : (raw as DecisionRecord).votes)
      if (memberNames && !memberNames.has(member))
        found.push(problem('vote_by_non_member', { claimId, member }, at));
    return { claimId, problems: found };
  });
}

const KNOWN_OUTCOMES: ReadonlySet<string> = new Set(OUTCOMES);

/** What a record states, read leniently: a malformed record is still shown as far as it goes. */
function decisionLine(raw: unknown, claimId: string, ok: boolean): DecisionLine {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { outcome, amount, votes } = record;
  let counts: VoteCounts | null = null;
  if (Array.isArray(votes) && votes.length > 0) {
    counts = { for: 0, against: 0, abstain: 0, recused: 0, absent: 0 };
    for (const v of votes) {
      const cast = (v as { vote?: unknown } | null)?.vote;
      if (typeof cast === 'string' && Object.hasOwn(counts, cast))
        counts[cast as keyof VoteCounts]++;
    }
  }
  return {
    claimId,
    outcome: typeof outcome === 'string' && KNOWN_OUTCOMES.has(outcome) ? outcome : null,
    amount: Number.isSafeInteger(amount) ? (amount as number) : null,
    votes: counts,
    ok,
  };
}

async function checkEvidence(
  decisions: DecisionRecord[],
  source: EvidenceSource,
  outcomes: Map<string, VerificationProblem[]>,
): Promise<{ checked: number; mismatched: number }> {
  let checked = 0;
  let mismatched = 0;
  for (const { claimId, evidence } of decisions) {
    for (const { fileName, sha256 } of evidence) {
      const read = await source.read(fileName);
      const at = { claimId, file: fileName };
      if (!read.ok) {
        outcomes
          .get(claimId)
          ?.push(problem('evidence_missing', { ...at, reason: read.problem }, at));
        continue;
      }
      checked++;
      const found = sha256Hex(read.bytes);
      if (found !== sha256) {
        mismatched++;
        outcomes
          .get(claimId)
          ?.push(problem('evidence_mismatch', { ...at, found, expected: sha256 }, at));
      }
    }
  }
  return { checked, mismatched };
}

/** A file whose JSON is ambiguous (a repeated key) or absurd (too deep) is a finding, not unreadable. */
function ambiguousFile(error: unknown, roster: VerifiedRoster | null): VerificationReport | null {
  if (!(error instanceof JwsFormatError) || !error.fault) return null;
  const { fault } = error;
  const found =
    fault.kind === 'duplicate_key'
      ? problem('duplicate_key', { key: fault.key, path: fault.path })
      : problem('json_too_deep', { depth: fault.depth });
  return {
    valid: false,
    verdict: 'invalid',
    rosterChecked: roster !== null,
    roster: roster ? rosterTrust(roster, null) : null,
    namedRoster: null,
    warnings: roster ? [] : [problem('roster_not_given')],
    signatures: [],
    records: { total: 0, valid: 0, invalid: [] },
    decisions: [],
    evidence: { checked: 0, mismatched: 0 },
    chain: null,
    problems: [found],
  };
}

interface ChainFile {
  payloadSha256: string;
  previous: string | null;
  meetingId: string | null;
  meetingNumber: number | null;
}

function chainFile(text: string): ChainFile | null {
  try {
    const payloadSha256 = decisionFileSha256(text);
    const jws = parseStrictJson(text) as { payload: string };
    const raw = parseStrictJson(Buffer.from(jws.payload, 'base64url').toString('utf8')) as {
      previousFileSha256?: unknown;
      meeting?: { id?: unknown; number?: unknown };
    };
    return {
      payloadSha256,
      previous: typeof raw.previousFileSha256 === 'string' ? raw.previousFileSha256 : null,
      meetingId: typeof raw.meeting?.id === 'string' ? raw.meeting.id : null,
      meetingNumber: typeof raw.meeting?.number === 'number' ? raw.meeting.number : null,
    };
  } catch {
    return null;
  }
}

/**
 * The chain around this file among the files given: the one it names must be there (else
 * chain_broken, as with one previous file), unless every file given is a later one; and a later
 * file for the same meeting that reaches this one by previousFileSha256 supersedes it.
 */
function checkChain(
  self: {
    fileText: string;
    previous: string | null;
    meetingId: string;
    meetingNumber: number;
  },
  texts: string[],
): { problems: VerificationProblem[]; chain: ChainCheck } {
  if (texts.length === 0)
    return {
      problems: [],
      chain: {
        names: self.previous,
        link: self.previous === null ? 'first' : 'not_checked',
        files: [],
      },
    };
  // Hashed only here: on a 10,000-decision file re-reading the payload is not free.
  const payloadSha256 = decisionFileSha256(self.fileText);
  const files = texts.map(chainFile);
  const problems: VerificationProblem[] = [];
  const bySha = new Map<string, ChainFile>();
  for (const f of files) if (f) bySha.set(f.payloadSha256, f);
  const reachesSelf = (f: ChainFile): boolean => {
    let current: ChainFile | undefined = f;
    for (let steps = 0; current && steps <= bySha.size; steps++) {
      if (current.previous === payloadSha256) return true;
      current = current.previous ? bySha.get(current.previous) : undefined;
    }
    return false;
  };
  const later = files.filter((f): f is ChainFile => f !== null && reachesSelf(f));
  const named = self.previous !== null && bySha.has(self.previous);
  const broken = !named && later.length < files.length;
  if (broken) {
    const found = files
      .filter((f) => !later.includes(f!))
      .map((f) => f?.payloadSha256 ?? 'not a decision file')
      .join(', ');
    problems.push(problem('chain_broken', { expected: self.previous ?? 'none', found }));
  }
  const newer = later.filter(
    (f) => f.meetingId === self.meetingId && f.meetingNumber === self.meetingNumber,
  );
  if (newer.length > 0)
    problems.push(
      problem('superseded', {
        by: newer.map((f) => f.payloadSha256).join(', '),
        meeting: self.meetingNumber,
      }),
    );
  const chain: ChainCheck = {
    names: self.previous,
    link: named ? 'holds' : broken ? 'broken' : self.previous === null ? 'first' : 'not_checked',
    files: files.map((f) => ({
      sha256: f?.payloadSha256 ?? null,
      relation:
        f === null
          ? 'other'
          : f.payloadSha256 === self.previous
            ? 'previous'
            : later.includes(f)
              ? 'later'
              : 'other',
    })),
  };
  return { problems, chain };
}

/**
 * Checks a signed decision file. Throws JwsFormatError when the text is not a General JWS at
 * all (the CLI's "unreadable"); everything else is a finding in the report, a repeated key
 * included.
 */
export async function verifyDecisionFile(
  fileText: string,
  options: VerifyOptions,
): Promise<VerificationReport> {
  const { roster } = options;
  let signed: ReturnType<typeof checkSignatures>;
  try {
    signed = checkSignatures(fileText, roster);
  } catch (error) {
    const report = ambiguousFile(error, roster);
    if (report) return report;
    throw error;
  }
  const { payload, checks } = signed;
  const problems = signatureProblems(checks, roster);
  const warnings: VerificationProblem[] = roster ? [] : [problem('roster_not_given')];
  let trust: VerificationReport['roster'] = null;
  if (roster) {
    trust = rosterTrust(roster, options.trustedRoster ?? null, options.knownRosters);
    if (trust.trust === 'unchecked')
      warnings.push(problem('roster_not_checked', { found: roster.fingerprint }));
    else if (trust.trust === 'untrusted')
      problems.unshift(
        problem('roster_untrusted', {
          found: roster.fingerprint,
          trusted: trust.trustedFingerprint ?? '-',
        }),
      );
  }
  const signatures = checks.map(({ verdict: _verdict, ...check }) => check);
  const report = (
    records: VerificationReport['records'],
    found: Pick<VerificationReport, 'namedRoster' | 'decisions' | 'evidence' | 'chain'> = {
      namedRoster: null,
      decisions: [],
      evidence: { checked: 0, mismatched: 0 },
      chain: null,
    },
  ): VerificationReport => {
    const verdict = problems.length > 0 ? 'invalid' : roster ? 'valid' : 'intact_unjudged';
    return {
      valid: verdict === 'valid',
      verdict,
      rosterChecked: roster !== null,
      roster: trust,
      namedRoster: found.namedRoster,
      warnings,
      signatures,
      records,
      decisions: found.decisions,
      evidence: found.evidence,
      chain: found.chain,
      problems,
    };
  };

  let raw: unknown;
  try {
    raw = parseStrictJson(payload);
  } catch (error) {
    const fault = error instanceof StrictJsonError ? error.fault : null;
    problems.push(
      fault?.kind === 'duplicate_key'
        ? problem('duplicate_key', { key: fault.key, path: `payload ${fault.path}` })
        : problem('payload_malformed', { detail: (error as Error).message }),
    );
    return report({ total: 0, valid: 0, invalid: [] });
  }

  const envelope = decisionEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    problems.push(
      problem('payload_malformed', { detail: `${issue?.path.join('.')}: ${issue?.message}` }),
    );
    return report({ total: 0, valid: 0, invalid: [] });
  }
  const file = envelope.data;
  if (roster && file.roster.sha256 !== roster.sha256)
    problems.push(
      problem('roster_mismatch', {
        expected: file.roster.fingerprint,
        expectedVersion: file.roster.version,
        found: roster.fingerprint,
        foundVersion: roster.payload.version,
      }),
    );
  if (roster && roster.payload.validFrom > file.meeting.date)
    problems.push(
      problem('roster_not_yet_valid', {
        validFrom: roster.payload.validFrom,
        date: file.meeting.date,
      }),
    );

  const outcomes = checkRecords(file.decisions, roster);
  const byClaim = new Map(outcomes.map((o) => [o.claimId, o.problems]));
  const wellFormed = file.decisions.filter(
    (_, i) => outcomes[i]!.problems.length === 0,
  ) as DecisionRecord[];
  const evidence = options.evidence
    ? await checkEvidence(wellFormed, options.evidence, byClaim)
    : { checked: 0, mismatched: 0 };

  const chainTexts = [
    ...(options.previousFile !== undefined ? [options.previousFile] : []),
    ...(options.otherFiles ?? []),
  ];
  const linked = checkChain(
    {
      fileText,
      previous: file.previousFileSha256,
      meetingId: file.meeting.id,
      meetingNumber: file.meeting.number,
    },
    chainTexts,
  );
  problems.push(...linked.problems);

  // Unvouched content vouches for no record: every one is listed, none is trusted. Nor does
  // content vouched for by an untrusted roster's keys. Without a roster, content is vouched for
  // as intact (not as decided by the council) when every signature still matches it.
  const vouched = roster
    ? checks.some((c) => c.valid) && trust?.trust !== 'untrusted'
    : checks.every((c) => c.verifies);
  const failed = outcomes.map((o) => !vouched || o.problems.length > 0);
  const invalid = outcomes.filter((_, i) => failed[i]).map((o) => o.claimId);
  for (const o of outcomes) problems.push(...o.problems);
  return report(
    { total: outcomes.length, valid: outcomes.length - invalid.length, invalid },
    {
      namedRoster: { ...file.roster },
      decisions: file.decisions.map((raw, i) =>
        decisionLine(raw, outcomes[i]!.claimId, !failed[i]),
      ),
      evidence,
      chain: linked.chain,
    },
  );
}
