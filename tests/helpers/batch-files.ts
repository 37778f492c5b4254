import { excelJs } from '../../src/main/lib/exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small batch files written the ways the intake side writes them, for import tests. */

export const KO_HEADERS = [
  '접수번호',
  '접수일시',
  '신청인구분',
  '계열사',
  '서비스',
  '유료여부',
  '피해유형',
  '사업자등록번호',
  '상호',
  '업종',
  '피해금액',
  '피해내용',
  '연락처',
  '증빙',
];

export type Row = string[];

/** Six good rows, one per tier, in the spellings Korean spreadsheets use. */
export const GOOD_ROWS: Row[] = [
  [
    'K-2022-100001',
    '2022-10-20 14:33',
    '소상공인',
    '카카오',
    '카카오톡',
    'N',
    '무료서비스금전',
    '214-86-12341',
    '을지로 국밥집',
    '음식점업',
    '1,850,000원',
    '예약 주문을 받지 못함',
    '010-2345-6789',
    'K-2022-100001/pos.csv;K-2022-100001/receipt.png',
  ],
  [
    'K-2022-100002',
    '2022. 10. 21.',
    '소상공인',
    '카카오',
    '선물하기',
    'Y',
    '유료서비스',
    '105-87-23459',
    '성수 꽃집',
    '소매업',
    '30만원',
    '주문 취소',
    '010-1111-2222',
    '',
  ],
  [
    'K-2022-100003',
    '2022-10-22T09:00:00+09:00',
    '소상공인',
    '카카오',
    '카카오맵',
    'N',
    '무료서비스금전',
    '312-45-34568',
    '해운대 민박',
    '숙박업',
    '₩500,000',
    '예약 문의 없음',
    '010-3333-4444',
    '',
  ],
  [
    'K-2022-100004',
    '2022. 10. 23. 오후 2:05',
    '일반이용자',
    '카카오',
    '카카오톡',
    'N',
    '무료서비스금전',
    '',
    '',
    '',
    '50,000',
    '송금 지연',
    'user@example.com',
    '',
  ],
  [
    'K-2022-100005',
    '2022-10-24 08:00',
    '일반이용자',
    '카카오',
    '다음메일',
    'N',
    '비금전',
    '',
    '',
    '',
    '',
    '메일 확인 불가',
    '',
    '',
  ],
  [
    'K-2022-100006',
    '2022-10-25 19:55',
    '소상공인',
    '카카오모빌리티',
    '카카오T',
    'Y',
    '유료서비스',
    '134-56-78905',
    '개인택시',
    '운수업',
    '1억 2천만원',
    '호출 장애',
    '010-5555-6666',
    '',
  ],
];

export function toCsv(headers: string[], rows: Row[]): string {
  return Papa.unparse([headers, ...rows], { newline: '\r\n' });
}

export function writeCsv(
  dir: string,
  name: string,
  rows: Row[],
  encoding: 'utf-8' | 'utf-8-bom' | 'cp949',
  headers = KO_HEADERS,
): string {
  const text = toCsv(headers, rows);
  // CP949 has no ₩ sign: Korean Excel writes the won sign as a backslash (the same byte, 0x5C).
  const bytes =
    encoding === 'cp949'
      ? iconv.encode(text.replaceAll('₩', '\\'), 'cp949')
      : Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8');
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** A workbook with the batch on sheet "신청"; with a cover sheet before it when asked. */
export async function writeXlsx(
  dir: string,
  name: string,
  rows: Row[],
  options: { coverSheet?: boolean; headers?: string[] } = {},
): Promise<string> {
  const headers = options.headers ?? KO_HEADERS;
  const workbook = new (excelJs().Workbook)();
  if (options.coverSheet) workbook.addWorksheet('안내').addRow(['이 시트는 설명입니다']);
  const sheet = workbook.addWorksheet('신청');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  const file = join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

export function writeJson(dir: string, name: string, rows: Row[], headers = KO_HEADERS): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    JSON.stringify(rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? ''])))),
  );
  return file;
}
