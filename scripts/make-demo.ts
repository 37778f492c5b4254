/**
 * Regenerates resources/demo: the demo batch (300 claims, UTF-8 with BOM, Korean headers, as
 * Korean Excel users hand it over) and its evidence folder. Seeded, so the output is the same
 * on every run and can be committed.
 *
 *   npx tsx scripts/make-demo.ts
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClaimRows, writeBatchCsv, writeEvidenceFolder } from '../src/main/demo/index';

const SEED = 1015;
const ROWS = 300;
const MAX_BYTES = 3 * 1024 * 1024;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = join(root, 'resources', 'demo');
const evidenceDir = join(demoDir, 'evidence');

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await sizeOf(join(path, entry));
  return total;
}

async function main(): Promise<void> {
  // The batch is small, so the rows are kept once and used for both the CSV and the evidence.
  const rows = [...generateClaimRows({ count: ROWS, seed: SEED })];
  // Stale files from an earlier seed would otherwise linger in the committed folder.
  await rm(evidenceDir, { recursive: true, force: true });
  const csvPath = join(demoDir, 'demo-batch.csv');
  await writeBatchCsv(csvPath, rows, { encoding: 'utf-8-bom', headers: 'ko' });
  const evidence = await writeEvidenceFolder(evidenceDir, rows);
  const total = await sizeOf(demoDir);
  console.log(`demo-batch.csv: ${rows.length} rows, ${await sizeOf(csvPath)} bytes`);
  console.log(`evidence: ${evidence.written} files, ${await sizeOf(evidenceDir)} bytes`);
  if (evidence.missing.length > 0)
    console.log(`missing on purpose: ${evidence.missing.join(', ')}`);
  console.log(`resources/demo total: ${total} bytes`);
  if (total > MAX_BYTES) throw new Error(`resources/demo is over ${MAX_BYTES} bytes`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
