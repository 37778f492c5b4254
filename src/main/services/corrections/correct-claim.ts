import { SECRETARIAT } from '../../../shared/domain/acts';
import {
  BATCH_FIELDS,
  FIELD_HEADERS,
  normaliseHeader,
  type BatchField,
  type RawClaimRow,
} from '../../../shared/domain/batch-format';
import type { Claim } from '../../../shared/domain/claim';
import { CORRECTABLE_FIELDS, type CorrectableField } from '../../../shared/domain/claim-correction';
import { validateClaimRow } from '../../../shared/domain/claim-row';
import { TierRuleError } from '../../../shared/domain/tier';
import type { CorrectionResult } from '../../../shared/ipc/corrections-schemas';
import { durableTransaction } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit-log';
import { getClaim } from '../../db/repositories/claims';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { requireRole, signerOf } from '../identity/acting';
import { contentOf, recordClaimVersion } from './claim-version';

export interface CorrectionRequest {
  claimId: string;
  /** New values as a batch file writes them ("800,000원", "소상공인"), by field or header name. */
  changes: Record<string, string>;
  reason: string;
}

export type { CorrectionResult } from '../../../shared/ipc/corrections-schemas';

const FIELD_BY_NAME = new Map<string, BatchField>(
  BATCH_FIELDS.flatMap((field) => [
    [normaliseHeader(field), field],
    [normaliseHeader(FIELD_HEADERS[field].ko), field],
  ]),
);

function fieldNamed(name: string): BatchField {
  const field = FIELD_BY_NAME.get(normaliseHeader(name));
  if (field === undefined)
    throw new ServiceError('validation_failed', `"${name}" is not a claim field`, [
      { path: `changes.${name}`, code: 'unknown_field', message: `no field "${name}"` },
    ]);
  if (!(CORRECTABLE_FIELDS as readonly string[]).includes(field))
    throw new ServiceError(
      'validation_failed',
      field === 'claim_id'
        ? 'a claim id cannot be corrected: it names the claim in every signed file'
        : 'evidence is attached, not corrected: review-desk attach',
      [
        {
          path: `changes.${name}`,
          code: 'not_correctable',
          message: `${field} cannot be corrected`,
        },
      ],
    );
  return field;
}

/** The claim as a batch row would write it, so a correction goes through the import's checks. */
function rawRowOf(claim: Claim): RawClaimRow {
  return {
    claim_id: claim.claimId,
    received_at: claim.receivedAt,
    claimant_type: claim.claimantType,
    affiliate: claim.affiliate,
    service: claim.service,
    paid: claim.paid ? 'Y' : 'N',
    damage_type: claim.damageType,
    business_reg_no: claim.businessRegNo ?? '',
    business_name: claim.businessName ?? '',
    industry: claim.industry ?? '',
    claimed_loss: claim.claimedLoss === null ? '' : String(claim.claimedLoss),
    description: claim.description,
    contact: claim.contact ?? '',
    evidence: claim.evidence.join(';'),
  };
}

function changedFields(before: Claim, after: Claim): CorrectableField[] {
  const raw = [rawRowOf(before), rawRowOf(after)] as const;
  return CORRECTABLE_FIELDS.filter((field) => raw[0][field] !== raw[1][field]);
}

/**
 * Corrects a claim's data as a new version of it (never an edit in place): the new values go
 * through the same checks as a batch row, the tier is classified again under the current rule
 * (council review stays so after an admitted appeal), and the audit log records who, when, why,
 * both content hashes and both tiers. The earlier versions stay, so a decision file signed over
 * the old content still finds it.
 */
export function correctClaim(ctx: ServiceContext, request: CorrectionRequest): CorrectionResult {
  const person = requireRole(ctx, SECRETARIAT, 'Correcting a claim');
  const reason = request.reason.trim();
  if (reason === '')
    throw new ServiceError('validation_failed', 'say why the claim is corrected (--reason)', [
      { path: 'reason', code: 'required', message: 'a reason is required' },
    ]);
  const entries = Object.entries(request.changes);
  if (entries.length === 0)
    throw new ServiceError('validation_failed', 'name at least one field to correct (--set)', [
      { path: 'changes', code: 'required', message: 'no change given' },
    ]);
  const changes = entries.map(([name, value]) => [fieldNamed(name), value.trim()] as const);
  return durableTransaction(
    ctx.db,
    () => {
      const stored = getClaim(ctx.db, request.claimId);
      if (!stored) throw new ServiceError('not_found', `no claim ${request.claimId}`);
      const before = contentOf(ctx.db, stored);
      const raw = rawRowOf(before);
      for (const [field, value] of changes) raw[field] = value;
      const checked = validateClaimRow(raw);
      if (!checked.ok)
        throw new ServiceError(
          'validation_failed',
          `${request.claimId}: ${checked.issues.map((i) => `${FIELD_HEADERS[i.field].ko} (${i.field}): ${i.en}`).join('; ')}; nothing was changed`,
          checked.issues.map((i) => ({ path: `changes.${i.field}`, code: i.code, message: i.en })),
        );
      const fields = changedFields(before, checked.claim);
      if (fields.length === 0)
        throw new ServiceError(
          'validation_failed',
          `${request.claimId} already holds these values; nothing was changed`,
        );
      const at = ctx.now().toISOString();
      let change;
      try {
        change = recordClaimVersion(ctx.db, {
          claimId: stored.claimId,
          content: checked.claim,
          reason,
          by: person.name,
          at,
        });
      } catch (error) {
        if (error instanceof TierRuleError)
          throw new ServiceError('validation_failed', `${request.claimId}: ${error.message}`);
        throw error;
      }
      const { from, to } = change;
      appendAudit(ctx.db, signerOf(ctx), {
        at,
        action: 'claim.corrected',
        subjectType: 'claim',
        subjectId: stored.claimId,
        details: {
          fromVersion: from.version,
          toVersion: to.version,
          previousHash: from.contentHash,
          contentHash: to.contentHash,
          fields,
          tierFrom: from.tier,
          tierTo: to.tier,
          tierRuleVersion: to.tierRuleVersion,
          reason,
        },
      });
      return {
        claimId: stored.claimId,
        fromVersion: from.version,
        toVersion: to.version,
        previousHash: from.contentHash,
        contentHash: to.contentHash,
        fields,
        tier: { from: from.tier, to: to.tier, ruleVersion: to.tierRuleVersion },
      };
    },
    'immediate',
  );
}
