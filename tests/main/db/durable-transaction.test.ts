import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { durableTransaction, openDatabase } from '../../../src/main/db/connection';
import { makeTempDir } from '../../helpers/temp-workspace';
import { TEST_KEY } from '../../helpers/workspace-key';

/* What the council acknowledges commits with synchronous = FULL; the connection stays NORMAL. */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
function db() {
  const { dir, cleanup } = makeTempDir('review-desk-durable-');
  const opened = openDatabase(join(dir, 'test.db'), { key: TEST_KEY, migrate: false });
  cleanups.push(cleanup, () => opened.close());
  opened.exec('CREATE TABLE t (x INTEGER)');
  return opened;
}
const FULL = 2;
const NORMAL = 1;
const sync = (d: ReturnType<typeof db>) => d.pragma('synchronous', { simple: true });

describe('durableTransaction', () => {
  it('commits under FULL and puts the connection back to NORMAL', () => {
    const d = db();
    expect(sync(d)).toBe(NORMAL);
    const seen = durableTransaction(d, () => {
      d.prepare('INSERT INTO t VALUES (1)').run();
      return sync(d);
    });
    expect(seen).toBe(FULL);
    expect(sync(d)).toBe(NORMAL);
    expect(d.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
  });

  it('rolls back on a throw and still puts NORMAL back', () => {
    const d = db();
    expect(() =>
      durableTransaction(d, () => {
        d.prepare('INSERT INTO t VALUES (1)').run();
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(sync(d)).toBe(NORMAL);
    expect(d.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
  });

  it('takes the write lock at BEGIN when asked (immediate), and nests as a savepoint', () => {
    const d = db();
    durableTransaction(
      d,
      () => {
        expect(d.inTransaction).toBe(true);
        durableTransaction(d, () => d.prepare('INSERT INTO t VALUES (2)').run());
        expect(sync(d)).toBe(FULL);
      },
      'immediate',
    );
    expect(sync(d)).toBe(NORMAL);
    expect(d.prepare('SELECT x FROM t').pluck().all()).toEqual([2]);
  });
});
