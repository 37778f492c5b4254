import { afterEach, describe, expect, it } from 'vitest';
import { draftMinutes, getStoredMinutes, renderMinutes } from '../../../src/main/services/minutes';
import { checkSampledClaim } from '../../../src/main/services/sampling/check';
import { drawSample } from '../../../src/main/services/sampling/draw';
import { latestSampleSummary, listSample } from '../../../src/main/services/sampling/status';
import { minutesSheet, type SheetBlock } from '../../../src/shared/domain/minutes';
import { actAs } from '../meetings/support';
import { asSecretary, minutesWorkspace, type MinutesWorkspace } from './fixture';

/*
 * The latest post-payment sample in the minutes (사후 표본 점검): its figures as of drafting,
 * frozen in the hashed model like the payout position, laid out once for PDF and DOCX; a
 * workspace that never drew a sample has no such section.
 */

let ws: MinutesWorkspace | undefined;
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
});

const headings = (blocks: SheetBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const SECTION = '사후 표본 점검 (3만원·5만원 지원 지급분, 최근 표본)';

describe('the sampling section of the minutes', { timeout: 60_000 }, () => {
  it('carries the latest sample’s figures at drafting, with a section of its own', async () => {
    const made = minutesWorkspace();
    ws = made.ws;
    drawSample(ws, { seed: 'first' });
    drawSample(ws, { seed: 'minutes' });
    const { claims } = listSample(ws, 2);
    const [bracket30] = claims.filter((c) => c.tier === 'tier_30k');
    const [bracket50] = claims.filter((c) => c.tier === 'tier_50k');
    actAs(ws, '김민준');
    checkSampledClaim(ws, {
      sampleId: 2,
      claimId: bracket30!.claimId,
      verdict: 'not_confirmed',
      reasonCodes: ['insufficient_proof'],
    });
    checkSampledClaim(ws, {
      sampleId: 2,
      claimId: bracket50!.claimId,
      verdict: 'confirmed',
      reasonCodes: [],
    });
    asSecretary(ws);
    draftMinutes(ws, made.meetingId);

    const stored = getStoredMinutes(ws, made.meetingId);
    expect(stored.model.sampling).toEqual(latestSampleSummary(ws.db));
    expect(stored.model.sampling!.sample).toMatchObject({ id: 2, seed: 'minutes' });
    const [s30, s50] = stored.model.sampling!.strata;
    expect(s30).toMatchObject({ tier: 'tier_30k', checked: 1, notConfirmed: 1, errorRate: 1 });
    expect(s50).toMatchObject({ tier: 'tier_50k', checked: 1, notConfirmed: 0, errorRate: 0 });

    const { blocks } = minutesSheet(stored.model, stored.info);
    expect(headings(blocks)).toContain(`4. ${SECTION}`);
    expect(headings(blocks).at(-2)).toBe('5. 위원 명부와 회의록 확인');
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.text.endsWith(SECTION));
    const [intro, table] = [blocks[at + 1]!, blocks[at + 2]!];
    if (intro.kind !== 'paragraph' || table.kind !== 'table')
      throw new Error('the section is a paragraph, then its table');
    expect(intro.text).toContain('표본 #2');
    expect(intro.text).toContain('시드 "minutes"');
    const { population, size, bracketAmount } = s30!;
    expect(table.rows[0]!.cells).toEqual([
      '30만원 이하 구간 (30,000원)',
      `${population}건`,
      `${size}건`,
      '1건',
      '1건',
      '100.0%',
      `${(population * bracketAmount).toLocaleString('en-US')}원`,
    ]);
    expect(table.rows[0]!.detail).toMatch(/^95% 구간: 오류율 \d+\.\d% – 100\.0%/);
    expect(table.rows[1]!.cells.slice(5)).toEqual(['0.0%', '0원']);
    expect(table.total!.cells[0]).toBe('합계');
    // Both renderings take the section (its table, its dashes and signs in the Korean fonts).
    for (const format of ['pdf', 'docx'] as const) {
      const rendered = await renderMinutes(ws, { meetingId: made.meetingId, format });
      expect(rendered.bytes.byteLength).toBeGreaterThan(1000);
    }
  });

  it('has no section, and no sampling in the model, where no sample was drawn', () => {
    const made = minutesWorkspace();
    ws = made.ws;
    draftMinutes(ws, made.meetingId);
    const stored = getStoredMinutes(ws, made.meetingId);
    expect(stored.model).not.toHaveProperty('sampling');
    expect(headings(minutesSheet(stored.model, stored.info).blocks).join()).not.toContain(
      '사후 표본 점검',
    );
  });
});
