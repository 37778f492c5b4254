import { formatFingerprint } from '../signing/fingerprint';
import type { RollCallEntry } from './model';

type Label = { ko: string; en: string };

/**
 * How a roll call reads in the minutes. A recusal is 회피 (the member stood aside for a conflict
 * of interest), an absence 불참: neither is a vote against nor an abstention.
 */
export const ROLL_CALL_LABELS: Record<RollCallEntry, Label> = {
  for: { ko: '찬성', en: 'For' },
  against: { ko: '반대', en: 'Against' },
  abstain: { ko: '기권', en: 'Abstain' },
  recused: { ko: '회피', en: 'Recused' },
  absent: { ko: '불참', en: 'Absent' },
  no_vote: { ko: '미표결', en: 'No vote' },
};

export const MINUTES_STATUSES = ['draft', 'approved', 'superseded'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const MINUTES_STATUS_LABELS: Record<MinutesStatus, Label> = {
  draft: { ko: '초안', en: 'Draft' },
  approved: { ko: '승인', en: 'Approved' },
  superseded: { ko: '대체된 초안', en: 'Superseded draft' },
};

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/** "2022-12-20" -> "2022년 12월 20일(화)", as Korean official documents write a date. */
export function koreanDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${y}년 ${m}월 ${d}일(${weekday})`;
}

/**
 * Korean time of an instant stored as ISO 8601 UTC. The council sits in Korea, and KST is
 * UTC+9 all year (no daylight saving since 1988), so a fixed offset is exact and keeps the
 * minutes identical on a laptop set to any time zone.
 */
export function koreanTime(isoInstant: string): { date: string; time: string } {
  const shifted = new Date(Date.parse(isoInstant) + 9 * 3600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** "2022-12-20T07:00:00.000Z" -> "2022-12-20 16:00" (KST). */
export function koreanDateTime(isoInstant: string): string {
  const { date, time } = koreanTime(isoInstant);
  return `${date} ${time}`;
}

/** The short, comparable form of a SHA-256 (the app's fingerprint style). */
export function shortHash(sha256: string): string {
  return formatFingerprint(sha256);
}
