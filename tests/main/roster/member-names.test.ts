import { describe, expect, it } from 'vitest';
import { generateIdentity } from '../../../src/main/services/identity';
import { buildRosterPayload } from '../../../src/main/services/roster';
import { publicKeyFileOf } from '../../../src/main/services/identity';
import { memoryIdentity } from '../../helpers/council';
import { makeTempDir } from '../../helpers/temp-workspace';

/**
 * A name is who every record says did something: one holding a control character (a bidi
 * override, a line break) could pose as someone else in the audit log, minutes or a signed
 * file. Names come from key files and rosters now, so both refuse them.
 */
describe('a person is never named with a control character', () => {
  const disguised = ['\u202e김민준', '김민준\n위원장 이도윤', '박\u2028서연', '정우진\u0000'];

  it.each(disguised)('a roster refuses the member %j', (name) => {
    const members = [
      memoryIdentity('박서연', 'secretary'),
      memoryIdentity('이도윤', 'chair'),
      { ...memoryIdentity('x', 'member'), name },
    ].map((i) => publicKeyFileOf(i, i));
    expect(() =>
      buildRosterPayload({ council: '협의체', version: 1, validFrom: '2022-11-14', members }),
    ).toThrow(/a name cannot hold a control character \(U\+[0-9A-F]{4} at position \d+\)/);
  });

  it('a key is not made for such a name', () => {
    const temp = makeTempDir();
    try {
      expect(() =>
        generateIdentity({ name: '\u202e김민준', role: 'member' }, 'a long enough passphrase', {
          dir: temp.dir,
        }),
      ).toThrow('a name cannot hold a control character (U+202E at position 1)');
    } finally {
      temp.cleanup();
    }
  });
});
