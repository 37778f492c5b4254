import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import {
  OUTCOME_LABELS,
  OUTCOMES,
  REASON_CODES,
  REASON_LABELS,
  type DecisionRecord,
  type Outcome,
  type ReasonCode,
} from '../../shared/domain/decision';
import { parseKrw } from '../../shared/domain/money';
import { toNfkc } from '../../shared/domain/text';
import type { ServiceContext } from './context';
import { nextInChain, recordDecision } from './decisions';
import { ServiceError } from './errors';
import { decodeBuffer, detectEncoding } from './import/readers/encoding';

/**
 * Decisions taken on paper (a meeting's sheet typed into Excel) recorded in one go. Every row
 * goes through recordDecision, the same rules and audit entry as the app; the file lands whole
 * or not at all, and a refusal names the row and the rule.
 */

const HEADERS: Record<string, 'claimId' | 'outcome' | 'amount' | 'reasons' | 'note' | 'amend'> = {
  접수번호: 'claimId',
  claim_id: 'claimId',
  결정: 'outcome',
  outcome: 'outcome',
  금액: 'amount',
  지원금액: 'amount',
  amount: 'amount',
  사유: 'reasons',
  사유코드: 'reasons',
  reasons: 'reasons',
  메모: 'note',
  note: 'note',
  변경사유: 'amend',
  amendment_reason: 'amend',
};

const squash = (text: string) => toNfkc(text).replace(/\s/g, '').toLowerCase();

function lookup<T extends string>(
  text: string,
  codes: readonly T[],
  labels: Record<T, { ko: string; en: string }>,
): T | undefined {
  const wanted = squash(text);
  return codes.find(
    (code) =>
      code === wanted || squash(labels[code].ko) === wanted || squash(labels[code].en) === wanted,
  );
}

function refuse(row: number, message: string): never {
  throw new ServiceError('validation_failed', `row ${row}: ${message}; nothing was recorded`);
}

export function importDecisions(
  ctx: ServiceContext,
  file: string,
): { recorded: number; decisions: DecisionRecord[] } {
  const bytes = readFileSync(file);
  const text = decodeBuffer(bytes, detectEncoding(bytes.subarray(0, 64 * 1024)));
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => HEADERS[squash(header)] ?? header,
  });
  const fields = parsed.meta.fields ?? [];
  for (const needed of ['claimId', 'outcome'])
    if (!fields.includes(needed))
      throw new ServiceError(
        'validation_failed',
        `${file} has no ${needed === 'claimId' ? '접수번호 (claim_id)' : '결정 (outcome)'} column`,
      );

  return ctx.db.transaction(() => {
    const decisions = parsed.data.map((cells, index) => {
      const row = index + 2; // as a spreadsheet numbers it, after the header
      const claimId = (cells.claimId ?? '').trim();
      if (claimId === '') refuse(row, 'the claim id is empty');
      const outcome: Outcome | undefined = lookup(cells.outcome ?? '', OUTCOMES, OUTCOME_LABELS);
      if (!outcome) refuse(row, `"${cells.outcome}" is not an outcome (${OUTCOMES.join(', ')})`);
      const reasonCodes = (cells.reasons ?? '')
        .split(/[;,]/)
        .map((r) => r.trim())
        .filter(Boolean)
        .map(
          (r): ReasonCode =>
            lookup(r, REASON_CODES, REASON_LABELS) ?? refuse(row, `"${r}" is not a reason code`),
        );
      let amount: number | null = null;
      if ((cells.amount ?? '').trim() !== '') {
        const money = parseKrw(cells.amount!);
        if (!money.ok) refuse(row, `"${cells.amount}" is not an amount of won`);
        amount = money.value;
      }
      try {
        return recordDecision(ctx, {
          claimId,
          outcome,
          amount,
          reasonCodes,
          note: cells.note ?? '',
          ...nextInChain(ctx.db, claimId, cells.amend),
        });
      } catch (error) {
        if (error instanceof ServiceError) {
          const detail = error.issues.map((i) => `${i.path}: ${i.code}`).join(', ');
          refuse(row, `${claimId}: ${detail || error.message}`);
        }
        throw error;
      }
    });
    return { recorded: decisions.length, decisions };
  })();
}
