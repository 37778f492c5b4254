import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { minutesSheet, type MinutesSheet } from '../../../src/shared/domain/minutes';
import { draftMinutes } from '../../../src/main/services/minutes';
import { pdfMake } from '../../../src/main/services/minutes/pdf/pdfmake';
import { minutesPdf } from '../../../src/main/services/minutes/pdf/render';
import { pdfSpeedups } from '../../../src/main/services/minutes/pdf/speedups';
import { getStoredMinutes } from '../../../src/main/services/minutes/versions';
import { asSecretary, minutesWorkspace, type MinutesWorkspace } from './fixture';

/*
 * The minutes PDF renders with pdfmake and pdfkit sped up (pdf/speedups.ts): the same bytes as
 * without, for a meeting's minutes and for a decision table long enough to run over pages.
 */

let ws: MinutesWorkspace | undefined;
// Sets pdfmake up, which installs the speedups with a font to find fontkit's subset class by.
beforeAll(() => void pdfMake());
afterEach(() => {
  ws?.cleanup();
  pdfSpeedups(true);
});

function draftedSheet(): MinutesSheet {
  const held = minutesWorkspace();
  ws = held.ws;
  asSecretary(ws);
  draftMinutes(ws, held.meetingId);
  const stored = getStoredMinutes(ws, held.meetingId);
  return minutesSheet(stored.model, stored.info);
}

/** The sheet with its longest table's rows repeated to `rows`. */
function lengthened(sheet: MinutesSheet, rows: number): MinutesSheet {
  const tables = sheet.blocks.filter((block) => block.kind === 'table');
  const longest = tables.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
  return {
    ...sheet,
    blocks: sheet.blocks.map((block) =>
      block === longest
        ? {
            ...longest,
            rows: Array.from({ length: rows }, (_, i) => longest.rows[i % longest.rows.length]!),
          }
        : block,
    ),
  };
}

async function bothWays(sheet: MinutesSheet): Promise<[Buffer, Buffer]> {
  pdfSpeedups(true);
  const fast = Buffer.from(await minutesPdf(sheet));
  pdfSpeedups(false);
  const plain = Buffer.from(await minutesPdf(sheet));
  return [fast, plain];
}

describe('the minutes PDF with pdfmake sped up', { timeout: 60_000 }, () => {
  it('is byte for byte the PDF pdfmake makes on its own', async () => {
    const [fast, plain] = await bothWays(draftedSheet());
    expect(fast.length).toBeGreaterThan(10_000);
    expect(fast.equals(plain)).toBe(true);
  });

  it('is so for a decision table over several pages too', async () => {
    const [fast, plain] = await bothWays(lengthened(draftedSheet(), 120));
    expect(fast.equals(plain)).toBe(true);
  });
});
