import type { Db } from '../../db/connection';
import { decisionFileTextContaining } from '../../db/repositories/decision-files';
import { diffDecisionRecords, diffPayloadHeader } from '../../../shared/domain/signing/record-diff';
import {
  problem,
  type VerificationProblem,
} from '../../../shared/domain/signing/verification-report';
import { parseGeneralJws } from '../signing/jws';

/**
 * When a decision file's content no longer matches its signatures, the file alone cannot say
 * which decision changed. The workspace that signed it keeps the exact text of every file it
 * exported (decision_files); an altered copy usually keeps the original signatures, so a
 * signature value finds the original, and comparing the two names the claim and the field.
 */

function payloadOf(fileText: string): Record<string, unknown> | null {
  try {
    const json = Buffer.from(parseGeneralJws(fileText).payload, 'base64url').toString('utf8');
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The text of the exported file that carries one of these signatures, if this workspace made it. */
export function findSignedOriginal(db: Db, fileText: string): string | null {
  let signatures: string[];
  try {
    signatures = parseGeneralJws(fileText).signatures.map((s) => s.signature);
  } catch {
    return null;
  }
  const lookup = decisionFileTextContaining(db);
  for (const signature of signatures) {
    // A signature is 86 base64url characters; anything shorter could match by chance.
    if (signature.length < 80) continue;
    const text = lookup(signature);
    if (text !== undefined && text !== fileText) return text;
  }
  return null;
}

/** Amounts read as amounts (620,000), other values as the canonical JSON they are. */
const readable = (value: string): string =>
  /^-?\d+$/.test(value) ? Number(value).toLocaleString('en-US') : value;

/** Problems naming each record and field the copy changed against the original. */
export function changesAgainstOriginal(original: string, altered: string): VerificationProblem[] {
  const before = payloadOf(original);
  const after = payloadOf(altered);
  if (!before || !after) return [];
  const problems: VerificationProblem[] = [];
  const header = diffPayloadHeader(before, after);
  if (header.length > 0) problems.push(problem('header_changed', { fields: header.join(', ') }));
  for (const difference of diffDecisionRecords(before['decisions'], after['decisions'])) {
    const where = { claimId: difference.claimId };
    if (difference.kind === 'changed') {
      const detail = difference.fields
        .map((f) => `${f.field} ${readable(f.original)} → ${readable(f.altered)}`)
        .join('; ');
      problems.push(problem('record_changed', { claimId: difference.claimId, detail }, where));
    } else {
      const code = difference.kind === 'removed' ? 'record_removed' : 'record_added';
      problems.push(problem(code, { claimId: difference.claimId }, where));
    }
  }
  return problems;
}
