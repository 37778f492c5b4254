import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One figure, one JSON line on stdout (docs/architecture.md). */
export interface Figure {
  bench: string;
  value: number;
  unit: string;
  reference: string | null;
  referenceValue: number | null;
  [extra: string]: unknown;
}

export function emit(figure: Figure): void {
  const ratio = figure.referenceValue ? round(figure.value / figure.referenceValue, 3) : null;
  process.stdout.write(`${JSON.stringify({ ...figure, ratio })}\n`);
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function scratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `review-desk-bench-${name}-`));
}

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
