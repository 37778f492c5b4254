// npm run bench: every area's figures, one JSON line each. npm run bench:<area> runs one area.
// Each area runs in a process of its own: a figure taken after another area's 100k-row import
// would carry that area's heap and garbage into it (verify.10k measured ~30% slower that way).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const AREAS = [
  'cli',
  'import',
  'decision',
  'grid',
  'grid-indexes',
  'verify',
  'minutes',
  'reports',
  'backup',
];

for (const area of AREAS) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, `${area}.ts`)],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) {
    process.stderr.write(`bench: ${area} failed (exit ${run.status ?? run.signal})\n`);
    process.exit(1);
  }
}
