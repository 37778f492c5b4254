import Papa from 'papaparse';
import { excelJs, type CellValue, type Worksheet } from '../../lib/exceljs';
import { EVIDENCE_PROBLEM_LABELS, type EvidenceProblem } from '../../../shared/domain/evidence';
import type { EvidenceFileDto } from '../../../shared/ipc/review-schemas';
import { appendAudit } from '../../db/repositories/audit-log';
import { signerOf } from '../identity/acting';
import { getClaim } from '../../db/repositories/claims';
import { listEvidenceForClaim, type EvidenceInput } from '../../db/repositories/evidence';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { sha256Hex } from '../hashing';
import { cellText } from './sheet-cell-text';
import { decodeBuffer, detectEncoding } from '../intake/readers/encoding';
import { EvidenceStore, StoredEvidenceAlteredError } from './store';

/** The viewer shows a sample, not the whole file: enough to judge it, small enough for IPC. */
export const TABLE_ROW_LIMIT = 500;
export const TEXT_CHAR_LIMIT = 200_000;

type EvidenceContent = EvidenceFileDto['content'];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Shown by the renderer itself (blob: URL, pdf.js), so they travel as the stored bytes. */
const BINARY_TYPES = new Set(['image/png', 'image/jpeg', 'application/pdf']);

/**
 * One stored evidence file, ready for the viewer: images and PDFs as bytes, spreadsheets as a
 * table of display strings, text decoded. The bytes are hashed again on every open, since the
 * store is a plain folder a person (or malware) can write to; a changed file is refused rather
 * than shown as the evidence the committee imported. Each open is recorded in the audit log.
 */
export async function openEvidenceFile(
  ctx: ServiceContext,
  claimId: string,
  position: number,
): Promise<EvidenceFileDto> {
  const item = findEvidence(ctx, claimId, position);
  if (item.status !== 'stored' || item.sha256 === null || item.mediaType === null) {
    throw new ServiceError('validation_failed', notStoredMessage(item));
  }
  const sha256 = item.sha256;
  const bytes = readVerified(new EvidenceStore(ctx.dataDir, ctx.workspaceKey), item, sha256);
  const content = await contentOf(bytes, item.mediaType, item.fileName);

  // Reading writes nothing else, so the audit entry is the whole transaction.
  ctx.db.transaction(() => {
    appendAudit(ctx.db, signerOf(ctx), {
      at: ctx.now().toISOString(),
      action: 'evidence.viewed',
      subjectType: 'claim',
      subjectId: claimId,
      details: { position, fileName: item.fileName, sha256 },
    });
  })();

  return {
    claimId,
    position,
    fileName: item.fileName,
    mediaType: item.mediaType,
    sha256,
    sizeBytes: bytes.byteLength,
    content,
  };
}

function findEvidence(ctx: ServiceContext, claimId: string, position: number): EvidenceInput {
  const item = listEvidenceForClaim(ctx.db, claimId).find((e) => e.position === position);
  if (item) return item;
  if (!getClaim(ctx.db, claimId)) {
    throw new ServiceError('not_found', `claim ${claimId} does not exist`);
  }
  throw new ServiceError(
    'not_found',
    `claim ${claimId} has no evidence file at position ${position}`,
  );
}

function notStoredMessage(item: EvidenceInput): string {
  const problem = item.problem as EvidenceProblem | null;
  // The English label; the renderer shows its own Korean label from the same shared table.
  const why =
    problem !== null && problem in EVIDENCE_PROBLEM_LABELS
      ? ` (${EVIDENCE_PROBLEM_LABELS[problem].en})`
      : '';
  return item.status === 'missing'
    ? `evidence "${item.fileName}" is missing${why}: there is no file to open`
    : item.status === 'rejected'
      ? `evidence "${item.fileName}" was refused at import${why}: it was never stored`
      : `evidence "${item.fileName}" has no stored content`;
}

function readVerified(store: EvidenceStore, item: EvidenceInput, sha256: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = store.read(sha256);
  } catch (error) {
    if (error instanceof StoredEvidenceAlteredError)
      throw new ServiceError(
        'conflict',
        `stored file changed since import: "${item.fileName}" no longer decrypts as SHA-256 ${sha256}`,
      );
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ServiceError(
        'conflict',
        `stored file for "${item.fileName}" is gone from the evidence store (${sha256})`,
      );
    }
    throw error;
  }
  if (sha256Hex(bytes) !== sha256) {
    throw new ServiceError(
      'conflict',
      `stored file changed since import: "${item.fileName}" no longer has SHA-256 ${sha256}`,
    );
  }
  return bytes;
}

async function contentOf(
  bytes: Buffer,
  mediaType: string,
  fileName: string,
): Promise<EvidenceContent> {
  if (BINARY_TYPES.has(mediaType)) {
    // A copy in a buffer of its own: a structured clone (Electron's IPC) sends a view's whole
    // underlying buffer, and a Buffer may sit inside a larger shared one.
    return { kind: 'binary', bytes: new Uint8Array(bytes) };
  }
  if (mediaType === 'text/csv') return csvTable(decodeText(bytes));
  if (mediaType === XLSX_TYPE) return xlsxTable(bytes, fileName);
  if (mediaType === 'text/plain') return textContent(decodeText(bytes));
  throw new ServiceError(
    'validation_failed',
    `evidence "${fileName}" has an unknown type ${mediaType}`,
  );
}

/** UTF-8 (with or without BOM) or CP949, judged from the whole file: evidence files are small. */
function decodeText(bytes: Buffer): string {
  return decodeBuffer(bytes, detectEncoding(bytes));
}

function csvTable(text: string): EvidenceContent {
  // One row past the limit tells whether there was more, without parsing the rest.
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: 'greedy',
    preview: TABLE_ROW_LIMIT + 1,
  });
  const rows = parsed.data.map((row) => row.map((cell) => String(cell)));
  return {
    kind: 'table',
    sheet: null,
    rows: rows.slice(0, TABLE_ROW_LIMIT),
    truncated: rows.length > TABLE_ROW_LIMIT,
  };
}

function textContent(text: string): EvidenceContent {
  if (text.length <= TEXT_CHAR_LIMIT) return { kind: 'text', text, truncated: false };
  let end = TEXT_CHAR_LIMIT;
  // Never cut a surrogate pair in half, which would end the text in a broken character.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { kind: 'text', text: text.slice(0, end), truncated: true };
}

/**
 * The first sheet, read whole from the buffer. Unlike the streaming reader, load() hands the
 * XML over as strings and never touches the process-wide chunk decoder of lib/exceljs.ts, so
 * opening a workbook here cannot garble the Hangul of an import running at the same time.
 */
async function xlsxTable(bytes: Buffer, fileName: string): Promise<EvidenceContent> {
  const workbook = new (excelJs().Workbook)();
  try {
    // exceljs declares its own global Buffer (extends ArrayBuffer) that Node's Buffer does not
    // match by type; at run time it takes a Node Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ServiceError(
      'validation_failed',
      `evidence "${fileName}" is not a readable XLSX workbook (${String(error)})`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { kind: 'table', sheet: null, rows: [], truncated: false };
  const last = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
  const rows = sheetRows(sheet, Math.min(last, TABLE_ROW_LIMIT));
  return { kind: 'table', sheet: sheet.name, rows, truncated: last > TABLE_ROW_LIMIT };
}

/** Rows 1..count as written, blank rows kept so row numbers match Excel's, all one width. */
function sheetRows(sheet: Worksheet, count: number): string[][] {
  const rows: string[][] = [];
  let width = 0;
  for (let r = 1; r <= count; r++) {
    // row.values is 1-based with a hole at index 0.
    const values = sheet.getRow(r).values as CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(displayCell(values[c]));
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    width = Math.max(width, cells.length);
    rows.push(cells);
  }
  return rows.map((cells) => [...cells, ...Array<string>(width - cells.length).fill('')]);
}

/** Dates as YYYY-MM-DD (with the time only when there is one); everything else as the importer reads it. */
function displayCell(value: CellValue): string {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'object' &&
          value !== null &&
          'result' in value &&
          value.result instanceof Date
        ? value.result
        : null;
  if (date === null) return cellText(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}
