import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../src/main/services/ledger/ledger-csv';
import { FORMULA_PAYLOADS } from '../../helpers/formula-payloads';

/*
 * The ledger's CSV lines are quoted as Papa.unparse quoted them when it wrote the file: the
 * files the council has stay the files it gets.
 */

const papaLine = (cells: (string | number | null)[]) => Papa.unparse([cells], { newline: '\r\n' });

/** Text weighted towards what quoting turns on: quotes, commas, line ends, BOMs, edge spaces. */
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', ',', '\r', '\n', '\r\n', ' ', '\uFEFF', '\t', "'", '=', '·'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const cell = fc.oneof(tricky, fc.integer(), fc.constant(null));

describe('a ledger CSV line', () => {
  it('is the line Papa.unparse writes for the same cells', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 15 }), (cells) => {
        expect(csvLine(cells)).toBe(papaLine(cells));
      }),
      { numRuns: 2_000 },
    );
  });

  it('quotes the intake tests’ formula payloads as Papa does', () => {
    for (const payload of FORMULA_PAYLOADS)
      expect(csvLine([payload, `'${payload}`, 1])).toBe(papaLine([payload, `'${payload}`, 1]));
  });
});
