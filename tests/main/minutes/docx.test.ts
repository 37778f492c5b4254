import { afterEach, describe, expect, it } from 'vitest';
import { approveMinutes, draftMinutes, renderMinutes } from '../../../src/main/services/minutes';
import { REVIEW_CLAIM, OTHER_REVIEW_CLAIM } from '../meetings/support';
import { asChair, minutesWorkspace, type MinutesWorkspace } from './fixture';
import { unzipText } from './unzip';

/*
 * The same minutes as a Word document: unzipped and read as Word reads it, for the Korean
 * text, the East Asian font names Korean Word picks up, A4 and the page number fields.
 */

let ws: MinutesWorkspace | undefined;
afterEach(() => ws?.cleanup());

/** The text runs of a WordprocessingML part, joined. */
const runText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function approvedDocx() {
  const made = minutesWorkspace();
  ws = made.ws;
  draftMinutes(ws, made.meetingId);
  asChair(ws);
  approveMinutes(ws, { meetingId: made.meetingId, version: 1 });
  const rendered = await renderMinutes(ws, { meetingId: made.meetingId, format: 'docx' });
  return { rendered, files: await unzipText(rendered.bytes) };
}

describe('the minutes as DOCX', { timeout: 60_000 }, () => {
  it('holds the Korean minutes: council, attendance, each decision, roll call and totals', async () => {
    const { rendered, files } = await approvedDocx();
    expect(rendered.fileName).toBe('meeting-1.minutes-v1.docx');
    const text = runText(files.get('word/document.xml')!);
    expect(text).toContain('회 의 록');
    expect(text).toContain('1015 피해지원 협의체 제1차 회의');
    expect(text).toContain('4명: 이도윤(위원장), 김민준, 정우진, 최하은');
    expect(text).toContain('1명: 한지민');
    for (const claimId of [REVIEW_CLAIM, OTHER_REVIEW_CLAIM]) expect(text).toContain(claimId);
    expect(text).toContain('620,000원');
    expect(text).toContain('차기 회의 이월');
    expect(text).toContain(
      '표결: 찬성 2명(이도윤, 김민준), 회피 1명(최하은), 미표결 1명(정우진), 불참 1명(한지민)',
    );
    expect(text).toContain('합계2건2,570,000원620,000원');
    // The workspace's payout position, as the PDF lays it out from the same sheet.
    expect(text).toContain('3. 지급 현황 (회의록 작성 시점, 작업 공간 전체)');
    expect(text).toContain('가. 지급 예정 (건수 × 지원액 = 금액)');
    expect(text).toContain('30만원 이하 구간1건30,000원30,000원');
    expect(text).toContain('지급 예정 합계4건750,000원');
    expect(text).toContain('위원회 미결 (청구액)');
    expect(text).toContain('발표 기준 (참고, 위 합계에 더하지 않음)');
    expect(text).toContain('4. 위원 명부와 회의록 확인');
    expect(text).toContain('위 회의록의 내용이 사실과 다름없음을 확인하며 서명합니다.');
    expect(text).toContain(rendered.version.sha256);
    expect(text).not.toContain('초안');
  });

  it('names 바탕 and 맑은 고딕 in the East Asian font slot, on A4 with page X / Y', async () => {
    const { files } = await approvedDocx();
    const document = files.get('word/document.xml')!;
    const styles = files.get('word/styles.xml')!;
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="바탕"/);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="ko-KR"/);
    expect(document).toMatch(/<w:rFonts [^>]*w:eastAsia="맑은 고딕"/);
    expect(document).toMatch(/<w:rFonts [^>]*w:eastAsia="바탕"/);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = [...files].find(([name]) => name.startsWith('word/footer'))![1];
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(runText(footer)).toContain('회의록 제1판');
    const header = [...files].find(([name]) => name.startsWith('word/header'))![1];
    expect(runText(header)).toContain('1015 피해지원 협의체 · 제1차 회의록');
    expect(files.get('docProps/core.xml')).toContain('1015 피해지원 협의체 제1차 회의 회의록');
  });
});
