import { describe, expect, it } from 'vitest';
import {
  MAX_JSON_DEPTH,
  parseStrictJson,
  type StrictJsonError,
} from '../../../src/main/services/signing/strict-json';

const faultOf = (text: string) => {
  try {
    parseStrictJson(text);
    return null;
  } catch (error) {
    return (error as StrictJsonError).fault;
  }
};

describe('strict JSON for signed files', () => {
  it('reads what JSON.parse reads, a leading BOM included', () => {
    const text = '{"a":[1,{"b":"x\\"y","c":null}],"d":{"e":{}},"f":"\\\\"}';
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    expect(parseStrictJson(`\ufeff${text}`)).toEqual(JSON.parse(text));
    expect(parseStrictJson('[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('refuses a key repeated at any depth, also when spelt with escapes', () => {
    expect(faultOf('{"payload":"a","payload":"b"}')).toEqual({
      kind: 'duplicate_key',
      key: 'payload',
      path: '$',
    });
    expect(faultOf('{"s":[{"p":1},{"p":1,"q":2,"p":3}]}')).toEqual({
      kind: 'duplicate_key',
      key: 'p',
      path: '$.s[1]',
    });
    expect(faultOf('{"p\\u0061yload":1,"payload":2}')).toMatchObject({ key: 'payload' });
    // A key-like string inside a value or an escaped quote is not a key.
    expect(faultOf('{"a":"\\"a\\":","b":["a","a"]}')).toBeNull();
  });

  it('refuses nesting deeper than the bound, and text that is not JSON', () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(faultOf(deep)).toEqual({ kind: 'too_deep', depth: MAX_JSON_DEPTH });
    const ok = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(faultOf(ok)).toBeNull();
    expect(faultOf('{"a":1')).toEqual({ kind: 'not_json' });
    expect(faultOf(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toMatchObject({ kind: 'too_deep' });
  });
});
