import { describe, expect, it } from 'vitest';
import { findMeeting } from '../../../src/main/db/repositories/meetings';
import type { ServiceContext } from '../../../src/main/services/context';
import { draftMinutes, renderMinutes } from '../../../src/main/services/minutes';
import { currentMinutesModel } from '../../../src/main/services/minutes/versions';
import { minutesSheet, type MinutesVersionInfo } from '../../../src/shared/domain/minutes';
import { councilDecides } from '../ledger/support';
import { unzipText } from '../minutes/unzip';
import { admit, appealsWorkspace, BRACKET_30K, BRACKET_50K, fileOn, reject } from './support';

const VERSION: MinutesVersionInfo = {
  version: 1,
  sha256: 'a'.repeat(64),
  status: 'draft',
  madeAt: '2022-12-21T00:00:00.000Z',
  madeBy: '박서연',
  approvedAt: null,
  approvedBy: null,
};

function minutesOf(ctx: ServiceContext, meetingId: number) {
  const model = currentMinutesModel(ctx, findMeeting(ctx.db, meetingId)!);
  return { model, sheet: minutesSheet(model, VERSION) };
}

const headings = (sheet: ReturnType<typeof minutesSheet>) =>
  sheet.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));

describe("the minutes' appeals section", { timeout: 60_000 }, () => {
  it('reports every appeal up to the close, each ruling with its reason, and the council’s decision', async () => {
    const ws = appealsWorkspace();
    admit(ws, (await fileOn(ws, BRACKET_30K, '실제 손실은 30만원 전액')).appeal.id, '장부 확인');
    reject(ws, (await fileOn(ws, BRACKET_50K, '더 큰 손실')).appeal.id, '증빙 없음');
    await fileOn(ws, 'K-2022-000107', '손실 재산정 요청');
    const meetingId = councilDecides(ws, 1, '2022-12-20', [
      {
        claimId: BRACKET_30K,
        motion: { outcome: 'approve', amount: 300_000, reasonCodes: [] },
        note: '',
      },
    ]);
    // Filed after the meeting closed: the next meeting's business, not this one's.
    await fileOn(ws, 'K-2022-000101', '회의 뒤에 온 이의신청');

    const { model, sheet } = minutesOf(ws, meetingId);
    expect(model.appeals).toEqual([
      {
        id: 1,
        claimId: BRACKET_30K,
        businessName: expect.any(String),
        receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        grounds: '실제 손실은 30만원 전액',
        ruling: { ruling: 'admitted', reason: '장부 확인', by: '박서연', at: expect.any(String) },
        decision: { outcome: 'approve', amount: 300_000, meetingNumber: 1 },
      },
      expect.objectContaining({
        claimId: BRACKET_50K,
        ruling: expect.objectContaining({ ruling: 'rejected', reason: '증빙 없음' }),
        decision: null,
      }),
      expect.objectContaining({ claimId: 'K-2022-000107', ruling: null, decision: null }),
    ]);

    expect(headings(sheet)).toEqual([
      '1. 안건 및 의결 결과',
      '2. 집계',
      expect.stringMatching(/^3\. 지급 현황/),
      '4. 이의신청 (Appeals)',
      '5. 위원 명부와 회의록 확인',
      '6. 서명',
    ]);
    const at = sheet.blocks.findIndex((b) => b.kind === 'heading' && b.text.includes('이의신청'));
    const intro = sheet.blocks[at + 1]!;
    expect(intro).toMatchObject({
      kind: 'paragraph',
      text: expect.stringContaining('이의신청 3건: 인용 1건, 기각 1건, 결정 전 1건'),
    });
    const table = sheet.blocks[at + 2]!;
    if (table.kind !== 'table') throw new Error('the section has no table');
    expect(table.rows.map((row) => row.cells.slice(4))).toEqual([
      ['인용', '제1차 회의 인정 300,000원'],
      ['기각', '-'],
      ['접수', '-'],
    ]);
    expect(table.rows[1]!.detail).toContain('기각 사유: 증빙 없음 (박서연,');

    // Drafted and printed: the stored version carries the section into the DOCX (and PDF).
    draftMinutes(ws, meetingId);
    const docx = await renderMinutes(ws, { meetingId, format: 'docx' });
    const xml = (await unzipText(docx.bytes)).get('word/document.xml')!;
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('4. 이의신청 (Appeals)');
    expect(text).toContain('인용 사유: 장부 확인');
    const pdf = await renderMinutes(ws, { meetingId, format: 'pdf' });
    expect(pdf.bytes.byteLength).toBeGreaterThan(1000);
  });

  it('is left out of a meeting’s minutes while there are no appeals, numbering unchanged', () => {
    const ws = appealsWorkspace();
    const meetingId = councilDecides(ws, 1, '2022-12-20', [
      {
        claimId: 'K-2022-000101',
        motion: { outcome: 'approve', amount: 620_000, reasonCodes: [] },
        note: '',
      },
    ]);
    const { model, sheet } = minutesOf(ws, meetingId);
    expect(model).not.toHaveProperty('appeals');
    expect(headings(sheet).slice(3)).toEqual(['4. 위원 명부와 회의록 확인', '5. 서명']);
  });
});
