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

  it('calls text that is not JSON not_json, whatever the key scan met before the fault', () => {
    expect(faultOf('{"a":1,"a":2')).toEqual({ kind: 'not_json' });
    expect(faultOf('{"a":1,"a":2}}')).toEqual({ kind: 'not_json' });
    expect(faultOf(`${'['.repeat(MAX_JSON_DEPTH + 1)}`)).toEqual({ kind: 'not_json' });
    expect(faultOf('{"a":{"b":"unclosed}}')).toEqual({ kind: 'not_json' });
    expect(faultOf('{"\\x":1,"\\x":2}')).toEqual({ kind: 'not_json' });
    expect(faultOf(']]}{"a":1,"a":2}')).toEqual({ kind: 'not_json' });
  });

  it('tells keys from values across escapes, nesting and white space', () => {
    const text = ' { "a" : [ { "a" : "\\\\" , "b" : "\\\\\\"a\\"" } , "a" ] , "b" : { "a" : 1 } } ';
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    expect(faultOf('{"x":[1,{"k":"\\\\","k":2}]}')).toEqual({
      kind: 'duplicate_key',
      key: 'k',
      path: '$.x[1]',
    });
    expect(faultOf('{"x":{"y":[[],[{"\\u006b":1,"k":2}]]}}')).toEqual({
      kind: 'duplicate_key',
      key: 'k',
      path: '$.x.y[1][0]',
    });
    // A repeated key found after a sibling closed is still found, and one in a sibling is not.
    expect(faultOf('{"a":{"k":1},"b":{"k":1},"a":2}')).toMatchObject({ key: 'a', path: '$' });
    expect(faultOf('[{"k":1},{"k":1}]')).toBeNull();
  });
});
