import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import type { Align, MinutesSheet, SheetBlock, SheetRow } from '../../../../shared/domain/minutes';

/*
 * The minutes sheet as a Word document with the same content as the PDF. Fonts are named the
 * way Korean Word knows them, with the East Asian slot (w:rFonts w:eastAsia) set, since that
 * is the slot Word uses for Hangul: 바탕 (Batang) for running text, 맑은 고딕 (Malgun Gothic)
 * for headings and tables. A4 portrait, 25 mm binding margin, page X / Y in the footer.
 */

export const DOCX_BODY_FONT: IFontAttributesProperties = {
  ascii: 'Batang',
  hAnsi: 'Batang',
  eastAsia: '바탕',
  cs: 'Batang',
};
export const DOCX_TABLE_FONT: IFontAttributesProperties = {
  ascii: 'Malgun Gothic',
  hAnsi: 'Malgun Gothic',
  eastAsia: '맑은 고딕',
  cs: 'Malgun Gothic',
};

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(25), bottom: mm(22), left: mm(25), right: mm(20) };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LABEL_FILL = 'EEEEEE';
const HEAD_FILL = 'E4E4E4';
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: thin, bottom: thin, left: thin, right: thin };

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

interface RunStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  table?: boolean;
}

/** Half-points, as Word counts font sizes. */
const pt = (points: number) => Math.round(points * 2);

function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text.split('\n').map(
    (line, index) =>
      new TextRun({
        text: line,
        break: index > 0 ? 1 : undefined,
        font: style.table ? DOCX_TABLE_FONT : DOCX_BODY_FONT,
        size: style.size,
        bold: style.bold,
        color: style.color,
      }),
  );
}

function paragraph(
  text: string,
  style: RunStyle & { align?: Align; before?: number; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[style.align ?? 'left'],
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    children: runs(text, style),
  });
}

function cell(
  text: string,
  options: {
    width: number;
    align?: Align;
    fill?: string;
    bold?: boolean;
    span?: number;
    size?: number;
    body?: boolean;
  },
): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    columnSpan: options.span,
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    shading: options.fill
      ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill }
      : undefined,
    children: [
      paragraph(text, {
        align: options.align,
        bold: options.bold,
        size: options.size ?? pt(8),
        table: !options.body,
      }),
    ],
  });
}

function fieldsTable(rows: { label: string; value: string }[]): Table {
  const labelWidth = mm(26);
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, CONTENT_WIDTH - labelWidth],
    rows: rows.map(
      ({ label, value }) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(label, { width: labelWidth, fill: LABEL_FILL, bold: true, size: pt(9) }),
            cell(value, { width: CONTENT_WIDTH - labelWidth, size: pt(9.5), body: true }),
          ],
        }),
    ),
  });
}

function dataTable(block: Extract<SheetBlock, { kind: 'table' }>): (Paragraph | Table)[] {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * CONTENT_WIDTH));
  const rowOf = (row: SheetRow, fill?: string) =>
    new TableRow({
      cantSplit: true,
      children: row.cells.map((text, i) =>
        cell(text, {
          width: widths[i]!,
          align: block.columns[i]!.align,
          fill,
          bold: fill !== undefined,
        }),
      ),
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.columns.map((c, i) =>
        cell(c.title, { width: widths[i]!, align: 'center', fill: HEAD_FILL, bold: true }),
      ),
    }),
  ];
  for (const row of block.rows) {
    rows.push(rowOf(row));
    if (row.detail !== undefined)
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell(row.detail, {
              width: CONTENT_WIDTH,
              span: block.columns.length,
              size: pt(8),
              body: true,
            }),
          ],
        }),
      );
  }
  if (block.total) rows.push(rowOf(block.total, LABEL_FILL));
  const table = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows,
  });
  const spacer = paragraph('', { after: 120 });
  return block.caption
    ? [
        paragraph(block.caption, { bold: true, table: true, size: pt(9.5), before: 80, after: 60 }),
        table,
        spacer,
      ]
    : [table, spacer];
}

function signatures(block: Extract<SheetBlock, { kind: 'signatures' }>): (Paragraph | Table)[] {
  const widths = [mm(25), mm(40), CONTENT_WIDTH - mm(65)];
  return [
    paragraph(block.statement, { before: 80, after: 200 }),
    paragraph(block.date, { align: 'center', size: pt(11), after: 240 }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: block.rows.map(
        ({ role, name }) =>
          new TableRow({
            cantSplit: true,
            height: { value: mm(10), rule: HeightRule.ATLEAST },
            children: [
              cell(role, {
                width: widths[0]!,
                align: 'center',
                fill: LABEL_FILL,
                bold: true,
                size: pt(9),
              }),
              cell(name, { width: widths[1]!, align: 'center', size: pt(11), body: true }),
              cell('(서명 또는 인)', { width: widths[2]!, align: 'right', size: pt(8) }),
            ],
          }),
      ),
    }),
  ];
}

function blockContent(block: SheetBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        paragraph(block.text, { bold: true, table: true, size: pt(12), before: 240, after: 100 }),
      ];
    case 'fields':
      return [fieldsTable(block.rows), paragraph('', { after: 80 })];
    case 'table':
      return dataTable(block);
    case 'paragraph':
      return [paragraph(block.text, { size: pt(block.size === 'small' ? 8 : 9.5), after: 100 })];
    case 'signatures':
      return signatures(block);
  }
}

/** left text, then right text at the right margin (a right tab stop). */
function runningLine(left: string, right: string): Paragraph {
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
    children: [
      ...runs(left, { table: true, size: pt(7.5) }),
      new TextRun({ text: '\t' }),
      ...runs(right, { table: true, size: pt(7.5) }),
    ],
  });
}

/** The minutes as DOCX bytes. */
export async function minutesDocx(sheet: MinutesSheet): Promise<Uint8Array<ArrayBuffer>> {
  const document = new Document({
    title: sheet.metadata.title,
    subject: sheet.metadata.subject,
    creator: sheet.metadata.author,
    keywords: sheet.metadata.keywords,
    description: sheet.statusLine,
    styles: {
      default: {
        document: {
          run: {
            font: DOCX_BODY_FONT,
            size: pt(10),
            language: { value: 'ko-KR', eastAsia: 'ko-KR' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: mm(12), footer: mm(10) },
          },
        },
        headers: {
          default: new Header({ children: [runningLine(sheet.header.left, sheet.header.right)] }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['- ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES, ' -'],
                    font: DOCX_TABLE_FONT,
                    size: pt(8),
                  }),
                ],
              }),
              runningLine(sheet.footer.left, sheet.footer.right),
            ],
          }),
        },
        children: [
          paragraph(sheet.title, {
            bold: true,
            table: true,
            size: pt(24),
            align: 'center',
            after: 120,
          }),
          paragraph(sheet.subtitle, { size: pt(13), align: 'center' }),
          paragraph(sheet.statusLine, {
            table: true,
            size: pt(9),
            align: 'center',
            color: sheet.draft ? 'B00000' : '333333',
            after: 200,
          }),
          ...sheet.blocks.flatMap(blockContent),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer);
}
