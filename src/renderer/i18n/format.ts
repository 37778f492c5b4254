import { formatKrwPlain } from '../../shared/domain/money';
import type { Locale } from './locale-context';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Claims carry local times without a zone ("2022-10-20T14:33:00", as the intake sheet wrote
 * them) and must be shown as written; audit times are UTC instants and are shown in local
 * time. Formatting by hand keeps "2022. 10. 20. 14:33" identical whatever ICU data ships.
 */
export function formatDateTime(value: string, locale: Locale): string {
  const parts = partsOf(value);
  if (!parts) return value;
  const { y, mo, d, h, mi } = parts;
  return locale === 'ko'
    ? `${y}. ${mo}. ${d}. ${pad2(h)}:${pad2(mi)}`
    : `${y}-${pad2(mo)}-${pad2(d)} ${pad2(h)}:${pad2(mi)}`;
}

type DateParts = { y: number; mo: number; d: number; h: number; mi: number };

function partsOf(value: string): DateParts | null {
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value);
  if (hasZone) {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return null;
    return {
      y: date.getFullYear(),
      mo: date.getMonth() + 1,
      d: date.getDate(),
      h: date.getHours(),
      mi: date.getMinutes(),
    };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value);
  if (!m) return null;
  return {
    y: Number(m[1]),
    mo: Number(m[2]),
    d: Number(m[3]),
    h: Number(m[4] ?? 0),
    mi: Number(m[5] ?? 0),
  };
}

/** Enough of a SHA-256 to compare by eye; the full value stays in the title attribute. */
/** A hash in groups of eight, so two people can read it to each other. */
export function groupedHash(hash: string): string {
  return hash.match(/.{1,8}/g)?.join(' ') ?? hash;
}

export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

/** Counts use the same hand-made grouping as money, for the same reason. */
export function formatCount(value: number): string {
  return formatKrwPlain(value);
}
