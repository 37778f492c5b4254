import { posix } from 'node:path';
import type { WorkbookZip } from './workbook-zip';
import {
  attribute,
  DamagedPartError,
  feedXmlPart,
  localName,
  newXmlParser,
  XLSX_LIMITS,
  type XmlTag,
} from './xml-part';

export interface WorkbookSheet {
  name: string;
  /** The sheet's part in the zip, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

/** What a sheet's cells need from the rest of the workbook to become the text Excel shows. */
export interface WorkbookParts {
  /** Worksheets in the workbook's order (chart and dialog sheets have no rows and are left out). */
  sheets: WorkbookSheet[];
  sharedStrings: string[];
  /** Cell style indexes (a cell's `s`) whose number format shows a date or time. */
  dateStyles: ReadonlySet<number>;
  /** Serial day 0 is 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  date1904: boolean;
}

async function readXml(
  zip: WorkbookZip,
  part: string,
  onOpen: (tag: XmlTag, name: string) => void,
  onText?: (text: string) => void,
  onClose?: (name: string) => void,
): Promise<void> {
  const parser = newXmlParser(part);
  parser.on('opentag', (tag) => onOpen(tag, localName(tag.name)));
  if (onText) {
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  if (onClose) parser.on('closetag', (tag) => onClose(localName(tag.name)));
  for await (const _ of feedXmlPart(zip, part, parser)) void _;
}

/** Relationship id -> part, resolved against the folder of the part that owns them. */
async function readRelationships(
  zip: WorkbookZip,
  owner: string,
): Promise<Map<string, { type: string; part: string }>> {
  const dir = posix.dirname(owner);
  const relsPart = posix.join(dir, '_rels', `${posix.basename(owner)}.rels`);
  const relationships = new Map<string, { type: string; part: string }>();
  if (!zip.has(relsPart)) return relationships;
  await readXml(zip, relsPart, (tag, name) => {
    if (name !== 'Relationship') return;
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id === undefined || target === undefined || attribute(tag, 'TargetMode') === 'External')
      return;
    const part = target.startsWith('/') ? target.slice(1) : posix.join(dir, target);
    relationships.set(id, { type: attribute(tag, 'Type') ?? '', part: posix.normalize(part) });
  });
  return relationships;
}

async function findWorkbookPart(zip: WorkbookZip): Promise<string> {
  for (const { type, part } of (await readRelationships(zip, '')).values())
    if (type.endsWith('/officeDocument')) return part;
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new DamagedPartError('_rels/.rels', 'the zip holds no workbook (is it an XLSX file?)');
}

async function readSheets(zip: WorkbookZip, workbook: string) {
  const relationships = await readRelationships(zip, workbook);
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  await readXml(zip, workbook, (tag, name) => {
    if (name === 'workbookPr') {
      const value = attribute(tag, 'date1904');
      date1904 = value === '1' || value === 'true';
    }
    if (name !== 'sheet') return;
    const target = relationships.get(attribute(tag, 'id', true) ?? '');
    if (target?.type.endsWith('/worksheet'))
      sheets.push({ name: attribute(tag, 'name') ?? '', part: target.part });
  });
  const parts = [...relationships.values()];
  return {
    sheets,
    date1904,
    sharedStringsPart: parts.find((r) => r.type.endsWith('/sharedStrings'))?.part ?? null,
    stylesPart: parts.find((r) => r.type.endsWith('/styles'))?.part ?? null,
  };
}

/**
 * Shared strings in order. A string's text is its `<t>` runs joined; phonetic guides
 * (`<rPh>`, furigana-style readings) are not part of what the cell shows.
 */
async function readSharedStrings(zip: WorkbookZip, part: string | null): Promise<string[]> {
  if (part === null || !zip.has(part)) return [];
  const strings: string[] = [];
  let current: string[] = [];
  let total = 0;
  let inText = 0;
  let inPhonetic = 0;
  await readXml(
    zip,
    part,
    (_tag, name) => {
      // saxes closes a self-closing tag too, so every open is matched by a close.
      if (name === 'si') current = [];
      else if (name === 'rPh') inPhonetic += 1;
      else if (name === 't') inText += 1;
    },
    (text) => {
      if (inText > 0 && inPhonetic === 0) current.push(text);
    },
    (name) => {
      if (name === 't') inText -= 1;
      else if (name === 'rPh') inPhonetic -= 1;
      else if (name === 'si') {
        const text = current.join('');
        total += text.length;
        if (total > XLSX_LIMITS.sharedStringChars)
          throw new DamagedPartError(
            part,
            `the shared strings hold more than ${XLSX_LIMITS.sharedStringChars.toLocaleString('en')} characters`,
            'xlsx_too_large',
          );
        strings.push(text);
      }
    },
  );
  return strings;
}

/** Excel's built-in number formats that show dates or times (including the Korean ones, 27-36 and 50-58). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A format code shows a date when, outside quoted text and [..] sections, it has date or time letters. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[ymdhsYMDHS]/.test(bare) && !/^[#0.,%E+\-\s]*$/.test(bare);
}

async function readDateStyles(zip: WorkbookZip, part: string | null): Promise<Set<number>> {
  const dateStyles = new Set<number>();
  if (part === null || !zip.has(part)) return dateStyles;
  const customDate = new Map<number, boolean>();
  let inCellXfs = false;
  let xfIndex = 0;
  await readXml(
    zip,
    part,
    (tag, name) => {
      if (name === 'numFmt')
        customDate.set(
          Number(attribute(tag, 'numFmtId')),
          isDateFormatCode(attribute(tag, 'formatCode') ?? ''),
        );
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const format = Number(attribute(tag, 'numFmtId') ?? 0);
        if (customDate.get(format) ?? BUILT_IN_DATE_FORMATS.has(format)) dateStyles.add(xfIndex);
        xfIndex += 1;
      }
    },
    undefined,
    (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  );
  return dateStyles;
}

export async function readWorkbookParts(zip: WorkbookZip): Promise<WorkbookParts> {
  const workbook = await findWorkbookPart(zip);
  const { sheets, date1904, sharedStringsPart, stylesPart } = await readSheets(zip, workbook);
  return {
    sheets,
    date1904,
    sharedStrings: await readSharedStrings(zip, sharedStringsPart),
    dateStyles: await readDateStyles(zip, stylesPart),
  };
}
