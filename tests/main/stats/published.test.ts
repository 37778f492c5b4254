import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatStats } from '../../../src/main/cli/text-output';
import { importBatch } from '../../../src/main/services/intake/import-batch';
import { batchStats, sharesOf } from '../../../src/main/services/stats/stats';
import { stats as statsSchema, type StatsBasis } from '../../../src/shared/ipc/stats-schemas';
import { GOOD_ROWS, writeCsv } from '../../helpers/batch-files';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { INTAKE, writePublishedIntake } from './published-intake';

/*
 * The council analysed the 87,195 Kakao claims of the 105,116 it received, and published its
 * shares over those. A batch built to the published counts, imported through the real import,
 * must give back the published shares on the Kakao base, with the published figures beside.
 */

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((fn) => fn()));

const percents = (breakdown: StatsBasis['byClaimantType'] | StatsBasis['byDamageType']) =>
  Object.fromEntries(Object.entries(breakdown).map(([key, share]) => [key, share.percent]));
const counts = (breakdown: StatsBasis['byClaimantType'] | StatsBasis['byDamageType']) =>
  Object.fromEntries(Object.entries(breakdown).map(([key, share]) => [key, share.count]));

// Imported once (about 5 s): the tests read it, and the last one adds a batch after it.
let intake: Awaited<ReturnType<typeof importIntake>>;
beforeAll(async () => {
  intake = await importIntake();
}, 60_000);

async function importIntake() {
  const ws = openTempWorkspace();
  const temp = makeTempDir('review-desk-intake-');
  cleanups.push(ws.cleanup, temp.cleanup);
  const report = await importBatch(ws, { file: writePublishedIntake(temp.dir) });
  return { ws, dir: temp.dir, report };
}

describe('stats over the council’s whole intake', { timeout: 60_000 }, () => {
  it('reproduces the published Kakao base and its shares, with the published figures beside', () => {
    const { ws, report } = intake;
    expect(report).toMatchObject({ rows: INTAKE.received, imported: INTAKE.received });
    expect(report.quarantined).toBe(0);

    const stats = batchStats(ws, report.batchId);
    expect(statsSchema.parse(stats)).toEqual(stats);
    expect(stats.claims).toBe(105_116);
    expect(stats.byAffiliate).toEqual({ kakao: 87_195, other: 17_921 });

    const { kakao, all } = stats.bases;
    expect(kakao.claims).toBe(87_195);
    expect(counts(kakao.byClaimantType)).toEqual(INTAKE.claimants);
    expect(percents(kakao.byClaimantType)).toEqual({
      individual: 79.8,
      small_business: 20.0,
      enterprise: 0.2,
    });
    expect(counts(kakao.byDamageType)).toEqual(INTAKE.damages);
    expect(percents(kakao.byDamageType)).toEqual({
      paid: 17.1,
      free_monetary: 15.1,
      non_monetary: 67.8,
    });
    // Over every claim the other affiliates' individual claims shift the shares.
    expect(all.claims).toBe(105_116);
    expect(percents(all.byClaimantType)).toEqual({
      individual: 83.2,
      small_business: 16.6,
      enterprise: 0.2,
    });

    // Beside ours: the figures as printed, 83.1% although the counts give 82.95%.
    expect(stats.published).toEqual({
      received: 105_116,
      kakao: { count: 87_195, percent: 83.1, approximate: false },
      byClaimantType: {
        individual: { count: null, percent: 79.8, approximate: false },
        small_business: { count: null, percent: 20, approximate: false },
        enterprise: { count: null, percent: 0.2, approximate: false },
      },
      byDamageType: {
        paid: { count: 14_918, percent: 17.1, approximate: false },
        free_monetary: { count: 13_195, percent: 15.1, approximate: true },
        non_monetary: { count: 59_082, percent: 67.8, approximate: false },
      },
    });
    // The whole workspace is the same claims here.
    expect(batchStats(ws).published).toEqual(stats.published);
  });

  it('prints both bases and the published figures in the CLI text', () => {
    const { ws, report } = intake;
    const stats = batchStats(ws, report.batchId);
    const text = formatStats(stats, {
      byAffiliate: sharesOf(stats.byAffiliate),
      byTier: sharesOf(stats.byTier),
    });
    const line = (start: string) => text.split('\n').find((l) => l.trimStart().startsWith(start));
    expect(line('카카오 Kakao')).toMatch(/87,195 +83\.0% \| 발표 published 87,195 \(83\.1%\)/);
    expect(line('신청인구분')).toBe(
      '신청인구분 claimant type: 카카오 기준 Kakao base (87,195) | 전체 기준 all claims (105,116) | 발표 published',
    );
    expect(line('일반이용자')).toMatch(/69,582 +79\.8% \| +87,503 +83\.2% \| 79\.8%$/);
    expect(line('소상공인')).toMatch(/17,439 +20\.0% \| +17,439 +16\.6% \| 20%$/);
    expect(line('무료서비스금전')).toMatch(/13,195 +15\.1% \| .* \| 약 13,195 \(15\.1%\)$/);
    expect(text).toContain('발표 83.1%는 발표 건수로 82.95% (87,195 / 105,116)');
  });

  it('leaves the published figures out where the scope is not the whole intake', async () => {
    const { ws, dir, report } = intake;
    const more = await importBatch(ws, { file: writeCsv(dir, 'more.csv', GOOD_ROWS, 'utf-8') });
    expect(more.imported).toBe(GOOD_ROWS.length);
    expect(batchStats(ws, report.batchId).published).not.toBeNull();
    expect(batchStats(ws, more.batchId).published).toBeNull();
    // The workspace now holds more than the council received: other claims, no comparison.
    expect(batchStats(ws).published).toBeNull();
    const text = formatStats(batchStats(ws), { byAffiliate: {}, byTier: {} });
    expect(text).toContain("not compared: this scope is not the council's whole intake");
  });
});
