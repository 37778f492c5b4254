import type { EvidenceMediaType } from '../../../shared/domain/evidence';

export type SniffResult =
  | { ok: true; mediaType: EvidenceMediaType }
  | { ok: false; problem: 'executable' | 'unsupported_type' };

const XLSX: EvidenceMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Extensions Windows, macOS, Android or a shell would run on a double click. */
const EXECUTABLE_EXTENSIONS = new Set([
  'exe', 'dll', 'bat', 'cmd', 'com', 'sh', 'ps1', 'vbs', 'js', 'msi', 'scr', 'jar', 'app', 'apk', 'lnk',
]); // prettier-ignore

const EXECUTABLE_MAGICS: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // MZ: DOS/PE
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O fat binary, also a Java class file
  [0x23, 0x21], // "#!"
];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The last extension, after dropping the trailing dots and spaces that Windows ignores. */
function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const trimmed = base.replace(/[. ]+$/, '');
  const dot = trimmed.lastIndexOf('.');
  return dot < 0 ? '' : trimmed.slice(dot + 1).toLowerCase();
}

export function sniffMediaType(bytes: Uint8Array, fileName: string): SniffResult {
  if (EXECUTABLE_EXTENSIONS.has(extensionOf(fileName))) return { ok: false, problem: 'executable' };
  if (EXECUTABLE_MAGICS.some((magic) => startsWith(bytes, magic))) {
    return { ok: false, problem: 'executable' };
  }
  if (startsWith(bytes, PNG)) return { ok: true, mediaType: 'image/png' };
  if (startsWith(bytes, JPEG)) return { ok: true, mediaType: 'image/jpeg' };
  if (startsWith(bytes, PDF)) return { ok: true, mediaType: 'application/pdf' };
  if (startsWith(bytes, ZIP_LOCAL)) return sniffZip(bytes);
  if (looksLikeText(bytes)) {
    return { ok: true, mediaType: extensionOf(fileName) === 'csv' ? 'text/csv' : 'text/plain' };
  }
  return { ok: false, problem: 'unsupported_type' };
}

function sniffZip(bytes: Uint8Array): SniffResult {
  const names = zipEntryNames(bytes);
  if (names === null) return { ok: false, problem: 'unsupported_type' };
  // A macro-enabled workbook (.xlsm renamed .xlsx) carries code that Excel may run.
  if (names.some((n) => n.toLowerCase() === 'xl/vbaproject.bin')) {
    return { ok: false, problem: 'executable' };
  }
  const isXlsx = names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/'));
  return isXlsx ? { ok: true, mediaType: XLSX } : { ok: false, problem: 'unsupported_type' };
}

/**
 * Entry names from the central directory. Parsed rather than searched for as bytes, since
 * "xl/" can occur by chance inside compressed data; null when the directory is unreadable.
 */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50;
  let eocd = -1;
  // The end record sits in the last 22 bytes plus a comment of at most 65535 bytes.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return looksLikeCp949(bytes);
  }
}

/**
 * Korean spreadsheets exported on Windows are CP949. Requiring every high byte to form a
 * valid lead/trail pair keeps arbitrary binary from passing as text.
 */
function looksLikeCp949(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    if (lead < 0x81 || lead > 0xfe) return false;
    const trail = bytes[i + 1];
    if (trail === undefined) return false;
    const validTrail =
      (trail >= 0x41 && trail <= 0x5a) ||
      (trail >= 0x61 && trail <= 0x7a) ||
      (trail >= 0x81 && trail <= 0xfe);
    if (!validTrail) return false;
    i++;
  }
  return true;
}
