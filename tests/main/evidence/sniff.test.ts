import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../src/main/services/evidence/sniff';
import { ELF_BYTES, JPEG_BYTES, PDF_BYTES, PNG_BYTES, xlsxBytes, zipBytes } from './helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const refused = (problem: string) => ({ ok: false, problem });
const accepted = (mediaType: string) => ({ ok: true, mediaType });

describe('sniffMediaType: accepted types come from content, not the name', () => {
  it('recognises PNG, JPEG and PDF by their magic bytes even under a wrong extension', () => {
    expect(sniffMediaType(PNG_BYTES, 'photo.jpg')).toEqual(accepted('image/png'));
    expect(sniffMediaType(JPEG_BYTES, 'receipt.png')).toEqual(accepted('image/jpeg'));
    expect(sniffMediaType(PDF_BYTES, 'statement')).toEqual(accepted('application/pdf'));
  });

  it('recognises an XLSX by the entries of its zip directory', async () => {
    expect(sniffMediaType(await xlsxBytes(), 'sales.xlsx')).toEqual(accepted(XLSX));
  });

  it('refuses a plain zip and a macro-enabled workbook', async () => {
    const plain = await zipBytes([{ name: 'a.txt', data: 'hello' }]);
    expect(sniffMediaType(plain, 'sales.xlsx')).toEqual(refused('unsupported_type'));
    const macro = await zipBytes([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/vbaProject.bin', data: Buffer.from([1, 2, 3]) },
    ]);
    expect(sniffMediaType(macro, 'sales.xlsx')).toEqual(refused('executable'));
  });

  it('does not take "xl/" appearing inside file data for an XLSX entry', async () => {
    const tricky = await zipBytes([
      { name: '[Content_Types].xml', data: 'xl/workbook.xml', compress: false },
    ]);
    expect(sniffMediaType(tricky, 'x.xlsx')).toEqual(refused('unsupported_type'));
  });

  it('tells CSV from plain text by the extension, case-insensitively', () => {
    const text = Buffer.from('청구번호,금액\nK-1,650000\n');
    expect(sniffMediaType(text, 'losses.CSV')).toEqual(accepted('text/csv'));
    expect(sniffMediaType(text, 'losses.csv')).toEqual(accepted('text/csv'));
    expect(sniffMediaType(text, 'notes.txt')).toEqual(accepted('text/plain'));
    expect(sniffMediaType(text, 'README')).toEqual(accepted('text/plain'));
  });

  it('accepts CP949 text but not bytes that are neither UTF-8 nor CP949', () => {
    const cp949 = iconv.encode('매출 손실 내역: 1,200,000원\r\n', 'cp949');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(cp949)).toThrow();
    expect(sniffMediaType(cp949, 'loss.csv')).toEqual(accepted('text/csv'));
    expect(sniffMediaType(Buffer.from([0x41, 0x80, 0x42]), 'x.txt')).toEqual(
      refused('unsupported_type'),
    );
  });

  it('refuses text containing NUL bytes, such as UTF-16', () => {
    const utf16 = Buffer.from('\ufeffhello', 'utf16le');
    expect(sniffMediaType(utf16, 'notes.txt')).toEqual(refused('unsupported_type'));
  });

  it('refuses unknown binary formats', () => {
    const gif = Buffer.from('GIF89a\x01\0\x01\0', 'latin1');
    expect(sniffMediaType(gif, 'a.gif')).toEqual(refused('unsupported_type'));
  });
});

describe('sniffMediaType: executables', () => {
  it.each([
    ['PE', Buffer.from('MZ\x90\0\x03\0\0\0', 'latin1')],
    ['ELF', ELF_BYTES],
    ['Mach-O 32', Buffer.from([0xfe, 0xed, 0xfa, 0xce, 0, 0, 0, 7])],
    ['Mach-O 64', Buffer.from([0xfe, 0xed, 0xfa, 0xcf, 0, 0, 0, 7])],
    ['Mach-O 32 LE', Buffer.from([0xce, 0xfa, 0xed, 0xfe, 7, 0, 0, 0])],
    ['Mach-O 64 LE', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 0])],
    ['Mach-O fat', Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])],
    ['script', Buffer.from('#!/bin/sh\nrm -rf ~\n')],
  ])('refuses %s content whatever its name', (_kind, bytes) => {
    expect(sniffMediaType(bytes, 'receipt.pdf')).toEqual(refused('executable'));
  });

  it.each(['exe', 'dll', 'bat', 'cmd', 'com', 'sh', 'ps1', 'vbs', 'js', 'msi', 'scr', 'jar'])(
    'refuses .%s even when the content is plain text',
    (ext) => {
      expect(sniffMediaType(Buffer.from('echo hi\n'), `run.${ext}`)).toEqual(refused('executable'));
    },
  );

  it('refuses .app, .apk and .lnk, in any case and with trailing dots Windows ignores', () => {
    expect(sniffMediaType(PDF_BYTES, 'x.APP')).toEqual(refused('executable'));
    expect(sniffMediaType(PDF_BYTES, 'x.apk')).toEqual(refused('executable'));
    expect(sniffMediaType(PDF_BYTES, 'folder\\Shortcut.Lnk')).toEqual(refused('executable'));
    expect(sniffMediaType(Buffer.from('x'), 'evil.exe. .')).toEqual(refused('executable'));
    expect(sniffMediaType(Buffer.from('x'), 'not.exe.txt')).toEqual(accepted('text/plain'));
  });
});
