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

/**
 * exceljs with the fix in place, loaded on first use: it takes a quarter of a second to load,
 * which every CLI command would otherwise pay before doing anything (issue 17).
 */
export function excelJs(): typeof ExcelJSModule {
  if (loaded) return loaded;
  const decoding = requireCommonJs('exceljs/lib/utils/browser-buffer-decode.js') as {
    bufferToString: (chunk: string | Uint8Array) => string;
  };
  const decoder = new TextDecoder('utf-8');
  decoding.bufferToString = (chunk) =>
    typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  loaded = requireCommonJs('exceljs') as typeof ExcelJSModule;
  return loaded;
}

export type { CellValue, Row, Workbook, Worksheet } from 'exceljs';
