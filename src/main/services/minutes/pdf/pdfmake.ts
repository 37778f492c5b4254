import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pdfSpeedups } from './speedups';

/**
 * pdfmake 0.3 in Node, with the Korean fonts of the installed font packages. pdfmake ships no
 * type declarations, so the little of its API used here is typed below.
 *
 * Fonts: Nanum Myeongjo (body, the serif of Korean official documents) and Nanum Gothic
 * (headings, tables), resolved from @expo-google-fonts/* at run time, never copied into git.
 * pdfkit embeds only the glyphs a document uses (a subset), so a PDF stays small.
 *
 * Each font file gets 16 zero bytes appended before pdfmake sees it. In these files the space
 * is the last glyph and has no outline; fontkit 2.0.4 reads a glyph header for it anyway,
 * past the end of the file, and throws (foliojs/fontkit#378, #303). Bytes after the last table
 * are outside every table, so the font is unchanged, and the stray read now finds zeros: the
 * empty box an empty glyph has.
 */

export type PdfNode = { [key: string]: unknown };
export type PdfContent = string | PdfNode | PdfContent[];

export interface PdfDefinition {
  pageSize: 'A4';
  pageOrientation: 'portrait';
  pageMargins: [number, number, number, number];
  info: Record<string, string | Date>;
  language?: string;
  defaultStyle: PdfNode;
  header?: (currentPage: number, pageCount: number) => PdfContent;
  footer?: (currentPage: number, pageCount: number) => PdfContent;
  watermark?: PdfNode;
  content: PdfContent[];
}

interface PdfMake {
  virtualfs: {
    writeFileSync(name: string, content: Buffer): void;
    readFileSync(name: string): Buffer;
  };
  setFonts(
    fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>,
  ): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: PdfDefinition): { getBuffer(): Promise<Buffer> };
}

const requireCommonJs = createRequire(import.meta.url);

/** Font families as documents name them. */
export const BODY_FONT = 'NanumMyeongjo';
export const HEADING_FONT = 'NanumGothic';

const FONT_FILES = {
  [BODY_FONT]: {
    normal: '@expo-google-fonts/nanum-myeongjo/400Regular/NanumMyeongjo_400Regular.ttf',
    bold: '@expo-google-fonts/nanum-myeongjo/700Bold/NanumMyeongjo_700Bold.ttf',
  },
  [HEADING_FONT]: {
    normal: '@expo-google-fonts/nanum-gothic/400Regular/NanumGothic_400Regular.ttf',
    bold: '@expo-google-fonts/nanum-gothic/700Bold/NanumGothic_700Bold.ttf',
  },
} as const;

const FONTKIT_PADDING = Buffer.alloc(16);

let ready: PdfMake | null = null;

/** The pdfmake instance with our fonts registered; set up once per process. */
export function pdfMake(): PdfMake {
  if (ready) return ready;
  const pdfmake = requireCommonJs('pdfmake') as PdfMake;
  // Everything a minutes PDF needs is in memory: no download, no file read behind our back.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const fonts: Parameters<PdfMake['setFonts']>[0] = {};
  for (const [family, files] of Object.entries(FONT_FILES)) {
    const names = { normal: `${family}-normal.ttf`, bold: `${family}-bold.ttf` };
    for (const weight of ['normal', 'bold'] as const) {
      const bytes = readFileSync(requireCommonJs.resolve(files[weight]));
      pdfmake.virtualfs.writeFileSync(names[weight], Buffer.concat([bytes, FONTKIT_PADDING]));
    }
    // No italic Korean face exists in these packages; italics fall back to the upright face.
    fonts[family] = {
      normal: names.normal,
      bold: names.bold,
      italics: names.normal,
      bolditalics: names.bold,
    };
  }
  pdfmake.setFonts(fonts);
  pdfSpeedups(true, pdfmake.virtualfs.readFileSync(`${BODY_FONT}-normal.ttf`));
  ready = pdfmake;
  return pdfmake;
}
