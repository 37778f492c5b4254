import { durableTransaction, type Db } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { findBatchByContentHash } from '../../db/repositories/batches';
import { claimHashLookup } from '../../db/repositories/claims';
import {
  findRecommendationFileBySha256,
  insertRecommendationFile,
  recommendationInserter,
} from '../../db/repositories/recommendations';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { sha256Hex } from '../hashing';
import { latestRoster, type VerifiedRoster } from '../roster';
import { JwsFormatError, verifyGeneral } from '../signing/jws';
import { publicKeyFromJwk } from '../signing/keys';
import { writeClaimAgreement } from './agreement-summary';
import { recommendationsPayloadSchema, type RecommendationsPayload } from './payload';
import { recommendationsByClaim } from './queries';
import { refuse, RefusedFile, type Refusal } from './refusals';

/*
 * Importing members' recommendation files on the secretary's machine. The choices:
 * - Files are independent and each is all-or-nothing: a file that fails any check stores
 *   nothing and is reported (index and reason) while the other files still import. One bad
 *   claim hash refuses the whole file, since a member's file is one signed statement.
 * - Trust comes from the latest imported roster only: the single signature's kid must be on it
 *   with role member or chair, and must equal payload.member.kid; the member is recorded by
 *   the roster's name (a payload naming someone else is refused).
 * - The batch is found by its content hash (batch ids are local to each workspace); every
 *   claim must be in that batch here with the same content hash.
 * - The same file (by SHA-256 of its bytes) imported again is a no-op, reported as such.
 * - A newer file (payload createdAt, then import order) from the same member for the same
 *   batch supersedes the older one in recommendationsByClaim; both stay stored.
 * - Each file's transaction also rewrites its batch's per-claim agreement (claim_agreement),
 *   which the review grid sorts and filters on.
 */

const RECOMMENDING_ROLES = new Set(['member', 'chair']);

export interface ImportedRecommendationFile {
  /** Position of the file in the request. */
  index: number;
  member: string;
  batchId: number;
  batchName: string;
  count: number;
  fileSha256: string;
  /** True when this exact file was already imported: nothing was written. */
  alreadyImported: boolean;
}

export interface RefusedRecommendationFile extends Refusal {
  index: number;
}

export interface ImportRecommendationsResult {
  files: ImportedRecommendationFile[];
  refused: RefusedRecommendationFile[];
}

interface Checked {
  payload: RecommendationsPayload;
  member: string;
  kid: string;
  batchId: number;
  batchName: string;
}

function verifyFile(db: Db, roster: VerifiedRoster, fileText: string): Checked {
  const byKid = new Map(roster.payload.members.map((m) => [m.kid, m]));
  let verification;
  try {
    verification = verifyGeneral(fileText, (kid) => {
      const member = kid === null ? undefined : byKid.get(kid);
      return member ? publicKeyFromJwk(member.jwk) : null;
    });
  } catch (error) {
    if (!(error instanceof JwsFormatError)) throw error;
    if (error.fault?.kind === 'duplicate_key')
      refuse('duplicate_key', { key: error.fault.key, path: error.fault.path });
    if (error.fault?.kind === 'too_deep') refuse('too_deep', { depth: error.fault.depth });
    refuse('not_signed', { detail: error.message });
  }
  if (verification.signatures.length !== 1)
    refuse('signature_count', { count: verification.signatures.length });
  const [verdict] = verification.signatures;
  const kid = verdict!.kid;
  const version = roster.payload.version;
  if (verdict!.reason === 'unknown_key') refuse('unknown_key', { kid: kid ?? '(no kid)', version });
  const headerFault = verdict!.headerFaults[0];
  if (headerFault) refuse(headerFault.reason, { detail: headerFault.detail });
  if (!verdict!.valid)
    refuse(verdict!.reason === 'bad_signature' ? 'altered' : 'signature_unacceptable', {
      reason: String(verdict!.reason),
    });
  const signer = byKid.get(kid!)!;
  if (!RECOMMENDING_ROLES.has(signer.role))
    refuse('role_not_recommending', { name: signer.name, version, role: signer.role });

  let raw: unknown;
  try {
    raw = JSON.parse(verification.payload);
  } catch {
    refuse('payload_not_json');
  }
  const parsed = recommendationsPayloadSchema.safeParse(raw);
  if (!parsed.success)
    refuse('payload_invalid', { detail: parsed.error.issues[0]?.message ?? 'invalid payload' });
  const payload = parsed.data;
  if (payload.member.kid !== signer.kid)
    refuse('kid_mismatch', { fileKid: payload.member.kid, name: signer.name, kid: signer.kid });
  if (payload.member.name !== signer.name)
    refuse('name_mismatch', { fileName: payload.member.name, name: signer.name });

  const batch = findBatchByContentHash(db, payload.batch.contentHash);
  if (!batch)
    refuse('batch_missing', {
      batch: payload.batch.name,
      hash: payload.batch.contentHash.slice(0, 12),
    });
  const claimAt = claimHashLookup(db);
  for (const rec of payload.recommendations) {
    const claim = claimAt(rec.claimId);
    if (!claim) refuse('claim_missing', { claimId: rec.claimId });
    if (claim.batchId !== batch.id)
      refuse('claim_other_batch', { claimId: rec.claimId, batch: payload.batch.name });
    if (claim.hash !== rec.claimContentHash)
      refuse('claim_differs', {
        claimId: rec.claimId,
        here: claim.hash.slice(0, 12),
        file: rec.claimContentHash.slice(0, 12),
      });
  }
  return {
    payload,
    member: signer.name,
    kid: signer.kid,
    batchId: batch.id,
    batchName: batch.name,
  };
}

function importOne(
  ctx: ServiceContext,
  roster: VerifiedRoster,
  fileText: string,
): Omit<ImportedRecommendationFile, 'index'> {
  return durableTransaction(ctx.db, (): Omit<ImportedRecommendationFile, 'index'> => {
    const fileSha256 = sha256Hex(fileText);
    const same = findRecommendationFileBySha256(ctx.db, fileSha256);
    if (same) return { ...same, fileSha256, alreadyImported: true };

    const checked = verifyFile(ctx.db, roster, fileText);
    const at = ctx.now().toISOString();
    const fileId = insertRecommendationFile(ctx.db, {
      fileSha256,
      member: checked.member,
      kid: checked.kid,
      batchId: checked.batchId,
      createdAt: checked.payload.createdAt,
      importedAt: at,
      importedBy: ctx.actor,
      fileText,
    });
    const insert = recommendationInserter(ctx.db);
    for (const rec of checked.payload.recommendations)
      insert({
        fileId,
        claimId: rec.claimId,
        outcome: rec.outcome,
        amount: rec.amount,
        reasonCodes: rec.reasonCodes,
        note: rec.note,
      });
    appendAudit(ctx.db, signerOf(ctx), {
      at,
      action: 'recommendations.imported',
      subjectType: 'batch',
      subjectId: String(checked.batchId),
      details: {
        recommendationFileId: fileId,
        member: checked.member,
        kid: checked.kid,
        fileSha256,
        createdAt: checked.payload.createdAt,
        count: checked.payload.recommendations.length,
        claimIds: checked.payload.recommendations.map((r) => r.claimId),
        roster: { version: roster.payload.version, fingerprint: roster.fingerprint },
      },
    });
    writeClaimAgreement(ctx.db, checked.batchId, recommendationsByClaim(ctx.db, checked.batchId));
    return {
      member: checked.member,
      batchId: checked.batchId,
      batchName: checked.batchName,
      count: checked.payload.recommendations.length,
      fileSha256,
      alreadyImported: false,
    };
  });
}

/** Verifies and stores each file on its own; see the choices above. */
export function importRecommendations(
  ctx: ServiceContext,
  fileTexts: string[],
): ImportRecommendationsResult {
  const roster = latestRoster(ctx.db);
  if (!roster)
    throw new ServiceError(
      'conflict',
      '위원 명부를 먼저 가져오세요 / no committee roster is imported; import the signed roster before members’ files',
    );
  const result: ImportRecommendationsResult = { files: [], refused: [] };
  fileTexts.forEach((fileText, index) => {
    try {
      result.files.push({ index, ...importOne(ctx, roster, fileText) });
    } catch (error) {
      if (!(error instanceof RefusedFile)) throw error;
      result.refused.push({ index, ...error.refusal });
    }
  });
  return result;
}
