import { afterAll, describe, expect, it } from 'vitest';
import { decodeLedgerSourceRow, LEDGER_SQL } from '../../../src/main/db/repositories/ledger';
import { openTempWorkspace } from '../../helpers/temp-workspace';

/*
 * The ledger reads its rows as arrays (.raw()) and names them in decodeLedgerSourceRow, in the
 * order of LEDGER_SQL's columns: a column added, removed or moved in one and not the other would
 * put values under the wrong names.
 */

const ws = openTempWorkspace();
afterAll(() => ws.cleanup());

describe('the ledger rows read as arrays', () => {
  it('are named in the order of the query’s columns, each by its own name', () => {
    const columns = ws.db
      .prepare(LEDGER_SQL)
      .columns()
      .map((column) => column.name);
    const tuple = columns.map((_, i) => i) as unknown as Parameters<
      typeof decodeLedgerSourceRow
    >[0];
    const named = decodeLedgerSourceRow(tuple);
    expect(Object.keys(named)).toEqual(columns);
    expect(Object.values(named)).toEqual(columns.map((_, i) => i));
  });
});
