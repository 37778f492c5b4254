import { mkdirSync, writeFileSync } from 'node:fs';
import type { MinutesVersionDto } from '../../../shared/ipc/minutes-schemas';
import { approveMinutes, draftMinutes, renderMinutes } from '../../services/minutes';
import { actAs } from '../../services/identity/acting';
import { keyOf, type DemoKeys } from './keys';
import { DEMO_PATHS, inDemo, minutesFilePath } from './layout';
import { CHAIR, MEETING, SECRETARY, STORY_TIMES } from './script';
import { openSecretaryWorkspace } from './secretary';
import { withWorkspace } from './workspaces';

export interface DemoMinutes {
  /** Relative to the demo folder. */
  pdf: string;
  docx: string;
  version: MinutesVersionDto;
}

/**
 * The meeting's minutes on the secretary's laptop: the secretary drafts them from the closed
 * meeting, the chair (at the same machine, as at the meeting) approves the draft, and the
 * approved version is printed as PDF and DOCX. The decision file signed next names its hash.
 */
export async function writeApprovedMinutes(
  outDir: string,
  keys: DemoKeys,
  meetingId: number,
): Promise<DemoMinutes> {
  const ctx = openSecretaryWorkspace(outDir, keys, STORY_TIMES.minutes);
  return withWorkspace(ctx, async () => {
    const draft = draftMinutes(ctx, meetingId);
    actAs(ctx, keyOf(keys, CHAIR.name).identity);
    const version = approveMinutes(ctx, { meetingId, version: draft.version });
    actAs(ctx, keyOf(keys, SECRETARY.name).identity);

    mkdirSync(inDemo(outDir, DEMO_PATHS.minutes), { recursive: true });
    const files = {
      pdf: minutesFilePath(MEETING.number, 'pdf'),
      docx: minutesFilePath(MEETING.number, 'docx'),
    };
    for (const format of ['pdf', 'docx'] as const) {
      const rendered = await renderMinutes(ctx, { meetingId, version: version.version, format });
      writeFileSync(inDemo(outDir, files[format]), rendered.bytes, { flag: 'wx' });
    }
    return { ...files, version };
  });
}
