import { describe, expect, it } from 'vitest';
import { onFirstUse } from '../../../src/main/app/on-first-use';
import { testPlatform } from '../../helpers/test-platform';
import { InMemoryKeyProtector } from '../../helpers/in-memory-key-protector';

describe('the keychain is probed on first use, not at start', () => {
  it('runs the probe only when first asked, then remembers the answer', () => {
    let probes = 0;
    const protector = onFirstUse(() => {
      probes += 1;
      return undefined;
    });
    expect(probes).toBe(0);
    expect(protector()).toBeUndefined();
    expect(protector()).toBeUndefined();
    expect(probes).toBe(1);
  });

  it('a probe that throws is tried again next time', () => {
    let calls = 0;
    const value = onFirstUse(() => {
      calls += 1;
      if (calls === 1) throw new Error('secret service not answering');
      return 'ok';
    });
    expect(() => value()).toThrow('secret service');
    expect(value()).toBe('ok');
    expect(value()).toBe('ok');
    expect(calls).toBe(2);
  });

  it('the test platform hands its protector out the same way', () => {
    expect(testPlatform().keyProtector()).toBeUndefined();
    const protector = new InMemoryKeyProtector();
    expect(testPlatform([], protector).keyProtector()).toBe(protector);
  });
});
