import { z } from 'zod';
import { CHAIR_ONLY, SECRETARIAT } from '../domain/acts';
import { MINUTES_STATUSES } from '../domain/minutes/labels';
import { meetingId } from './meeting-schemas';

/** Schemas of a meeting's minutes (회의록): versions, drafting, approval, preview and export. */

const version = z.number().int().positive().max(100_000);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const isoDateTime = z.string().min(10).max(40);

export const MINUTES_FORMATS = ['pdf', 'docx'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

export const minutesVersion = z.object({
  meetingId,
  meetingNumber: z.number().int().positive(),
  version,
  /** draft: the latest, not approved; superseded: a draft a newer version replaced. */
  status: z.enum(MINUTES_STATUSES),
  sha256,
  madeAt: isoDateTime,
  madeBy: z.string(),
  approvedAt: isoDateTime.nullable(),
  approvedBy: z.string().nullable(),
  /** Agenda items the version records. */
  items: z.number().int().nonnegative(),
});
export type MinutesVersionDto = z.infer<typeof minutesVersion>;

/** Which version: absent means the latest approved one, else the latest draft. */
const versionChoice = z.object({ meetingId, version: version.optional() }).strict();

export const minutesContract = {
  'minutes:list': {
    lock: 'none',
    request: z.object({ meetingId }).strict(),
    /** Newest first; every version stays listed, approved or not. */
    response: z.object({ versions: z.array(minutesVersion) }),
  },
  /** The secretary drafts the next version from the records as they are now. */
  'minutes:draft': {
    lock: 'write',
    roles: SECRETARIAT,
    request: z.object({ meetingId }).strict(),
    response: z.object({ version: minutesVersion }),
  },
  /** The chair approves the latest version; an approved version is locked. */
  'minutes:approve': {
    lock: 'write',
    roles: CHAIR_ONLY,
    request: z.object({ meetingId, version }).strict(),
    response: z.object({ version: minutesVersion }),
  },
  /** A version as PDF bytes, for the in-app print preview. */
  'minutes:render': {
    lock: 'none',
    request: versionChoice,
    response: z.object({
      version: minutesVersion,
      fileName: z.string(),
      bytes: z.instanceof(Uint8Array),
    }),
  },
  /** Saves a version where the person chooses; never over an existing file. */
  'minutes:export': {
    lock: 'none',
    request: versionChoice.extend({ format: z.enum(MINUTES_FORMATS) }).strict(),
    /** path is null when the save dialog was closed without a choice. */
    response: z.object({ path: z.string().nullable(), version: minutesVersion }),
  },
} as const;
