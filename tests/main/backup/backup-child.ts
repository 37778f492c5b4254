/**
 * A process that makes one automatic backup and ends: the kill -9 trials start it, wait for
 * "backing up", and kill it at a random moment of the backup.
 */
import { backUpInto } from '../../../src/main/services/backup/auto-backup';
import { openTestWorkspace } from '../../helpers/workspace-key';

const [dataDir, folder] = process.argv.slice(2);
const ctx = openTestWorkspace(dataDir!);
process.stdout.write('backing up\n');
const started = performance.now();
await backUpInto(ctx, folder!, 100);
process.stdout.write(`done ${(performance.now() - started).toFixed(0)}\n`);
ctx.db.close();
