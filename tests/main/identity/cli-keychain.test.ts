import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIdentity, generateIdentity } from '../../../src/main/services/identity';
import { InMemoryKeyProtector } from '../../helpers/in-memory-key-protector';
import { makeTempDir } from '../../helpers/temp-workspace';
import { PASSPHRASE, TEST_SCRYPT } from '../decision-file/council';

const ROOT = join(import.meta.dirname, '../../..');
const { dir, cleanup } = makeTempDir('review-desk-cli-keychain-');
afterAll(cleanup);

describe('the CLI and a key sealed by the OS keychain', { timeout: 60_000 }, () => {
  it('refuses to sign with it, saying where it opens, before asking for any passphrase', () => {
    const keychainKey = createIdentity(
      { name: '박서연', role: 'secretary' },
      { protector: new InMemoryKeyProtector() },
      join(dir, '박서연-key.json'),
    );
    const chair = generateIdentity({ name: '이도윤', role: 'chair' }, PASSPHRASE, {
      dir,
      scrypt: TEST_SCRYPT,
    });
    const out = join(dir, 'roster.json');
    // No --passphrase-file and no terminal: asking first would fail with another message.
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/review-desk.mjs'),
        'roster',
        'build',
        '--keys',
        keychainKey.publicKeyFile,
        chair.publicKeyFile,
        '--version',
        '1',
        '--valid-from',
        '2022-11-14',
        '--sign-with',
        keychainKey.keyFile,
        '--out',
        out,
      ],
      { encoding: 'utf8', timeout: 50_000, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(run.stderr).toBe(
      `review-desk: ${keychainKey.keyFile} is sealed by the OS keychain of the machine that made it; open it in the desktop app there\n`,
    );
    expect(run.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
