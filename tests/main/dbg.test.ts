import { it } from 'vitest';
import { importBatch } from '../../src/main/services/import/import-batch';
import { GOOD_ROWS, writeCsv } from '../support/batch-files';
import { makeTempDir, openTempWorkspace } from '../support/temp-workspace';
it('dbg', async () => {
  const { dir } = makeTempDir();
  const rows = Array.from({ length: 20000 }, (_, i) => {
    const r = [...GOOD_ROWS[i % 5]!];
    r[0] = `K-2022-${String(500000 + i)}`;
    r[13] = '';
    return r;
  });
  const file = writeCsv(dir, 'a.csv', rows, 'utf-8');
  const ws = openTempWorkspace();
  const t = performance.now();
  const r = await importBatch(ws, { file });
  console.log('ms', performance.now() - t, r.imported);
}, 60000);
