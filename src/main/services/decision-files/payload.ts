import { z } from 'zod';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { ServiceError } from '../errors';
import { recordFault, type DecisionRecord } from './record-check';

export { VOTES, type DecisionRecord } from './record-check';

/**
 * The signed content of a decision file: one meeting's final decisions. The builder writes
 * decisions in claim-id order (and votes and evidence in name order), so the same decisions
 * always make the same bytes, and a verifier can point at a record that is out of that order.
 */
export const DECISION_FILE_FORMAT = 'review-desk-decisions/1';
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case SHA-256 hex digest');

export const meetingSchema = z.strictObject({
  id: z.string().min(1).max(64),
  number: z.number().int().min(1),
  date: z.iso.date(),
  place: z.string().max(200),
});

export const rosterReferenceSchema = z.strictObject({
  version: z.number().int().min(1),
  sha256: sha256Hex,
  fingerprint: z.string(),
});

/** Everything but the decisions, which are checked one by one so a fault names its claim. */
export const decisionEnvelopeSchema = z.strictObject({
  format: z.literal(DECISION_FILE_FORMAT),
  council: z.string().min(1).max(200),
  meeting: meetingSchema,
  policyVersion: z.number().int().min(1),
  roster: rosterReferenceSchema,
  decisions: z.array(z.unknown()),
  minutesSha256: sha256Hex.nullable(),
  previousFileSha256: sha256Hex.nullable(),
});

export type DecisionPayload = Omit<z.infer<typeof decisionEnvelopeSchema>, 'decisions'> & {
  decisions: DecisionRecord[];
};

/** What the meeting service hands over; the roster may be a whole VerifiedRoster. */
export interface DecisionFileInput {
  council: string;
  meeting: DecisionPayload['meeting'];
  policyVersion: number;
  roster: { sha256: string; fingerprint: string; version?: number; payload?: { version: number } };
  decisions: DecisionRecord[];
  minutesSha256?: string | null;
  previousFileSha256?: string | null;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildDecisionPayload(input: DecisionFileInput): DecisionPayload {
  const decisions = [...input.decisions]
    .sort((a, b) => byText(a.claimId, b.claimId))
    .map((d) => ({
      ...d,
      votes: [...d.votes].sort((a, b) => byText(a.member, b.member)),
      evidence: [...d.evidence].sort((a, b) => byText(a.fileName, b.fileName)),
    }));
  for (let i = 1; i < decisions.length; i++)
    if (decisions[i]!.claimId === decisions[i - 1]!.claimId)
      throw new ServiceError('validation_failed', `two decisions for ${decisions[i]!.claimId}`);
  const envelope = decisionEnvelopeSchema.safeParse({
    format: DECISION_FILE_FORMAT,
    council: input.council,
    meeting: input.meeting,
    policyVersion: input.policyVersion,
    roster: {
      version: input.roster.version ?? input.roster.payload?.version,
      sha256: input.roster.sha256,
      fingerprint: input.roster.fingerprint,
    },
    decisions: [],
    minutesSha256: input.minutesSha256 ?? null,
    previousFileSha256: input.previousFileSha256 ?? null,
  });
  if (!envelope.success) throw invalid(envelope.error.issues[0], '');
  for (const decision of decisions) {
    const fault = recordFault(decision);
    if (fault)
      throw new ServiceError(
        'validation_failed',
        `decision for ${decision.claimId}: ${fault.field} ${fault.message}`,
      );
  }
  return { ...envelope.data, decisions };
}

function invalid(issue: z.core.$ZodIssue | undefined, prefix: string): ServiceError {
  return new ServiceError(
    'validation_failed',
    `${prefix}${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
  );
}

/** The exact text that gets signed. */
export function canonicalDecisionPayload(payload: DecisionPayload): string {
  return canonicalJson(payload);
}
