import { fromSpreadsheetDate } from '../../../../../shared/domain/dates';
import type { WorkbookParts, WorkbookSheet } from './workbook-parts';
import type { WorkbookZip } from './workbook-zip';
import {
  attribute,
  DamagedPartError,
  feedXmlPart,
  localName,
  newXmlParser,
  XLSX_LIMITS,
} from './xml-part';

export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  /** Cell texts from column A, '' where the sheet has no cell. */
  cells: string[];
}

/** Column index from 0 of a cell reference such as "AB12"; null when it has no letters. */
export function columnIndex(reference: string): number | null {
  let index = 0;
  let letters = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
    letters += 1;
  }
  return letters === 0 ? null : index - 1;
}

/** Serial days to the date text the importer reads (Excel counts from 1899-12-30, or 1904-01-01). */
export function serialToDateText(serial: number, date1904: boolean): string {
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  return fromSpreadsheetDate(new Date(Math.round(days * 86_400_000)));
}

interface OpenCell {
  column: number;
  type: string;
  style: number;
  value: string[];
  inlineText: string[];
}

/** The text a person sees in the cell, as far as an import needs it. */
function cellText(cell: OpenCell, parts: WorkbookParts): string {
  const value = cell.value.join('');
  switch (cell.type) {
    case 's': {
      const text = parts.sharedStrings[Number(value)];
      if (text === undefined) throw new Error(`shared string ${value} does not exist`);
      return text;
    }
    case 'inlineStr':
      return cell.inlineText.join('');
    case 'str':
    case 'e':
      return value;
    case 'b':
      return value === '1' ? 'true' : value === '0' ? 'false' : value;
    case 'd':
      return value === '' ? '' : fromSpreadsheetDate(new Date(value));
    default: {
      if (value.trim() === '') return '';
      const number = Number(value);
      if (!Number.isFinite(number)) return value;
      return parts.dateStyles.has(cell.style)
        ? serialToDateText(number, parts.date1904)
        : String(number);
    }
  }
}

/**
 * Streams a worksheet's rows: what the parser completed is handed on after each piece of the
 * part, so memory holds a few thousand rows at most. Empty `<row>` elements are passed on too;
 * the caller decides what a blank row means.
 */
export async function* sheetRows(
  zip: WorkbookZip,
  sheet: WorkbookSheet,
  parts: WorkbookParts,
  onBytes: (bytes: number) => void,
): AsyncGenerator<SheetRow[]> {
  const parser = newXmlParser(sheet.part);
  let pending: SheetRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let cell: OpenCell | null = null;
  let nextColumn = 0;
  let inValue = false;
  let inInlineText = 0;
  let inPhonetic = 0;

  const where = () => `row ${rowNumber}, column ${(cell?.column ?? nextColumn) + 1}`;
  const collect = (text: string) => {
    if (cell === null) return;
    if (inValue) cell.value.push(text);
    else if (inInlineText > 0 && inPhonetic === 0) cell.inlineText.push(text);
  };

  parser.on('opentag', (tag) => {
    switch (localName(tag.name)) {
      case 'row': {
        const r = Number(attribute(tag, 'r'));
        rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
        cells = [];
        nextColumn = 0;
        break;
      }
      case 'c': {
        const column = columnIndex(attribute(tag, 'r') ?? '') ?? nextColumn;
        if (column >= XLSX_LIMITS.columns)
          throw new Error(`row ${rowNumber} has a cell beyond Excel's last column`);
        cell = {
          column,
          type: attribute(tag, 't') ?? 'n',
          style: Number(attribute(tag, 's') ?? 0),
          value: [],
          inlineText: [],
        };
        break;
      }
      case 'v':
        inValue = true;
        break;
      case 't':
        inInlineText += 1;
        break;
      case 'rPh':
        inPhonetic += 1;
        break;
    }
  });
  parser.on('text', collect);
  parser.on('cdata', collect);
  parser.on('closetag', (tag) => {
    switch (localName(tag.name)) {
      case 'v':
        inValue = false;
        break;
      case 't':
        inInlineText -= 1;
        break;
      case 'rPh':
        inPhonetic -= 1;
        break;
      case 'c': {
        if (cell === null) break;
        const text = cellText(cell, parts);
        if (text.length > XLSX_LIMITS.cellChars)
          throw new DamagedPartError(
            sheet.part,
            `the cell at ${where()} is longer than ${XLSX_LIMITS.cellChars.toLocaleString('en')} characters`,
            'xlsx_value_too_long',
          );
        while (cells.length < cell.column) cells.push('');
        cells[cell.column] = text;
        nextColumn = cell.column + 1;
        cell = null;
        break;
      }
      case 'row':
        pending.push({ row: rowNumber, cells });
        cells = [];
        break;
    }
  });

  for await (const _ of feedXmlPart(zip, sheet.part, parser, onBytes)) {
    if (pending.length > 0) {
      yield pending;
      pending = [];
    }
  }
}
