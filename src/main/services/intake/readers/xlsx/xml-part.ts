import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { WorkbookZip } from './workbook-zip';

export const XLSX_LIMITS = {
  /** Characters in one cell's text, as for CSV: a runaway cell stops here. */
  cellChars: 1_000_000,
  /**
   * Raw XML characters between two tags. Escapes (`&amp;`) make the raw run longer than the
   * text it stands for, so this is the cell limit with room for them; checked before saxes
   * buffers the run, so a 700 MB cell never becomes a 700 MB string.
   */
  rawRunChars: 6_000_000,
  /** Cells in one row: Excel's own column limit. */
  columns: 16_384,
  /** All shared strings together, in characters: they are held in memory for the whole read. */
  sharedStringChars: 256_000_000,
};

/** A part whose bytes or XML cannot be read: the message says which part and where. */
export class DamagedPartError extends Error {
  constructor(
    readonly part: string,
    message: string,
    /** The refusal's issue code: damage, or a value over one of XLSX_LIMITS. */
    readonly code: 'xlsx_damaged' | 'xlsx_value_too_long' | 'xlsx_too_large' = 'xlsx_damaged',
  ) {
    super(message);
    this.name = 'DamagedPartError';
  }
}

export type XmlParser = SaxesParser<{ xmlns: false }>;
export type XmlTag = SaxesTagPlain;

export function newXmlParser(part: string): XmlParser {
  return new SaxesParser({ xmlns: false, fileName: part });
}

/** An element's name without its namespace prefix (`x:row` and `row` are the same element). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name, whatever prefix the writer used (`r:id`, `ns1:id`). */
export function attribute(tag: XmlTag, name: string, prefixed = false): string | undefined {
  for (const [key, value] of Object.entries(tag.attributes)) {
    const colon = key.indexOf(':');
    if (prefixed ? colon >= 0 && key.slice(colon + 1) === name : key === name) return value;
  }
  return undefined;
}

/**
 * Feeds one part of the workbook to `parser` as it inflates, yielding after each piece so the
 * caller can hand on what the parser produced. UTF-8 is decoded strictly; the XML must be whole
 * (saxes checks well-formedness and, at the end, that every element was closed): a cut or
 * damaged part throws a DamagedPartError, never a quiet end.
 */
export async function* feedXmlPart(
  zip: WorkbookZip,
  part: string,
  parser: XmlParser,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let sinceTag = 0;
  try {
    for await (const bytes of zip.bytesOf(part)) {
      onBytes(bytes.length);
      const text = decoder.decode(bytes, { stream: true });
      const lastTag = text.lastIndexOf('<');
      sinceTag = lastTag < 0 ? sinceTag + text.length : text.length - lastTag;
      if (sinceTag > XLSX_LIMITS.rawRunChars)
        throw new DamagedPartError(
          part,
          `a single value is longer than ${XLSX_LIMITS.cellChars.toLocaleString('en')} characters`,
          'xlsx_value_too_long',
        );
      parser.write(text);
      yield;
    }
    parser.write(decoder.decode());
    parser.close();
    yield;
  } catch (error) {
    if (error instanceof DamagedPartError) throw error;
    throw new DamagedPartError(part, describe(error));
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TypeError && /encoded data|decode/i.test(message))
    return 'its text is not valid UTF-8';
  return message;
}
