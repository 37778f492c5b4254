import { describe, expect, it } from 'vitest';
import {
  guardCell,
  isFormulaLike,
  neutraliseFormula,
  unguardCell,
} from '../../src/shared/domain/spreadsheet-cell';
import { FORMULA_PAYLOADS } from '../helpers/formula-payloads';

describe('neutraliseFormula', () => {
  it.each([
    ['=', '=1+1'],
    ['+', '+1+1'],
    ['-', '-1+1'],
    ['@', '@SUM(A1)'],
    ['tab', '\t=1'],
    ['carriage return', '\r=1'],
    ['a lone tab', '\tabc'],
    ['a lone carriage return', '\rabc'],
    ['full-width =', '＝1+1'],
    ['full-width +', '＋1'],
    ['full-width -', '－1'],
    ['full-width @', '＠SUM(A1)'],
    ['small form =', '﹦1+1'],
    ['space before =', '  =1+1'],
    ['line feed before =', '\n=1+1'],
    ['ideographic space before =', '\u3000=1+1'],
    ['a lone trigger', '='],
  ])('prefixes a quote to a cell that starts with %s', (_, text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('makes every payload of the intake tests inert', () => {
    for (const payload of FORMULA_PAYLOADS) {
      expect(neutraliseFormula(payload), JSON.stringify(payload)).toBe(`'${payload}`);
    }
  });

  it.each([
    ['empty', ''],
    ['Hangul', '을지로 국밥집'],
    ['a registration number', '214-86-12341'],
    ['a claim id', 'K-2022-000101'],
    ['an inner =', '가게 = 식당'],
    ['a trailing formula', '국밥 =1+1'],
    ['a quote already', "'=1+1"],
    ['a negative number', '-5,000'],
    ['a negative decimal', '-12.5'],
    ['a negative number after a space', ' -5000'],
    ['a leading line feed alone', '\n국밥'],
    ['an e-mail', 'owner@example.com'],
    ['a date', '2022-10-20'],
    ['the minus sign U+2212', '\u22125'],
  ])('leaves %s as it is', (_, text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('is idempotent: a neutralised cell is not quoted again', () => {
    for (const payload of FORMULA_PAYLOADS) {
      const once = neutraliseFormula(payload);
      expect(neutraliseFormula(once)).toBe(once);
    }
  });
});

describe('guardCell and unguardCell (files that come back in)', () => {
  const quoted = (text: string) => [text, `'${text}`, `''${text}`];
  const samples = [
    ...FORMULA_PAYLOADS.flatMap(quoted),
    ...['', '을지로 국밥집', "'", "''", "'그냥", '-5,000', "'-5,000", '가게 = 식당'].flatMap(
      quoted,
    ),
  ];

  it('is undone exactly: unguardCell(guardCell(text)) is the text, quotes and all', () => {
    for (const text of samples)
      expect(unguardCell(guardCell(text)), JSON.stringify(text)).toBe(text);
  });

  it('makes every cell inert, as neutraliseFormula does', () => {
    for (const text of samples)
      expect(isFormulaLike(guardCell(text)), JSON.stringify(text)).toBe(false);
    for (const payload of FORMULA_PAYLOADS) expect(guardCell(payload)).toBe(`'${payload}`);
  });

  it("quotes a person's own quote before a formula, so the two cannot be confused", () => {
    expect(guardCell('=1+1')).toBe("'=1+1");
    expect(guardCell("'=1+1")).toBe("''=1+1");
    expect(unguardCell("''=1+1")).toBe("'=1+1");
  });

  it('leaves a quote alone when what follows would not have been guarded', () => {
    for (const text of ["'그냥 인용", "'-5,000", "'", "'가게 = 식당", "'K-2022-1"])
      expect(unguardCell(text)).toBe(text);
  });
});
