import type { KeyObject } from 'node:crypto';
import { formatFingerprint } from '../../../shared/domain/signing/fingerprint';
import {
  problem,
  ROLE_LABELS_KO,
  type SignatureCheck,
  type VerificationProblem,
  type VerificationReport,
} from '../../../shared/domain/signing/verification-report';
import type { EvidenceSource } from '../evidence/source';
import { sha256Hex } from '../hashing';
import type { RosterMember, VerifiedRoster } from '../roster';
import { verifyGeneral, type SignatureVerdict } from '../signing/jws';
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
 */
export interface VerifyOptions {
  /** The verified roster the file is checked against; without one no signer is trusted. */
  roster: VerifiedRoster | null;
  evidence?: EvidenceSource;
  /** The text of the decision file this one says it follows. */
  previousFile?: string;
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

function signatureProblems(checks: Checks, roster: VerifiedRoster | null): VerificationProblem[] {
  const problems: VerificationProblem[] = [];
  if (!roster) problems.push(problem('roster_not_given'));
  const vouched = checks.some((c) => c.valid);
  const onRoster = checks.filter((c) => c.onRoster);
  if (roster && !vouched && onRoster.length > 0) problems.push(problem('content_changed'));
  const seen = new Set<string>();
  for (const c of checks) {
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
  if (roster && vouched)
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

/**
 * Checks a signed decision file. Throws JwsFormatError when the text is not a General JWS at
 * all (the CLI's "unreadable"); everything else is a finding in the report.
 */
export async function verifyDecisionFile(
  fileText: string,
  options: VerifyOptions,
): Promise<VerificationReport> {
  const { roster } = options;
  const { payload, checks } = checkSignatures(fileText, roster);
  const problems = signatureProblems(checks, roster);
  const signatures = checks.map(({ verdict: _verdict, ...check }) => check);
  const report = (
    records: VerificationReport['records'],
    evidence = { checked: 0, mismatched: 0 },
  ) => ({
    valid: problems.length === 0,
    signatures,
    records,
    evidence,
    problems,
  });

  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    problems.push(problem('payload_malformed', { detail: 'not JSON' }));
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

  if (options.previousFile !== undefined) {
    const found = decisionFileSha256(options.previousFile);
    if (found !== file.previousFileSha256)
      problems.push(
        problem('chain_broken', { expected: file.previousFileSha256 ?? 'none', found }),
      );
  }

  // Unvouched content vouches for no record: every one is listed, none is trusted.
  const vouched = checks.some((c) => c.valid);
  const invalid = outcomes.filter((o) => !vouched || o.problems.length > 0).map((o) => o.claimId);
  for (const o of outcomes) problems.push(...o.problems);
  return report(
    { total: outcomes.length, valid: outcomes.length - invalid.length, invalid },
    evidence,
  );
}
