import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceStore } from '../../../src/main/services/evidence/store';
import { LEFTOVER_TEMP_FILE_AGE_MS } from '../../../src/main/services/new-file';
import { makeTempDir } from '../../helpers/temp-workspace';
import { openTestWorkspace } from '../../helpers/workspace-key';

/*
 * A process killed mid-write leaves dot-named temp files in the workspace folder: writeNewFile's
 * `.<name>.<12 hex>.partial` and the evidence store's `.tmp-<pid>-<12 hex>`. Opening the
 * workspace removes the old ones, and nothing else.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const OLD = 2 * LEFTOVER_TEMP_FILE_AGE_MS;
/** Young enough that another process (the app and the CLI share the folder) may be writing it. */
const IN_FLIGHT = 1000;

function file(dir: string, name: string, ageMs = OLD): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, 'half a file');
  const at = (Date.now() - ageMs) / 1000;
  utimesSync(path, at, at);
}

function open(dataDir: string) {
  const ws = openTestWorkspace(dataDir, {});
  cleanups.push(() => ws.db.close());
  return ws;
}

describe('opening a workspace', () => {
  it('removes the temp files killed writes left, in the folder and the evidence shards', () => {
    const { dir: dataDir, cleanup } = makeTempDir('review-desk-leftovers-');
    cleanups.push(cleanup);
    // The evidence the workspace holds must survive, as must the shard's other files.
    const made = openTestWorkspace(dataDir, {});
    const key = Buffer.from(made.workspaceKey);
    made.db.close();
    const stored = new EvidenceStore(dataDir, key).put(Buffer.from('영수증'));
    const shard = dirname(stored.path);
    const otherShard = join(dataDir, 'evidence', 'ab');

    file(dataDir, '.meeting-1.json.0123456789ab.partial');
    file(dataDir, '.회의록-1.pdf.fedcba987654.partial');
    file(shard, `.tmp-4242-0123456789ab`);
    file(otherShard, `.tmp-7-ffffffffffff`);
    const lookalikes = [
      'meeting-1.json.0123456789ab.partial',
      '.meeting-1.json.0123456789AB.partial',
      '.meeting-1.json.0123456789ab.partial.txt',
      '.in-flight.json.0123456789ab.partial',
      'notes.txt',
    ];
    for (const name of lookalikes)
      file(dataDir, name, name.startsWith('.in-flight') ? IN_FLIGHT : OLD);
    const shardLookalikes = ['.tmp-x-0123456789ab', '.tmp-1-0123456789a', 'tmp-1-0123456789ab'];
    for (const name of shardLookalikes) file(shard, name);
    file(shard, '.tmp-99-0123456789ab', IN_FLIGHT);
    // A partial name in the evidence folder is not a file writeNewFile wrote there: kept.
    file(join(dataDir, 'evidence'), '.x.0123456789ab.partial');

    const ws = open(dataDir);

    expect(
      readdirSync(dataDir)
        .filter((name) => !name.startsWith('review-desk.db'))
        .sort(),
    ).toEqual(['evidence', ...lookalikes].sort());
    expect(readdirSync(shard).sort()).toEqual(
      [basename(stored.path), ...shardLookalikes, '.tmp-99-0123456789ab'].sort(),
    );
    expect(readdirSync(otherShard)).toEqual([]);
    expect(readdirSync(join(dataDir, 'evidence')).sort()).toEqual(
      ['.x.0123456789ab.partial', 'ab', basename(shard)].sort(),
    );
    expect(new EvidenceStore(ws.dataDir, ws.workspaceKey).read(stored.sha256).toString()).toBe(
      '영수증',
    );
  });

  it('opens a new workspace, with no evidence folder yet, as before', () => {
    const { dir, cleanup } = makeTempDir('review-desk-leftovers-');
    cleanups.push(cleanup);
    const dataDir = join(dir, 'new');
    open(dataDir);
    expect(readdirSync(dataDir).filter((name) => !name.startsWith('review-desk.db'))).toEqual([]);
  });
});
