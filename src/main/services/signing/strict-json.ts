/**
 * JSON for signed files, read strictly. JSON.parse keeps the last of two equal keys, so
 * `{"payload": forged, "payload": genuine}` reads as the genuine file while another reader may
 * take the forged one; a signed file must mean one thing to every reader. So a key repeated in
 * any object, at any depth (compared after unescaping: "p\u0061yload" is "payload"), is
 * refused, and so is nesting deeper than a bound. A leading UTF-8 BOM (Notepad writes one) is
 * accepted.
 *
 * JSON.parse checks the grammar first (natively, fast); the scan then only has to find the keys
 * of well-formed text.
 */
export const MAX_JSON_DEPTH = 64;

export type StrictJsonFault =
  | { kind: 'not_json' }
  | { kind: 'duplicate_key'; key: string; path: string }
  | { kind: 'too_deep'; depth: number };

export class StrictJsonError extends Error {
  constructor(readonly fault: StrictJsonFault) {
    super(
      fault.kind === 'not_json'
        ? 'is not JSON'
        : fault.kind === 'duplicate_key'
          ? `has the key "${fault.key}" twice in ${fault.path}`
          : `nests deeper than ${fault.depth} levels`,
    );
    this.name = 'StrictJsonError';
  }
}

/** Drops one leading U+FEFF (a UTF-8 BOM read as text). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A string token, or one of the characters that open, close or separate. */
const TOKEN = /"(?:[^"\\]+|\\.)*"|[{}[\],]/g;

interface Frame {
  /** The keys seen so far in an object (a short list: most objects have a handful); null in an array. */
  keys: string[] | null;
  /** The enclosing frame and this one's place in it: the path is only spelt out for an error. */
  parent: Frame | undefined;
  place: string | number | null;
  /** In an object: the next string is a key. */
  expectKey: boolean;
  /** In an array: the index of the current element. */
  index: number;
  /** In an object: the key of the current member. */
  lastKey: string;
}

function pathOf(frame: Frame): string {
  let path = '';
  for (let f: Frame | undefined = frame; f; f = f.parent)
    path =
      (f.place === null ? '$' : typeof f.place === 'number' ? `[${f.place}]` : `.${f.place}`) +
      path;
  return path;
}

/**
 * Finds the keys of text JSON.parse accepted. The regex engine skips numbers, literals, white
 * space and colons, and takes a whole string at a time: several times faster than a loop over
 * the characters on a 10,000-decision payload.
 */
function scan(text: string, maxDepth: number): void {
  const stack: Frame[] = [];
  let top: Frame | undefined;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const token = match[0];
    const c = token.charCodeAt(0);
    if (c === 0x22) {
      if (top?.keys && top.expectKey) {
        const key = token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1);
        if (top.keys.includes(key))
          throw new StrictJsonError({ kind: 'duplicate_key', key, path: pathOf(top) });
        top.keys.push(key);
        top.expectKey = false;
        top.lastKey = key;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth)
        throw new StrictJsonError({ kind: 'too_deep', depth: maxDepth });
      const place = !top ? null : top.keys ? top.lastKey : top.index;
      top = {
        keys: c === 0x7b ? [] : null,
        parent: top,
        place,
        expectKey: c === 0x7b,
        index: 0,
        lastKey: '',
      };
      stack.push(top);
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      top = stack[stack.length - 1];
    } else if (top) {
      if (top.keys) top.expectKey = true;
      else top.index++;
    }
  }
}

/**
 * Parses JSON refusing repeated keys and deep nesting (StrictJsonError says which). A leading
 * BOM is dropped.
 */
export function parseStrictJson(input: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const text = withoutBom(input);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StrictJsonError({ kind: 'not_json' });
  }
  scan(text, maxDepth);
  return value;
}
