import { afterEach, describe, expect, it } from 'vitest';
import * as sampling from '../../../src/main/services/sampling/channels';
import { checkSampledClaim } from '../../../src/main/services/sampling/check';
import { drawSample } from '../../../src/main/services/sampling/draw';
import { listSample } from '../../../src/main/services/sampling/status';
import type { ChannelIo } from '../../../src/main/services/channel';
import { openTempWorkspace } from '../../helpers/temp-workspace';
import { actAs, councilWorkspace, expectServiceError } from '../meetings/support';

/*
 * The sampling services' own refusals, on real SQLite: each names what is wrong and writes
 * nothing. (The CLI test covers drawing, checking and the figures at 100,000 claims.)
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
const io = {} as ChannelIo;

function workspace() {
  const ws = councilWorkspace();
  cleanups.push(ws.cleanup);
  return ws;
}
const rows = (ws: ReturnType<typeof workspace>) =>
  ['samples', 'sample_checks', 'audit_log'].map((table) =>
    ws.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(),
  );

describe('sampling services', () => {
  it('answers null before any draw, then the latest sample, by channel', async () => {
    const ws = workspace();
    expect(await sampling.status(ws, {}, io)).toEqual({ summary: null });
    const drawn = await sampling.draw(ws, { seed: 's', batchId: 1 }, io);
    expect(drawn.sample).toMatchObject({ id: 1, batchId: 1, confidence: 0.95, margin: 0.03 });
    expect((await sampling.status(ws, {}, io)).summary).toEqual(drawn);
    expectServiceError(
      () => sampling.status(ws, { sampleId: 9 }, io),
      'not_found',
      'unknown_sample',
    );
  });

  it('refuses a draw with a rule it cannot apply, or nothing to draw from', () => {
    const ws = workspace();
    const before = rows(ws);
    expectServiceError(
      () => drawSample(ws, { confidence: 0.8 }),
      'validation_failed',
      'unsupported_confidence',
    );
    expectServiceError(
      () => drawSample(ws, { margin: 0.5 }),
      'validation_failed',
      'margin_out_of_range',
    );
    expectServiceError(() => drawSample(ws, { seed: '  ' }), 'validation_failed', 'seed_invalid');
    expectServiceError(() => drawSample(ws, { batchId: 99 }), 'not_found', 'unknown_batch');
    const empty = openTempWorkspace();
    cleanups.push(empty.cleanup);
    actAs(empty, '박서연');
    expectServiceError(() => drawSample(empty, {}), 'validation_failed', 'empty_population');
    expect(rows(ws)).toEqual(before);
  });

  it('refuses a check whose verdict and reasons do not fit, and one of an unknown sample', () => {
    const ws = workspace();
    drawSample(ws, { seed: 'checks' });
    const [claim] = listSample(ws, 1).claims;
    actAs(ws, '김민준');
    const before = rows(ws);
    const check = (over: Partial<Parameters<typeof checkSampledClaim>[1]>) => () =>
      checkSampledClaim(ws, {
        sampleId: 1,
        claimId: claim!.claimId,
        verdict: 'confirmed',
        reasonCodes: [],
        ...over,
      });
    expectServiceError(
      check({ reasonCodes: ['other'] }),
      'validation_failed',
      'reason_not_allowed',
    );
    expectServiceError(
      check({ verdict: 'not_confirmed', reasonCodes: ['other'] }),
      'validation_failed',
      'note_required_for_other',
    );
    expectServiceError(
      check({ verdict: 'not_confirmed', reasonCodes: ['made_up'] }),
      'validation_failed',
      'unknown_reason',
    );
    expectServiceError(
      check({ verdict: 'not_confirmed', reasonCodes: ['other', 'other'], note: 'x' }),
      'validation_failed',
      'duplicate_reason',
    );
    expectServiceError(check({ sampleId: 2 }), 'not_found', 'unknown_sample');
    actAs(ws, '감사 윤');
    expectServiceError(check({}), 'forbidden');
    expect(rows(ws)).toEqual(before);
  });
});
