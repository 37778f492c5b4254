import { writeFileSync } from 'node:fs';
import yauzl from 'yauzl';
import yazl from 'yazl';

/** An XLSX file as its parts: zip entry name -> bytes. Lets a test cut or damage one part. */
export type XlsxParts = Map<string, Buffer>;

export async function readXlsxParts(file: string): Promise<XlsxParts> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const parts: XlsxParts = new Map();
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry))
        chunks.push(chunk as Buffer);
      parts.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return parts;
}

/**
 * Writes the parts as a well-formed zip (every CRC right): damage is only what the parts hold.
 * `store` keeps them uncompressed, so a test can change a byte of a part's text in the file.
 */
export function writeXlsxParts(
  file: string,
  parts: XlsxParts,
  options: { store?: boolean } = {},
): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of parts) zip.addBuffer(bytes, name, { compress: !options.store });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => {
      writeFileSync(file, Buffer.concat(chunks));
      resolve();
    });
  });
}

const RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A minimal workbook written by hand, for the parts of the format exceljs never writes. */
export function handMadeXlsx(options: {
  sheetXml: string;
  sharedStrings?: string[] | string;
  stylesXml?: string;
  date1904?: boolean;
}): XlsxParts {
  const shared =
    options.sharedStrings === undefined
      ? null
      : typeof options.sharedStrings === 'string'
        ? options.sharedStrings
        : `<sst xmlns="${MAIN_NS}">${options.sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  const parts: XlsxParts = new Map();
  const add = (name: string, text: string) => parts.set(name, Buffer.from(text, 'utf8'));
  add(
    '_rels/.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  add(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${RELS_NS}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="신청" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  add(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS_NS}/worksheet" Target="worksheets/sheet1.xml"/>${shared === null ? '' : `<Relationship Id="rId2" Type="${RELS_NS}/sharedStrings" Target="sharedStrings.xml"/>`}${options.stylesXml ? `<Relationship Id="rId3" Type="${RELS_NS}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
  );
  add('xl/worksheets/sheet1.xml', options.sheetXml);
  if (shared !== null) add('xl/sharedStrings.xml', shared);
  if (options.stylesXml) add('xl/styles.xml', options.stylesXml);
  return parts;
}

export const SHEET_NS = MAIN_NS;
