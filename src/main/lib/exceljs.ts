import type ExcelJSModule from 'exceljs';
import { createRequire } from 'node:module';

/**
 * exceljs, for writing ledgers and reading evidence previews (batches are read by
 * services/intake/readers/xlsx, decision 0007), with its XLSX reading fixed for Hangul. The reader decodes every chunk of
 * a sheet's XML on its own, so a three-byte Hangul syllable split between two chunks comes out
 * as U+FFFD ("소상공인" -> "소상��인"). Here the decoder it uses is replaced, before exceljs
 * itself loads, with one that carries a split character over to the next chunk.
 *
 * Import exceljs only through this module (a lint rule enforces it), so the fix is always in
 * place first. One decoder serves the process: reads of two workbooks at the same instant could
 * still split each other's characters; the app imports one batch at a time.
 */
const requireCommonJs = createRequire(import.meta.url);
let loaded: typeof ExcelJSModule | null = null;
let fixed = false;

/** Before any part of exceljs loads: its modules take the decoder when they load. */
function fixHangulDecoding(): void {
  if (fixed) return;
  const decoding = requireCommonJs('exceljs/lib/utils/browser-buffer-decode.js') as {
    bufferToString: (chunk: string | Uint8Array) => string;
  };
  const decoder = new TextDecoder('utf-8');
  decoding.bufferToString = (chunk) =>
    typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  fixed = true;
}

/**
 * exceljs with the fix in place, loaded on first use: it takes a quarter of a second to load,
 * which every CLI command would otherwise pay before doing anything (issue 17).
 */
export function excelJs(): typeof ExcelJSModule {
  if (loaded) return loaded;
  fixHangulDecoding();
  loaded = requireCommonJs('exceljs') as typeof ExcelJSModule;
  return loaded;
}

type WorkbookWriterClass = typeof ExcelJSModule.stream.xlsx.WorkbookWriter;

/**
 * exceljs's streaming workbook writer without the rest of the library (the readers, the
 * in-memory workbook, CSV): what writing a ledger needs, loaded in about a third of the time
 * (0.12 s against 0.35 s), which `review-desk ledger --format xlsx` pays once per run. The fix
 * goes in first all the same: some of the modules it loads read too, and keep the decoder they
 * found.
 */
export function excelJsWorkbookWriter(): WorkbookWriterClass {
  if (loaded) return loaded.stream.xlsx.WorkbookWriter;
  fixHangulDecoding();
  return requireCommonJs('exceljs/lib/stream/xlsx/workbook-writer.js') as WorkbookWriterClass;
}

export type { CellValue, Row, Workbook, Worksheet } from 'exceljs';
