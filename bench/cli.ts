// npm run bench:cli: how long `review-desk --version` takes from a terminal (the built CLI,
// built once beforehand), against `sqlite-utils --version` in the same run: Debian's package,
// a Python command line of the same kind (null where it is not installed). Median of runs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { emit, hasCommand, round } from './support';

const RUNS = 11;
const BIN = join(import.meta.dirname, '../bin/review-desk.mjs');

function medianSeconds(command: string, args: string[]): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const result = spawnSync(command, args, { stdio: 'ignore' });
    if (result.status !== 0)
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
    times.push((performance.now() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

// The first run builds the CLI if its sources have no build yet; that is not start-up.
spawnSync(process.execPath, [BIN, '--version'], { stdio: 'ignore' });
const ours = medianSeconds(process.execPath, [BIN, '--version']);
const reference = hasCommand('sqlite-utils') ? medianSeconds('sqlite-utils', ['--version']) : null;
emit({
  bench: 'cli.startup',
  value: round(ours, 3),
  unit: 's',
  reference: reference === null ? null : 'sqlite-utils --version',
  referenceValue: reference === null ? null : round(reference, 3),
  runs: RUNS,
  // Where sqlite-utils is absent the target is an absolute one (issue 17).
  target: reference === null ? 'under 0.3 s' : 'at most 1.5x sqlite-utils',
});
