/**
 * Receipt dates as Korean spreadsheets and the intake side write them (docs/domain.md):
 * "2022-10-20 14:33", "2022. 10. 20.", "2022. 10. 20. 오후 2:33", ISO 8601. Stored as local
 * Korean time without zone, "2022-10-20T14:33:00": every claim was filed in Korea.
 */
import { toNfkc } from './text';
export type DateErrorCode = 'empty' | 'not_a_date' | 'impossible_date';

export type ParseDateResult = { ok: true; value: string } | { ok: false; code: DateErrorCode };

const KST_OFFSET_MINUTES = 9 * 60;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): ParseDateResult {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return { ok: false, code: 'impossible_date' };
  }
  return { ok: true, value: `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}` };
}

// 2022-10-20, 2022.10.20, 2022/10/20, "2022. 10. 20." with an optional time after it.
const LOCAL =
  /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?(?:[\sT]+(오전|오후|AM|PM)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(오전|오후|AM|PM)?)?$/i;
const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
}

export function parseReceivedAt(input: string): ParseDateResult {
  const text = toNfkc(input).trim();
  if (text === '') return { ok: false, code: 'empty' };

  const zoned = ISO_WITH_ZONE.exec(text);
  if (zoned) {
    const [, y, mo, d, h, mi, s, zone] = zoned;
    const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0));
    const check = build(+y!, +mo!, +d!, +h!, +mi!, +(s ?? 0));
    if (!check.ok) return check;
    const offset = zoneOffsetMinutes(zone!);
    // Shown and compared as Korean local time, like every other spelling.
    const local = new Date(utc + (KST_OFFSET_MINUTES - offset) * 60_000);
    return build(
      local.getUTCFullYear(),
      local.getUTCMonth() + 1,
      local.getUTCDate(),
      local.getUTCHours(),
      local.getUTCMinutes(),
      local.getUTCSeconds(),
    );
  }

  const m = LOCAL.exec(text);
  if (!m) return { ok: false, code: 'not_a_date' };
  const [, y, mo, d, before, h, mi, s, after] = m;
  let hour = h === undefined ? 0 : Number(h);
  const meridiem = (before ?? after)?.toUpperCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return { ok: false, code: 'impossible_date' };
    const pm = meridiem === '오후' || meridiem === 'PM';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return build(
    Number(y),
    Number(mo),
    Number(d),
    hour,
    mi === undefined ? 0 : Number(mi),
    s === undefined ? 0 : Number(s),
  );
}

/** An Excel date cell, which a reader receives as a Date in UTC holding the local wall time. */
export function fromSpreadsheetDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

export const DATE_ERROR_MESSAGES: Record<DateErrorCode, { ko: string; en: string }> = {
  empty: { ko: '접수일시가 비어 있음', en: 'received date is empty' },
  not_a_date: { ko: '날짜로 읽을 수 없음', en: 'not a date' },
  impossible_date: { ko: '있을 수 없는 날짜나 시각', en: 'impossible date or time' },
};
