import { excelJs } from '../lib/exceljs';
import { formatKrwPlain } from '../../shared/domain/money';
import { evidenceKindOf, type EvidenceKind } from './evidence-names';
import { makeJpeg, makePng } from './images';
import { Random, hashSeed } from './random';
import { withFixedZipTimes } from './zip-times';

export { crc32, makeJpeg, makePng, PNG_SIGNATURE } from './images';

/**
 * Evidence file contents: small, valid files of each type the importer accepts, each one
 * fixed by its claim id and file name so a regenerated demo folder is byte-identical.
 */

export interface EvidenceContext {
  claimId: string;
  /** As listed in the claim: "K-2022-000123/pos_2022-10-15.csv". */
  name: string;
  businessName?: string;
  industry?: string;
}

/** A fixed moment for every timestamp a format insists on, so output does not change per run. */
export const DEMO_TIMESTAMP = new Date(Date.UTC(2022, 10, 1, 0, 0, 0));

function escapePdfText(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
}

/** One A4 page of Helvetica text; standard fonts cover ASCII only, so the page is in English. */
export function makePdf(seed: number, title: string, lines: readonly string[] = []): Buffer {
  const rnd = new Random(seed);
  const body = lines.length > 0 ? lines : defaultStatementLines(rnd);
  const text = [title, '', ...body]
    .map(
      (line, i) =>
        `BT /F1 ${i === 0 ? 14 : 10} Tf 50 ${790 - i * 16} Td (${escapePdfText(line)}) Tj ET`,
    )
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function defaultStatementLines(rnd: Random): string[] {
  const lines = ['Date        Description                 Amount (KRW)'];
  for (let day = 10; day <= 19; day += 1) {
    const amount = day === 15 || day === 16 ? rnd.int(0, 40) * 1000 : rnd.int(180, 650) * 1000;
    lines.push(`2022-10-${day}  Card settlement            ${formatKrwPlain(amount).padStart(12)}`);
  }
  lines.push('', 'Synthetic document generated for the Review Desk demo.');
  return lines;
}

const POS_ITEMS: Record<string, readonly (readonly [string, number])[]> = {
  음식점업: [
    ['대표메뉴', 9000],
    ['세트메뉴', 15000],
    ['음료', 2000],
    ['포장 추가', 1000],
  ],
  소매업: [
    ['상품 A', 12000],
    ['상품 B', 25000],
    ['선물 포장', 3000],
  ],
  서비스업: [
    ['기본 서비스', 20000],
    ['추가 서비스', 10000],
  ],
};
const DEFAULT_ITEMS: readonly (readonly [string, number])[] = [
  ['일반 판매', 10000],
  ['예약 판매', 30000],
];

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A POS export as Korean shops' systems write it: UTF-8 with BOM so Excel shows the Hangul. */
export function makePosCsv(seed: number, date: string, industry = ''): Buffer {
  const rnd = new Random(seed);
  const items = POS_ITEMS[industry] ?? DEFAULT_ITEMS;
  const outage = date === '2022-10-15' || date === '2022-10-16';
  const count = outage ? rnd.int(2, 6) : rnd.int(18, 40);
  const lines = ['일자,시간,영수증번호,품목,수량,단가,결제수단,결제금액'];
  for (let i = 0; i < count; i += 1) {
    const [item, price] = rnd.pick(items);
    const qty = rnd.int(1, 4);
    const hour = outage ? rnd.int(10, 15) : rnd.int(10, 21);
    const method = rnd.weighted([
      ['카드', 60],
      ['카카오페이', outage ? 0 : 20],
      ['현금', 20],
    ]);
    const time = `${String(hour).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}`;
    const receipt = `${date.replace(/-/g, '')}-${String(i + 1).padStart(4, '0')}`;
    const cells = [date, time, receipt, item, qty, price, method, formatKrwPlain(qty * price)];
    lines.push(cells.map(csvCell).join(','));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`)]);
}

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/** A month's sales ledger (매출장부) with a formula total, as a shop keeps it in Excel. */
export async function makeSalesLedgerXlsx(seed: number, month: string, shop = ''): Promise<Buffer> {
  const rnd = new Random(seed);
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const workbook = new (excelJs().Workbook)();
  workbook.creator = shop || 'Review Desk demo';
  workbook.created = DEMO_TIMESTAMP;
  workbook.modified = DEMO_TIMESTAMP;
  const sheet = workbook.addWorksheet('매출장부');
  sheet.columns = [
    { header: '일자', key: 'date', width: 12 },
    { header: '요일', key: 'weekday', width: 6 },
    { header: '카드매출', key: 'card', width: 12 },
    { header: '현금매출', key: 'cash', width: 12 },
    { header: '간편결제', key: 'easy', width: 12 },
    { header: '합계', key: 'total', width: 14 },
    { header: '비고', key: 'note', width: 16 },
  ];
  const days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  for (let day = 1; day <= days; day += 1) {
    const weekday = new Date(Date.UTC(year, mon - 1, day)).getUTCDay();
    const outage = year === 2022 && mon === 10 && (day === 15 || day === 16);
    const scale = outage ? 0.15 : weekday === 0 || weekday === 6 ? 1.4 : 1;
    const card = Math.round((rnd.int(150, 450) * 1000 * scale) / 100) * 100;
    const cash = Math.round((rnd.int(10, 80) * 1000 * scale) / 100) * 100;
    const easy = outage ? 0 : rnd.int(30, 150) * 1000;
    const row = sheet.addRow({
      date: `${year}-${String(mon).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      weekday: WEEKDAYS[weekday],
      card,
      cash,
      easy,
      note: outage ? '카카오 장애' : '',
    });
    row.getCell('total').value = {
      formula: `C${row.number}+D${row.number}+E${row.number}`,
      result: card + cash + easy,
    };
  }
  for (const key of ['card', 'cash', 'easy', 'total']) sheet.getColumn(key).numFmt = '#,##0';
  sheet.getRow(1).font = { bold: true };
  return withFixedZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()), DEMO_TIMESTAMP);
}

/** The claimant's own account of what happened (피해경위서), plain UTF-8. */
export function makeNoteTxt(seed: number, claimId: string, shop = ''): Buffer {
  const rnd = new Random(seed);
  const lost = rnd.int(5, 40);
  const lines = [
    '피해 경위서',
    '',
    `접수번호: ${claimId}`,
    `상호: ${shop || '(기재 안 함)'}`,
    '',
    `2022년 10월 15일 오후 3시 반쯤부터 카카오톡과 톡채널이 되지 않아 예약과 주문 ${lost}건을 놓쳤습니다.`,
    '손님들께 전화로 일일이 연락했지만 상당수는 취소되었습니다.',
    '첨부한 매출 자료는 장애 전 같은 요일과 비교한 것입니다.',
    '',
    '위 내용은 사실과 다름없음을 확인합니다.',
  ];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** The date or month in a name like "pos_2022-10-15.csv" or "sales_ledger_2022-09.xlsx". */
function dateIn(name: string, fallback: string): string {
  // Only the file's own name: the claim folder "K-2022-000123" would otherwise match first.
  const base = name.slice(name.lastIndexOf('/') + 1);
  return /\d{4}-\d{2}(?:-\d{2})?/.exec(base)?.[0] ?? fallback;
}

export async function makeEvidenceFile(context: EvidenceContext): Promise<Buffer> {
  const kind: EvidenceKind | null = evidenceKindOf(context.name);
  const seed = hashSeed(context.claimId, context.name);
  switch (kind) {
    case 'png':
      return makePng(seed);
    case 'jpg':
      return makeJpeg(seed, `${context.claimId} receipt (synthetic)`);
    case 'pdf':
      return makePdf(seed, `Statement for claim ${context.claimId} (synthetic)`);
    case 'csv':
      return makePosCsv(seed, dateIn(context.name, '2022-10-15'), context.industry);
    case 'xlsx':
      return makeSalesLedgerXlsx(
        seed,
        dateIn(context.name, '2022-10').slice(0, 7),
        context.businessName,
      );
    case 'txt':
      return makeNoteTxt(seed, context.claimId, context.businessName);
    case null:
      throw new RangeError(`no evidence maker for ${context.name}`);
  }
}
