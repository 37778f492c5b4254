import type {
  MinutesSheet,
  SheetBlock,
  SheetColumn,
  SheetRow,
} from '../../../../shared/domain/minutes';
import { fitted } from './fit-text';
import {
  BODY_FONT,
  HEADING_FONT,
  type PdfContent,
  type PdfDefinition,
  type PdfNode,
} from './pdfmake';

/*
 * The minutes sheet as a pdfmake document: A4 portrait with a wider left margin for binding
 * (25 mm left, 20 mm right), a running header and footer, Myeongjo for running text and
 * Gothic for headings and tables, thin black rules as Korean official forms use.
 *
 * Text is broken into lines before pdfmake sees it (fit-text.ts), so every width a text is
 * set in is worked out here: columns, the detail lines, the fields and paragraphs.
 */

const MM = 72 / 25.4;
export const PAGE_MARGINS: [number, number, number, number] = [25 * MM, 25 * MM, 20 * MM, 22 * MM];
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const CELL_PADDING = 3;
const RULE = 0.5;
const LABEL_FILL = '#eeeeee';
const HEAD_FILL = '#e4e4e4';
/** Tables short enough to move to the next page whole rather than split. */
const SHORT_TABLE_ROWS = 12;
const TABLE_SIZE = 7.5;
const DETAIL_SIZE = 8;
const DETAIL_INDENT = 8;
const FIELD_LABEL_WIDTH = 72;
const FIELD_SIZE = 9.5;
const BODY_SIZE = 9.5;
const SMALL_SIZE = 8;

const para = (text: string, size: number, style: PdfNode = {}): PdfNode => ({
  ...fitted(text, CONTENT_WIDTH, size),
  fontSize: size,
  ...style,
});

const grid = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => CELL_PADDING,
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** Column widths in points from the sheet's relative widths, padding taken off first. */
function widthsOf(columns: SheetColumn[], width = CONTENT_WIDTH): number[] {
  const usable = width - columns.length * (2 * CELL_PADDING + RULE) - RULE;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => (c.width / total) * usable);
}

function fieldsTable(rows: { label: string; value: string }[]): PdfNode {
  const valueWidth = CONTENT_WIDTH - FIELD_LABEL_WIDTH - 4 * CELL_PADDING - 3 * RULE;
  return {
    table: {
      widths: [FIELD_LABEL_WIDTH, valueWidth],
      body: rows.map(({ label, value }) => [
        {
          text: label,
          font: HEADING_FONT,
          bold: true,
          fontSize: 9,
          fillColor: LABEL_FILL,
          noWrap: true,
        },
        { ...fitted(value, valueWidth, FIELD_SIZE), fontSize: FIELD_SIZE },
      ]),
    },
    layout: { ...grid, paddingTop: () => 3, paddingBottom: () => 3 },
    margin: [0, 10, 0, 4],
  };
}

function dataTable(block: Extract<SheetBlock, { kind: 'table' }>): PdfContent[] {
  const { columns } = block;
  const widths = widthsOf(columns);
  const detailWidth = CONTENT_WIDTH - 2 * CELL_PADDING - 2 * RULE - DETAIL_INDENT;
  const head = columns.map((c, i) => ({
    ...fitted(c.title, widths[i]!, TABLE_SIZE),
    bold: true,
    alignment: 'center',
    fillColor: HEAD_FILL,
  }));
  const cellsOf = (row: SheetRow, extra: PdfNode = {}) =>
    row.cells.map((cell, i) => ({
      ...fitted(cell, widths[i]!, TABLE_SIZE),
      alignment: columns[i]!.align,
      ...extra,
    }));
  const spanned = columns.slice(1).map(() => ({}));
  const body: PdfContent[][] = [head];
  // No rule between a row and its detail line: the two read as one item.
  const detailRows = new Set<number>();
  for (const row of block.rows) {
    body.push(cellsOf(row));
    if (row.detail !== undefined) detailRows.add(body.length);
    if (row.detail !== undefined)
      body.push([
        {
          ...fitted(row.detail, detailWidth, DETAIL_SIZE),
          colSpan: columns.length,
          font: BODY_FONT,
          fontSize: DETAIL_SIZE,
          margin: [DETAIL_INDENT, 0, 0, 0],
        },
        ...spanned,
      ]);
  }
  if (block.total) body.push(cellsOf(block.total, { bold: true, fillColor: LABEL_FILL }));
  const table: PdfNode = {
    table: { headerRows: 1, widths, body },
    layout: detailRows.size
      ? { ...grid, hLineWidth: (i: number) => (detailRows.has(i) ? 0 : RULE) }
      : grid,
    font: HEADING_FONT,
    fontSize: TABLE_SIZE,
    margin: [0, 2, 0, 8],
  };
  if (!block.caption) return [table];
  const caption = {
    text: block.caption,
    font: HEADING_FONT,
    bold: true,
    fontSize: 9.5,
    margin: [0, 4, 0, 3],
  };
  // A caption stays with its table; a short table moves to the next page whole.
  return block.rows.length <= SHORT_TABLE_ROWS
    ? [{ stack: [caption, table], unbreakable: true }]
    : [caption, table];
}

function signatures(block: Extract<SheetBlock, { kind: 'signatures' }>): PdfContent[] {
  return [
    para(block.statement, BODY_SIZE, { margin: [0, 4, 0, 10] }),
    { text: block.date, alignment: 'center', fontSize: 11, margin: [0, 0, 0, 12] },
    {
      table: {
        widths: [70, 110, '*'],
        heights: 30,
        dontBreakRows: true,
        body: block.rows.map(({ role, name }) => [
          {
            text: role,
            font: HEADING_FONT,
            bold: true,
            fillColor: LABEL_FILL,
            alignment: 'center',
          },
          { text: name, fontSize: 11, alignment: 'center' },
          { text: '(서명 또는 인)', color: '#777777', fontSize: 8, alignment: 'right' },
        ]),
      },
      layout: { ...grid, paddingTop: () => 9 },
      unbreakable: true,
    },
  ];
}

function blockContent(block: SheetBlock): PdfContent[] {
  switch (block.kind) {
    case 'heading':
      return [
        {
          text: block.text,
          font: HEADING_FONT,
          bold: true,
          fontSize: 12,
          margin: [0, 12, 0, 5],
        },
      ];
    case 'fields':
      return [fieldsTable(block.rows)];
    case 'table':
      return dataTable(block);
    case 'paragraph':
      return block.size === 'small'
        ? [para(block.text, SMALL_SIZE, { margin: [0, 2, 0, 4] })]
        : [para(block.text, BODY_SIZE, { margin: [0, 2, 0, 6] })];
    case 'signatures':
      return signatures(block);
  }
}

const isShort = (block: SheetBlock | undefined) =>
  block !== undefined &&
  (block.kind !== 'table' || block.rows.length <= SHORT_TABLE_ROWS) &&
  block.kind !== 'heading';

/**
 * A heading never ends a page alone: it moves with a short block after it (the totals, the
 * signatures) as one unbreakable unit. A long table just starts under its heading and breaks
 * where it must, its header row repeated.
 */
function keepHeadingsWithWhatFollows(blocks: SheetBlock[]): PdfContent[] {
  const content: PdfContent[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (block.kind === 'heading' && isShort(next)) {
      content.push({ stack: [...blockContent(block), ...blockContent(next!)], unbreakable: true });
      i += 1;
    } else content.push(...blockContent(block));
  }
  return content;
}

function runningLine(left: string, middle: string, right: string, top: boolean): PdfNode {
  return {
    margin: [PAGE_MARGINS[0], top ? 12 * MM : 8 * MM, PAGE_MARGINS[2], 0],
    stack: [
      ...(top
        ? []
        : [
            { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: RULE }] },
          ]),
      {
        columns: [
          { text: left, width: '*' },
          { text: middle, width: 'auto', alignment: 'center' },
          { text: right, width: '*', alignment: 'right' },
        ],
        margin: [0, top ? 0 : 3, 0, top ? 3 : 0],
        font: HEADING_FONT,
        fontSize: 7.5,
        color: '#333333',
      },
      ...(top
        ? [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: RULE }] }]
        : []),
    ],
  };
}

/** The pdfmake document of a minutes sheet; dates in the metadata come from the version. */
export function pdfDefinition(sheet: MinutesSheet): PdfDefinition {
  const created = new Date(sheet.metadata.createdAt);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    language: 'ko-KR',
    info: {
      title: sheet.metadata.title,
      author: sheet.metadata.author,
      subject: sheet.metadata.subject,
      keywords: sheet.metadata.keywords,
      creator: 'Review Desk',
      producer: 'Review Desk (pdfmake)',
      creationDate: created,
      modDate: created,
    },
    defaultStyle: { font: BODY_FONT, fontSize: 10, lineHeight: 1.2 },
    header: () => runningLine(sheet.header.left, '', sheet.header.right, true),
    footer: (page, pages) =>
      runningLine(sheet.footer.left, `- ${page} / ${pages} -`, sheet.footer.right, false),
    ...(sheet.draft
      ? {
          watermark: {
            text: '초 안',
            font: HEADING_FONT,
            bold: true,
            color: '#9a9a9a',
            opacity: 0.18,
            angle: -40,
          },
        }
      : {}),
    content: [
      {
        text: sheet.title,
        font: HEADING_FONT,
        bold: true,
        fontSize: 24,
        alignment: 'center',
        margin: [0, 4, 0, 6],
      },
      { text: sheet.subtitle, fontSize: 13, alignment: 'center' },
      {
        text: sheet.statusLine,
        font: HEADING_FONT,
        fontSize: 9,
        alignment: 'center',
        color: sheet.draft ? '#b00000' : '#333333',
        margin: [0, 3, 0, 0],
      },
      ...keepHeadingsWithWhatFollows(sheet.blocks),
    ],
  };
}
