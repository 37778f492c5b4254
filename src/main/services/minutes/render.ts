import { minutesSheet } from '../../../shared/domain/minutes';
import type { MinutesFormat, MinutesVersionDto } from '../../../shared/ipc/minutes-schemas';
import type { ServiceContext } from '../context';
import { minutesDocx } from './docx/render';
import { minutesPdf } from './pdf/render';
import { getStoredMinutes } from './versions';

export interface RenderedMinutes {
  version: MinutesVersionDto;
  /** A name to save it under: meeting-1.minutes-v2.pdf */
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * One stored version of a meeting's minutes as PDF or DOCX (no version: the latest approved,
 * else the latest draft). Rendering reads the stored model, never the live records, so a
 * version looks the same whenever it is printed.
 */
export async function renderMinutes(
  ctx: ServiceContext,
  request: { meetingId: number; version?: number; format: MinutesFormat },
): Promise<RenderedMinutes> {
  const stored = getStoredMinutes(ctx, request.meetingId, request.version);
  const sheet = minutesSheet(stored.model, stored.info);
  const bytes = request.format === 'pdf' ? await minutesPdf(sheet) : await minutesDocx(sheet);
  return {
    version: stored.dto,
    fileName: `meeting-${stored.meeting.number}.minutes-v${stored.dto.version}.${request.format}`,
    bytes,
  };
}
