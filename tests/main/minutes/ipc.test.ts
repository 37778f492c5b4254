import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { makeTempDir } from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';
import { CHAIR, SECRETARY } from '../meetings/support';
import { asChair, minutesWorkspace, type MinutesWorkspace } from './fixture';
import { unzipText } from './unzip';

/*
 * The minutes channels through the real router, as the Meetings screen will use them: list,
 * draft, approve, the print preview's PDF bytes, and saving as PDF or DOCX where the person
 * chooses, never over an existing file.
 */

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

let ws: MinutesWorkspace | undefined;
let out: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => {
  ws?.cleanup();
  out?.cleanup();
});

function setUp() {
  const made = minutesWorkspace();
  ws = made.ws;
  out = makeTempDir('review-desk-minutes-ipc-');
  const platform = testPlatform();
  const { router } = createIpc(made.ws, platform, {
    isTrustedSender: trustOrigins([ORIGIN]),
    logError: (error) => {
      throw error;
    },
  });
  const call = (channel: Parameters<typeof router.handle>[1], payload?: unknown) =>
    router.handle(ours, channel, payload) as Promise<
      | { ok: true; value: Record<string, unknown> }
      | { ok: false; error: { code: string; message: string } }
    >;
  return { ws: made.ws, meetingId: made.meetingId, platform, call, dir: out.dir };
}

describe('minutes over IPC', { timeout: 60_000 }, () => {
  it('drafts, lists, approves and previews the minutes as PDF bytes', async () => {
    const { ws, meetingId, call } = setUp();
    expect(await call('minutes:list', { meetingId })).toEqual({
      ok: true,
      value: { versions: [] },
    });
    expect(await call('minutes:render', { meetingId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const drafted = await call('minutes:draft', { meetingId });
    expect(drafted).toMatchObject({
      ok: true,
      value: { version: { version: 1, status: 'draft', madeBy: SECRETARY, items: 2 } },
    });
    expect(await call('minutes:approve', { meetingId, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    asChair(ws);
    expect(await call('minutes:approve', { meetingId, version: 1 })).toMatchObject({
      ok: true,
      value: { version: { version: 1, status: 'approved', approvedBy: CHAIR } },
    });
    const listed = await call('minutes:list', { meetingId });
    expect(listed).toMatchObject({
      ok: true,
      value: { versions: [{ version: 1, status: 'approved' }] },
    });

    const preview = await call('minutes:render', { meetingId });
    expect(preview.ok).toBe(true);
    const value = (preview as unknown as { value: { bytes: Uint8Array; fileName: string } }).value;
    expect(value.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(value.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(value.fileName).toBe('meeting-1.minutes-v1.pdf');
    expect(await call('minutes:render', { meetingId, version: 2 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('saves PDF and DOCX where chosen, and never over an existing file', async () => {
    const { meetingId, platform, call, dir } = setUp();
    await call('minutes:draft', { meetingId });

    const pdf = join(dir, 'minutes.pdf');
    platform.chosen.push(pdf);
    expect(await call('minutes:export', { meetingId, format: 'pdf' })).toMatchObject({
      ok: true,
      value: { path: pdf, version: { version: 1, status: 'draft' } },
    });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const docx = join(dir, 'minutes.docx');
    platform.chosen.push(docx);
    expect(await call('minutes:export', { meetingId, version: 1, format: 'docx' })).toMatchObject({
      ok: true,
      value: { path: docx },
    });
    expect((await unzipText(readFileSync(docx))).get('word/document.xml')).toContain(
      '1015 피해지원 협의체',
    );

    const taken = join(dir, 'taken.pdf');
    writeFileSync(taken, 'someone else');
    platform.chosen.push(taken);
    const refused = await call('minutes:export', { meetingId, format: 'pdf' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ code: 'file_exists' }] },
    });
    expect((refused as { error: { message: string } }).error.message).toContain(
      'never overwritten',
    );
    expect(readFileSync(taken, 'utf8')).toBe('someone else');

    platform.chosen.push(null);
    expect(await call('minutes:export', { meetingId, format: 'pdf' })).toMatchObject({
      ok: true,
      value: { path: null },
    });
    expect(existsSync(join(dir, 'nothing.pdf'))).toBe(false);
  });

  it('refuses payloads that do not fit, naming the field', async () => {
    const { meetingId, call } = setUp();
    for (const [channel, payload, field] of [
      ['minutes:export', { meetingId, format: 'odt' }, 'format'],
      ['minutes:approve', { meetingId }, 'version'],
      ['minutes:approve', { meetingId, version: 0 }, 'version'],
      ['minutes:render', { meetingId: 'one' }, 'meetingId'],
      ['minutes:draft', { meetingId, extra: true }, '(payload)'],
    ] as const) {
      const result = (await call(channel, payload)) as unknown as {
        ok: false;
        error: { code: string; issues: { path: string }[] };
      };
      expect(result.ok, channel).toBe(false);
      expect(result.error.code).toBe('invalid_payload');
      expect(result.error.issues.map((i) => i.path)).toContain(field);
    }
    expect(await call('minutes:draft', { meetingId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
