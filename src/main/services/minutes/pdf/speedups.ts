import { createRequire } from 'node:module';

/*
 * Three inner loops of pdfmake, pdfkit and fontkit, doing the same work with less. A
 * 500-decision minutes PDF is some 5,000 pieces of text and 6,500 ruled lines; per piece of text
 * pdfmake resolves about twenty style properties, and per drawing operator pdfkit makes a Buffer.
 * Their allocations kept the garbage collector busy for a seventh of the rendering (issue 17).
 *
 * - A style property pdfmake looks up goes through StyleContextStack.getStyleProperty, which
 *   pushes the node onto the style stack inside a fresh closure, and getProperty, which makes
 *   another closure per call. Here the same search, in the same order, without either: a node
 *   whose own value was just found missing is not pushed (only its named styles are), since the
 *   search would find nothing on it.
 * - pdfkit writes each operator of a page's content as its own Buffer (Buffer.from(op + '\n',
 *   'binary')). Here the operators are kept as text and turned into one Buffer per 64 KiB, in
 *   order with any Buffer written between them: the same bytes.
 * - fontkit's TrueType subset decodes every glyph's whole outline only to learn whether the glyph
 *   is made of others (a composite). Here the record's first field, its contour count, tells;
 *   a composite (or a variable font's glyph) still goes through fontkit's own code.
 *
 * The PDF is byte for byte the one pdfmake makes without them (tests/main/minutes/speedups.test.ts
 * renders the demo meeting both ways). Installed by pdfMake(), once per process.
 */

const requireCommonJs = createRequire(import.meta.url);

type StyleItem = string | Record<string, unknown>;

interface StyleStack {
  styleOverrides: StyleItem[];
  styleDictionary: Record<string, unknown>;
  defaultStyle?: Record<string, unknown>;
  push(item: StyleItem): void;
  pop(count?: number): void;
  getProperty(property: string): unknown;
}

interface StyleStackClass {
  prototype: StyleStack;
  getStyleProperty(
    item: unknown,
    stack: StyleStack | null,
    property: string,
    fallback: unknown,
  ): unknown;
}

interface ContentReference {
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  buffer: Uint8Array[];
  /** Operators written since the last Buffer was made, and their length. */
  pendingOps?: string[];
  pendingLength?: number;
  write(chunk: unknown): void;
  finalize(): void;
}

interface TrueTypeSubset {
  font: {
    _variationProcessor?: unknown;
    loca: { offsets: number[] };
    _getTableStream(tag: 'glyf'): { pos: number; readBuffer(length: number): Uint8Array };
    getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
  };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(id: number): number;
}

const isValue = (value: unknown) => value !== undefined && value !== null;
const isText = (item: unknown): item is string =>
  typeof item === 'string' || item instanceof String;

function speedUpStyleLookups(): () => void {
  const stackClass = requireCommonJs('pdfmake/js/StyleContextStack.js').default as StyleStackClass;
  const { getStyleProperty } = stackClass;
  const { getProperty } = stackClass.prototype;

  stackClass.prototype.getProperty = function (this: StyleStack, property: string) {
    const overrides = this.styleOverrides;
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i]!;
      const value = isText(item)
        ? getProperty.call({ ...this, styleOverrides: [item], defaultStyle: undefined }, property)
        : item[property];
      if (isValue(value)) return value;
    }
    return this.defaultStyle && this.defaultStyle[property];
  };
  stackClass.getStyleProperty = (item, stack, property, fallback) => {
    const own = (item as Record<string, unknown>)[property];
    if (isValue(own)) return own;
    if (!stack) return fallback;
    const node = item as { section?: unknown; style?: string | string[] };
    const names =
      isText(item) || node.section !== undefined || !node.style
        ? []
        : Array.isArray(node.style)
          ? node.style
          : [node.style];
    for (const name of names) stack.push(name);
    const value = stack.getProperty(property);
    if (names.length > 0) stack.pop(names.length);
    return isValue(value) ? value : fallback;
  };
  return () => {
    stackClass.prototype.getProperty = getProperty;
    stackClass.getStyleProperty = getStyleProperty;
  };
}

const PENDING_LIMIT = 64 * 1024;

function flush(ref: ContentReference): void {
  if (!ref.pendingOps?.length) return;
  ref.buffer.push(Buffer.from(ref.pendingOps.join(''), 'latin1'));
  ref.pendingOps = [];
  ref.pendingLength = 0;
}

function speedUpContentWrites(): () => void {
  const PdfKit = requireCommonJs('pdfkit') as new (options: object) => { ref(): ContentReference };
  const reference = Object.getPrototypeOf(
    new PdfKit({ autoFirstPage: false }).ref(),
  ) as ContentReference;
  const { write, finalize } = reference;

  reference.write = function (this: ContentReference, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flush(this);
      write.call(this, chunk);
      return;
    }
    // As pdfkit does: the operator and a line end, one byte per character ('binary').
    const text = `${String(chunk)}\n`;
    (this.pendingOps ??= []).push(text);
    this.pendingLength = (this.pendingLength ?? 0) + text.length;
    if (this.pendingLength >= PENDING_LIMIT) flush(this);
    this.uncompressedLength += text.length;
    this.data.Length = (this.data.Length ?? 0) + text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  reference.finalize = function (this: ContentReference) {
    flush(this);
    finalize.call(this);
  };
  return () => {
    reference.write = write;
    reference.finalize = finalize;
  };
}

let subsetPrototype: TrueTypeSubset | null = null;

function speedUpSubsets(sampleFont: Uint8Array | undefined): () => void {
  if (!subsetPrototype) {
    if (!sampleFont) throw new Error('pdfSpeedups needs a TrueType font the first time');
    const fontkit = requireCommonJs('fontkit') as {
      create(bytes: Uint8Array): { createSubset(): TrueTypeSubset };
    };
    subsetPrototype = Object.getPrototypeOf(fontkit.create(sampleFont).createSubset());
  }
  const subset = subsetPrototype!;
  const { _addGlyph: addGlyph } = subset;
  subset._addGlyph = function (this: TrueTypeSubset, id: number) {
    const { font } = this;
    if (font._variationProcessor) return addGlyph.call(this, id);
    const start = font.loca.offsets[id]!;
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const record = stream.readBuffer(font.loca.offsets[id + 1]! - start);
    // numberOfContours, a big-endian int16, is negative for a composite; an empty glyph has none.
    if (record.length >= 2 && (((record[0]! << 24) >> 16) | record[1]!) < 0)
      return addGlyph.call(this, id);
    const glyph = font.getGlyph(id);
    this.glyf.push(record);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({
      advance: glyph.advanceWidth,
      bearing: glyph._getMetrics().leftBearing,
    });
    this.offset += record.length;
    return this.glyf.length - 1;
  };
  return () => {
    subset._addGlyph = addGlyph;
  };
}

let undo: (() => void) | null = null;

/**
 * Installs all three; `false` puts the libraries' own back (for the test that compares).
 * `sampleFont`, any TrueType font, finds fontkit's subset class the first time.
 */
export function pdfSpeedups(on: boolean, sampleFont?: Uint8Array): void {
  if (on && !undo) {
    const subsets = speedUpSubsets(sampleFont);
    const styles = speedUpStyleLookups();
    const writes = speedUpContentWrites();
    undo = () => {
      styles();
      writes();
      subsets();
    };
  } else if (!on && undo) {
    undo();
    undo = null;
  }
}
