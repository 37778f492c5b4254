/**
 * What crosses between main and a page. Electron copies IPC arguments and results with the
 * structured clone algorithm; the stand-in's wire (a Playwright binding, page.evaluate) carries
 * JSON, so the values JSON would lose or change are tagged: undefined, bytes (a Buffer arrives
 * as a Uint8Array, as in Electron), dates, errors, maps and sets. A function cannot be cloned
 * and is refused, as Electron refuses it. This file is compiled into both the stand-in and the
 * page runtime, so it uses only what a browser and Node both have.
 */
type Tagged =
  | { $t: 'undefined' }
  | { $t: 'bytes'; base64: string }
  | { $t: 'date'; iso: string }
  | { $t: 'error'; name: string; message: string }
  | { $t: 'map'; entries: unknown[] }
  | { $t: 'set'; values: unknown[] }
  | { $t: 'object'; value: Record<string, unknown> };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encode(value: unknown): unknown {
  if (value === undefined) return { $t: 'undefined' } satisfies Tagged;
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new Error('An object could not be cloned.');
  }
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return { $t: 'bytes', base64: toBase64(value) };
  if (value instanceof ArrayBuffer) return { $t: 'bytes', base64: toBase64(new Uint8Array(value)) };
  if (value instanceof Date) return { $t: 'date', iso: value.toISOString() };
  if (value instanceof Error) return { $t: 'error', name: value.name, message: value.message };
  if (value instanceof Map) return { $t: 'map', entries: [...value].map(encode) };
  if (value instanceof Set) return { $t: 'set', values: [...value].map(encode) };
  if (Array.isArray(value)) return value.map(encode);
  const fields = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  // A plain object that happens to have a "$t" key is wrapped so it is not read as a tag.
  return '$t' in fields ? { $t: 'object', value: fields } : fields;
}

export function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const tagged = value as Tagged;
  switch (tagged.$t) {
    case 'undefined':
      return undefined;
    case 'bytes':
      return fromBase64(tagged.base64);
    case 'date':
      return new Date(tagged.iso);
    case 'error':
      return Object.assign(new Error(tagged.message), { name: tagged.name });
    case 'map':
      return new Map(tagged.entries.map(decode) as [unknown, unknown][]);
    case 'set':
      return new Set(tagged.values.map(decode));
    case 'object':
      return Object.fromEntries(Object.entries(tagged.value).map(([k, v]) => [k, decode(v)]));
    default:
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, decode(v)]),
      );
  }
}
