import { readFileSync, statSync } from 'node:fs';
import {
  OUTCOME_LABELS,
  OUTCOMES,
  REASON_CODES,
  REASON_LABELS,
  type DecisionRecord,
  type Outcome,
  type ReasonCode,
} from '../../../shared/domain/decision';
import { parseKrw } from '../../../shared/domain/money';
import { toNfkc } from '../../../shared/domain/text';
import { VOTERS } from '../../../shared/domain/acts';
import type { ServiceContext } from '../context';
import { requireRole } from '../identity/acting';
import { nextInChain, recordDecision } from './decisions';
import { ServiceError } from '../errors';
import { durableTransaction } from '../../db/connection';
import { CsvSplitter, type CsvRecord } from '../intake/readers/csv';
import { decideBufferEncoding, decodeBuffer, EncodingRefusal } from '../intake/readers/encoding';

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

/** A meeting's decision sheet is a page or two; anything near this is not one. */
const SHEET_MAX_BYTES = 8 * 1024 * 1024;

type SheetField = (typeof HEADERS)[string];
const SHEET_FIELDS = new Set<string>(Object.values(HEADERS));
const isSheetField = (name: string): name is SheetField => SHEET_FIELDS.has(name);

interface SheetRow {
  /** The record's number, as a spreadsheet shows the row. */
  row: number;
  cells: Partial<Record<SheetField, string>>;
}

/**
 * The sheet's rows as the batch importer reads a CSV: the encoding decided on the whole file,
 * records split at CR, LF or CRLF by the same splitter, a cut or stray quote refused by place.
 */
function readSheet(file: string): { fields: string[]; rows: SheetRow[] } {
  const size = statSync(file).size;
  if (size > SHEET_MAX_BYTES)
    throw new ServiceError(
      'validation_failed',
      `${file} is ${size} bytes; a decision sheet is at most ${SHEET_MAX_BYTES}`,
    );
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = decodeBuffer(bytes, decideBufferEncoding(bytes));
  } catch (error) {
    if (!(error instanceof EncodingRefusal)) throw error;
    throw new ServiceError('validation_failed', `${file}: ${error.message}`, [
      { path: 'encoding', code: error.issueCode, message: error.message },
    ]);
  }
  const records: CsvRecord[] = [];
  const splitter = new CsvSplitter(file);
  splitter.feed(text, records);
  splitter.finish(records);
  const filled = records.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  const [header, ...data] = filled;
  const fields = (header?.cells ?? []).map((cell) => HEADERS[squash(cell)] ?? cell);
  const rows = data.map((record): SheetRow => {
    const cells: SheetRow['cells'] = {};
    fields.forEach((field, i) => {
      if (isSheetField(field)) cells[field] = record.cells[i] ?? '';
    });
    return { row: record.row, cells };
  });
  return { fields, rows };
}

export function importDecisions(
  ctx: ServiceContext,
  file: string,
): { recorded: number; decisions: DecisionRecord[] } {
  // Said before the file is read: the audit log would refuse its first row anyway.
  requireRole(ctx, VOTERS, 'Recording decisions from a sheet');
  const { fields, rows } = readSheet(file);
  const repeated = fields.find((field, i) => isSheetField(field) && fields.indexOf(field) !== i);
  if (repeated)
    throw new ServiceError(
      'validation_failed',
      `${file} has more than one column for ${repeated}; which one is meant cannot be told`,
    );
  for (const needed of ['claimId', 'outcome'])
    if (!fields.includes(needed))
      throw new ServiceError(
        'validation_failed',
        `${file} has no ${needed === 'claimId' ? '접수번호 (claim_id)' : '결정 (outcome)'} column`,
      );

  // Decisions commit with synchronous=FULL, as one by one (durableTransaction).
  return durableTransaction(ctx.db, () => {
    const decisions = rows.map(({ row, cells }) => {
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
  });
}
