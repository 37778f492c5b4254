/**
 * exceljs stamps every entry of an .xlsx with the current time, so the same workbook gives new
 * bytes on every run and a committed demo folder would change each time it is regenerated.
 * This rewrites the DOS times in the local headers and the central directory to one fixed
 * moment, walking the zip's own structure rather than searching for signatures in data.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function dosTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day:
      ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export function withFixedZipTimes(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  let eocd = -1;
  // The end record is at most 22 + 65,535 (comment) bytes from the end.
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i -= 1) {
    if (out.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory record');
  const { time, day } = dosTime(date);
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n += 1) {
    if (out.readUInt32LE(p) !== CENTRAL_SIGNATURE)
      throw new Error('zip central directory is damaged');
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(day, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error('zip local header is damaged');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
