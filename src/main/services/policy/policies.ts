import { canonicalJson } from '../../../shared/domain/canonical-json';
import { normalizePolicyKey, validatePolicyBody } from '../../../shared/domain/support-calculator';
import {
  POLICY_TABLES,
  type PolicyRow,
  type SupportPolicy,
  type SupportPolicyBody,
} from '../../../shared/domain/support-policy';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import {
  findLatestPolicy,
  findPolicy,
  insertPolicy,
  listPolicySummaries,
  type PolicySummary,
} from '../../db/repositories/support-policies';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { hashCanonical } from '../hashing';
import { recomputeClaimSupport } from '../support/claim-support';
import { requireSecretary } from '../people/people';

export function listPolicies(ctx: ServiceContext): PolicySummary[] {
  return listPolicySummaries(ctx.db);
}

/** One version, or the latest when none is named. */
export function getPolicy(ctx: ServiceContext, version?: number): SupportPolicy {
  const policy = version === undefined ? findLatestPolicy(ctx.db) : findPolicy(ctx.db, version);
  if (!policy) {
    throw new ServiceError(
      'not_found',
      version === undefined
        ? 'no support policy exists'
        : `support policy ${version} does not exist`,
    );
  }
  return policy;
}

/**
 * Only the known fields, keys in the form the calculator compares them in, so the stored body
 * (and its hash) does not depend on stray spaces or how the caller's object was built.
 */
function normalizeBody(body: SupportPolicyBody): SupportPolicyBody {
  const rows = (table: PolicyRow[]) =>
    table.map((row) => ({
      key: normalizePolicyKey(row.key),
      factorBp: row.factorBp,
      source: row.source.trim(),
    }));
  const tables = Object.fromEntries(POLICY_TABLES.map((table) => [table, rows(body[table])]));
  return {
    ...(tables as Pick<SupportPolicyBody, (typeof POLICY_TABLES)[number]>),
    rounding: { mode: body.rounding.mode, unit: body.rounding.unit },
    minimumAmount: body.minimumAmount,
    maximumAmount: body.maximumAmount,
  };
}

/**
 * Makes the next policy version from an edited copy of the latest one. Versions are never
 * edited; `basedOn` must be the latest version, or the secretary edited a stale copy and
 * would silently drop someone else's change.
 */
export function createPolicyVersion(
  ctx: ServiceContext,
  request: { basedOn: number; note: string; body: SupportPolicyBody },
): SupportPolicy {
  requireSecretary(ctx, 'a new support policy version');
  const note = request.note.trim();
  const body = normalizeBody(request.body);
  const issues: ServiceError['issues'] = validatePolicyBody(body).map((issue) => ({
    path: `body.${issue.path}`,
    code: issue.code,
    message: issue.en,
  }));
  if (note === '') issues.push({ path: 'note', code: 'note_required', message: 'Give a note.' });
  if (issues.length > 0) {
    throw new ServiceError(
      'validation_failed',
      `the policy breaks ${issues.length} rule(s): ${issues.map((i) => i.code).join(', ')}`,
      issues,
    );
  }
  const { db } = ctx;
  return db.transaction(() => {
    const latest = findLatestPolicy(db);
    if (!latest || latest.version !== request.basedOn) {
      throw new ServiceError(
        'conflict',
        `policy version ${latest?.version ?? 0} is the latest, not ${request.basedOn}: ` +
          'someone saved a newer version meanwhile; start again from it',
      );
    }
    const createdAt = ctx.now().toISOString();
    const summary: PolicySummary = {
      version: latest.version + 1,
      basedOn: latest.version,
      createdAt,
      createdBy: ctx.actor,
      note,
      bodyHash: hashCanonical(body),
    };
    // Stored as canonical JSON, so SHA-256 of the stored text is the recorded hash.
    insertPolicy(db, { ...summary, bodyJson: canonicalJson(body) });
    // Every claim's calculated support follows the newest policy.
    recomputeClaimSupport(db);
    appendAudit(db, signerOf(ctx), {
      at: createdAt,
      action: 'policy.versioned',
      subjectType: 'policy',
      subjectId: String(summary.version),
      details: {
        version: summary.version,
        basedOn: summary.basedOn,
        note,
        bodyHash: summary.bodyHash,
      },
    });
    return { ...summary, body };
  })();
}
