import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * A workbook's zip read by its central directory, so any part can be read in any order and
 * nothing is spooled to a temp file (a sheet stored before the shared strings used to be
 * copied to the temp folder whole: 1.8 GB for a 2M-row sheet, left behind by a killed import).
 *
 * Every part is checked as it streams: its size against the directory (yauzl) and its CRC-32 at
 * the end (here), so a flipped byte or a cut entry is a refusal, never rows read up to the damage.
 */
export class WorkbookZip {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async open(file: string): Promise<WorkbookZip> {
    const zip = await yauzl.openPromise(file, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    } catch (error) {
      zip.close();
      throw error;
    }
    return new WorkbookZip(zip, entries);
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  /** The part's size once inflated, as the directory declares it (checked while reading). */
  sizeOf(part: string): number {
    return this.entries.get(part)?.uncompressedSize ?? 0;
  }

  /**
   * The part's bytes in order, verified: a size that differs from the directory's, inflate
   * errors and a CRC-32 mismatch all throw, after the chunks read so far.
   */
  async *bytesOf(part: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(part);
    if (!entry) throw new Error(`the workbook has no part ${part}`);
    if (entry.isEncrypted()) throw new Error(`${part} is encrypted`);
    if (!entry.canDecodeFileData()) throw new Error(`${part} uses a compression method not read`);
    const stream = await this.zip.openReadStreamPromise(entry);
    let checksum = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        checksum = crc32(chunk, checksum);
        yield chunk;
      }
    } finally {
      stream.destroy();
    }
    if (checksum >>> 0 !== entry.crc32 >>> 0)
      throw new Error(`${part} is damaged: its CRC-32 does not match the zip directory`);
  }

  /**
   * Inflates a part through to its end only to check it (size and CRC-32), keeping nothing. A
   * sheet is checked this way before its rows are read, so the header row and the mapping step
   * never show text from a damaged part: the CRC is only known at a part's end.
   */
  async verify(part: string): Promise<void> {
    for await (const _ of this.bytesOf(part)) void _;
  }

  close(): void {
    this.zip.close();
  }
}
