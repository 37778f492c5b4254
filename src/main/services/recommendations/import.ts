import type { MemberRecommendation } from '../../../shared/domain/committee/agreement';
import type { ReasonCode } from '../../../shared/domain/decision';
import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit-log';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { sha256Hex } from '../hashing';
import { latestRoster, type VerifiedRoster } from '../roster';
import { JwsFormatError, verifyGeneral } from '../signing/jws';
import { publicKeyFromJwk } from '../signing/keys';
import { recommendationsPayloadSchema, type RecommendationsPayload } from './payload';

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
 */

const RECOMMENDING_ROLES = new Set(['member', 'chair']);

export interface ImportedRecommendationFile {
  member: string;
  count: number;
  fileSha256: string;
  /** True when this exact file was already imported: nothing was written. */
  alreadyImported: boolean;
}

export interface RefusedRecommendationFile {
  index: number;
  reason: string;
}

export interface ImportRecommendationsResult {
  files: ImportedRecommendationFile[];
  refused: RefusedRecommendationFile[];
}

class Refused extends Error {}

function refuse(reason: string): never {
  throw new Refused(reason);
}

interface Checked {
  payload: RecommendationsPayload;
  member: string;
  kid: string;
  batchId: number;
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
    if (error instanceof JwsFormatError)
      refuse(`not a signed recommendations file: ${error.message}`);
    throw error;
  }
  if (verification.signatures.length !== 1)
    refuse(
      `a recommendations file has one signature, this one has ${verification.signatures.length}`,
    );
  const [verdict] = verification.signatures;
  const kid = verdict!.kid;
  if (verdict!.reason === 'unknown_key')
    refuse(`signed by key ${kid ?? '(no kid)'}, which is not on roster v${roster.payload.version}`);
  if (!verdict!.valid)
    refuse(
      verdict!.reason === 'bad_signature'
        ? 'the signature does not match: the file was altered after it was signed'
        : `the signature is not acceptable (${verdict!.reason})`,
    );
  const signer = byKid.get(kid!)!;
  if (!RECOMMENDING_ROLES.has(signer.role))
    refuse(
      `signed by ${signer.name}, whose role on roster v${roster.payload.version} is ${signer.role}; only members and the chair recommend`,
    );

  let raw: unknown;
  try {
    raw = JSON.parse(verification.payload);
  } catch {
    refuse('the signed payload is not JSON');
  }
  const parsed = recommendationsPayloadSchema.safeParse(raw);
  if (!parsed.success)
    refuse(`not a recommendations file: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`);
  const payload = parsed.data;
  if (payload.member.kid !== signer.kid)
    refuse(
      `the file names key ${payload.member.kid} but is signed by ${signer.name}'s key ${signer.kid}`,
    );
  if (payload.member.name !== signer.name)
    refuse(`the file names ${payload.member.name} but is signed by ${signer.name}'s key`);

  const batch = db
    .prepare('SELECT id FROM batches WHERE content_hash = ?')
    .get(payload.batch.contentHash) as { id: number } | undefined;
  if (!batch)
    refuse(
      `batch "${payload.batch.name}" (content hash ${payload.batch.contentHash.slice(0, 12)}…) is not imported in this workspace`,
    );
  const claimAt = db.prepare(
    'SELECT batch_id AS batchId, content_hash AS hash FROM claims WHERE claim_id = ?',
  );
  for (const rec of payload.recommendations) {
    const claim = claimAt.get(rec.claimId) as { batchId: number; hash: string } | undefined;
    if (!claim) refuse(`claim ${rec.claimId} does not exist in this workspace`);
    if (claim.batchId !== batch.id)
      refuse(`claim ${rec.claimId} is not in batch "${payload.batch.name}" here`);
    if (claim.hash !== rec.claimContentHash)
      refuse(
        `claim ${rec.claimId} differs: its content hash here is ${claim.hash.slice(0, 12)}…, the file's is ${rec.claimContentHash.slice(0, 12)}…`,
      );
  }
  return { payload, member: signer.name, kid: signer.kid, batchId: batch.id };
}

function importOne(
  ctx: ServiceContext,
  roster: VerifiedRoster,
  fileText: string,
): ImportedRecommendationFile {
  return ctx.db.transaction((): ImportedRecommendationFile => {
    const fileSha256 = sha256Hex(fileText);
    const same = ctx.db
      .prepare(
        `SELECT f.member, (SELECT count(*) FROM recommendations r WHERE r.file_id = f.id) AS count
         FROM recommendation_files f WHERE f.file_sha256 = ?`,
      )
      .get(fileSha256) as { member: string; count: number } | undefined;
    if (same) return { ...same, fileSha256, alreadyImported: true };

    const checked = verifyFile(ctx.db, roster, fileText);
    const at = ctx.now().toISOString();
    const fileId = Number(
      ctx.db
        .prepare(
          `INSERT INTO recommendation_files (file_sha256, member, kid, batch_id, created_at,
             imported_at, imported_by, file_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          fileSha256,
          checked.member,
          checked.kid,
          checked.batchId,
          checked.payload.createdAt,
          at,
          ctx.actor,
          fileText,
        ).lastInsertRowid,
    );
    const insert = ctx.db.prepare(
      `INSERT INTO recommendations (file_id, claim_id, outcome, amount, reason_codes, note)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const rec of checked.payload.recommendations)
      insert.run(
        fileId,
        rec.claimId,
        rec.outcome,
        rec.amount,
        JSON.stringify(rec.reasonCodes),
        rec.note,
      );
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor,
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
    return {
      member: checked.member,
      count: checked.payload.recommendations.length,
      fileSha256,
      alreadyImported: false,
    };
  })();
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
      'no committee roster is imported; import the signed roster before members’ files',
    );
  const result: ImportRecommendationsResult = { files: [], refused: [] };
  fileTexts.forEach((fileText, index) => {
    try {
      result.files.push(importOne(ctx, roster, fileText));
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      result.refused.push({ index, reason: error.message });
    }
  });
  return result;
}

interface RecommendationRow {
  claimId: string;
  member: string;
  outcome: MemberRecommendation['outcome'];
  amount: number | null;
  reasonCodes: string;
}

/**
 * Per claim, each member's recommendation from that member's latest file for the claim's
 * batch (payload createdAt, then import order), members in name order.
 */
export function recommendationsByClaim(
  db: Db,
  batchId?: number,
): Map<string, MemberRecommendation[]> {
  const rows = db
    .prepare(
      `SELECT r.claim_id AS claimId, f.member, r.outcome, r.amount, r.reason_codes AS reasonCodes
       FROM recommendations r JOIN recommendation_files f ON f.id = r.file_id
       WHERE (@batch IS NULL OR f.batch_id = @batch)
         AND f.id = (SELECT g.id FROM recommendation_files g
                     WHERE g.member = f.member AND g.batch_id = f.batch_id
                     ORDER BY g.created_at DESC, g.id DESC LIMIT 1)
       ORDER BY r.claim_id, f.member`,
    )
    .all({ batch: batchId ?? null }) as RecommendationRow[];
  const byClaim = new Map<string, MemberRecommendation[]>();
  for (const row of rows) {
    const list = byClaim.get(row.claimId) ?? [];
    list.push({
      member: row.member,
      outcome: row.outcome,
      amount: row.amount,
      reasonCodes: JSON.parse(row.reasonCodes) as ReasonCode[],
    });
    byClaim.set(row.claimId, list);
  }
  return byClaim;
}
