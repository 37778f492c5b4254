import Papa from 'papaparse';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ZipFile } from 'yazl';
import { splitEvidenceList } from '../../../src/shared/domain/evidence';

/** The demo batch and its evidence folder: real names in the 증빙 column, real files. */
export const DEMO_BATCH = join(import.meta.dirname, '../../../resources/demo/demo-batch.csv');
export const DEMO_EVIDENCE = join(import.meta.dirname, '../../../resources/demo/evidence');

/** Every file under the demo evidence folder, by its "/"-separated path inside it. */
export function demoEvidenceFiles(): { name: string; bytes: Buffer }[] {
  const files: { name: string; bytes: Buffer }[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(DEMO_EVIDENCE, rel), { withFileTypes: true })) {
      const name = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(name);
      else files.push({ name, bytes: readFileSync(join(DEMO_EVIDENCE, name)) });
    }
  };
  walk('');
  return files;
}

/**
 * What the demo batch names, per claim naming it (the report counts that way), and how many
 * of those the demo folder holds: it leaves one file out on purpose.
 */
export function demoReferences(): { referenced: number; present: number; absent: string[] } {
  const text = readFileSync(DEMO_BATCH, 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const names = rows.data.flatMap((row) => splitEvidenceList(row['증빙'] ?? ''));
  const absent = names.filter((name) => !existsSync(join(DEMO_EVIDENCE, name)));
  return { referenced: names.length, present: names.length - absent.length, absent };
}

/** An entry of a test zip; a name ending in "/" is a folder entry, as `zip -r` writes them. */
export interface Entry {
  name: string;
  bytes?: Buffer;
}

export async function writeZipFile(path: string, entries: Entry[]): Promise<string> {
  const zip = new ZipFile();
  for (const { name, bytes } of entries) {
    if (name.endsWith('/')) zip.addEmptyDirectory(name);
    else zip.addBuffer(bytes ?? Buffer.from(''), name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

/** The demo files under `prefix`, with the folder entries a zip tool writes before them. */
export function demoEntriesUnder(prefix: string): Entry[] {
  const folders = new Set<string>();
  const files = demoEvidenceFiles().map(({ name, bytes }) => {
    for (let dir = dirname(`${prefix}${name}`); dir !== '.'; dir = dirname(dir))
      folders.add(`${dir}/`);
    return { name: `${prefix}${name}`, bytes };
  });
  return [...[...folders].sort().map((name) => ({ name })), ...files];
}

/** Writes entries out as a folder tree under `root`. */
export function writeTree(root: string, entries: Entry[]): string {
  for (const { name, bytes } of entries) {
    if (name.endsWith('/')) mkdirSync(join(root, name), { recursive: true });
    else {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), bytes ?? '');
    }
  }
  return root;
}

/** What Archive Utility adds when a Mac zips the folder "evidence". */
export const MAC_EXTRAS: Entry[] = [
  { name: '__MACOSX/' },
  { name: '__MACOSX/evidence/' },
  { name: '__MACOSX/evidence/._K-2022-000022', bytes: Buffer.from([0, 5, 22, 7]) },
  { name: 'evidence/.DS_Store', bytes: Buffer.from('Bud1') },
  { name: '.DS_Store', bytes: Buffer.from('Bud1') },
];
