/**
 * A process that keeps committing to a test ledger (copy-database-files.test.ts) until killed:
 * small transactions, each adding rows and their amount to the total, with checkpoints often.
 */
import { openDatabase } from '../../../src/main/db/connection';

const [file, keyHex] = process.argv.slice(2);
const db = openDatabase(file!, { key: Buffer.from(keyHex!, 'hex'), migrate: false });
db.pragma('wal_autocheckpoint = 20');
const insert = db.prepare('INSERT INTO entries (amount, filler) VALUES (?, ?)');
const add = db.transaction((count: number, amount: number) => {
  for (let i = 0; i < count; i += 1) insert.run(amount, 'y'.repeat(300));
  db.prepare('UPDATE totals SET amount = amount + ?').run(count * amount);
});
process.stdout.write('writing\n');
for (let round = 1; ; round += 1) {
  add(1 + (round % 50), round % 13);
  if (round % 25 === 0) db.pragma('wal_checkpoint(PASSIVE)');
  if (round % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
}
