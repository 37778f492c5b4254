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
import {
  generateClaimRows,
  writeBatchCsv,
  writeEvidenceFolder,
  type ClaimRow,
} from '../src/main/demo/index';

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

/**
 * A few rows the way real intake files go wrong, so the demo shows quarantine too: a date no
 * one can read, a mistyped registration number, an unknown claimant type, a claim id twice,
 * and a review case whose evidence file never arrived.
 */
function withTypicalMistakes(rows: ClaimRow[]): ClaimRow[] {
  const business = rows.find(
    (row) => row.claimant_type === '소상공인' && row.business_reg_no !== '',
  )!;
  const review = rows.find((row) => row.evidence !== '')!;
  const mistyped = business.business_reg_no.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
  const extra = (n: number, changes: Partial<ClaimRow>): ClaimRow => ({
    ...business,
    claim_id: `K-2022-9${String(n).padStart(5, '0')}`,
    ...changes,
  });
  return [
    ...rows,
    extra(1, { received_at: '10월 말경' }),
    extra(2, { business_reg_no: mistyped }),
    extra(3, { claimant_type: '프리랜서' }),
    { ...rows[1]! },
    extra(4, {
      evidence: `${review.evidence};K-2022-900004/receipt_scan.jpg`,
      claim_id: 'K-2022-900004',
    }),
  ];
}

async function main(): Promise<void> {
  // The batch is small, so the rows are kept once and used for both the CSV and the evidence.
  const rows = withTypicalMistakes([...generateClaimRows({ count: ROWS, seed: SEED })]);
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
