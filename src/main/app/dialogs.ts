import { dialog } from 'electron';
import { windowOfCurrentRequest } from '../ipc/electron-adapter';
import type { FileKind } from '../services/platform';

/** What each kind of open dialog shows: a folder picker, or files filtered by extension. */
const FILTERS: Record<FileKind, Electron.FileFilter[] | 'directory'> = {
  batch: [{ name: '신청 묶음 (CSV, XLSX, JSON)', extensions: ['csv', 'xlsx', 'json'] }],
  'evidence-folder': 'directory',
  'evidence-zip': [{ name: '증빙 zip', extensions: ['zip'] }],
  'decision-file': [{ name: '서명된 결정 파일 (JSON)', extensions: ['json', 'jws'] }],
  roster: [{ name: '위원 명부 (JSON)', extensions: ['json', 'jws'] }],
  'recommendation-file': [{ name: '위원 의견 파일 (JSON)', extensions: ['json', 'jws'] }],
  'key-file': [{ name: '서명 키 파일 (JSON)', extensions: ['json'] }],
  'public-key-file': [{ name: '공개 키 파일 (JSON)', extensions: ['json'] }],
  backup: [{ name: 'Review Desk 백업', extensions: ['rdbackup'] }],
  'backup-folder': 'directory',
};

const ANY_FILE: Electron.FileFilter = { name: '모든 파일', extensions: ['*'] };

function openOptions(kind: FileKind, multiple: boolean): Electron.OpenDialogOptions {
  const filters = FILTERS[kind];
  if (filters === 'directory') return { properties: ['openDirectory', 'createDirectory'] };
  const properties: Electron.OpenDialogOptions['properties'] = multiple
    ? ['openFile', 'multiSelections']
    : ['openFile'];
  return { properties, filters: kind === 'batch' ? filters : [...filters, ANY_FILE] };
}

/**
 * Dialogs are attached to the window whose request asked for them (electron-adapter.ts), so
 * they open over it even when another window has focus; outside a request, parentless.
 */
async function showOpen(kind: FileKind, multiple: boolean): Promise<string[]> {
  const owner = windowOfCurrentRequest();
  const options = openOptions(kind, multiple);
  const result = owner
    ? await dialog.showOpenDialog(owner, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

export async function chooseFile(kind: FileKind): Promise<string | null> {
  return (await showOpen(kind, false))[0] ?? null;
}

export async function chooseFiles(kind: FileKind): Promise<string[]> {
  return showOpen(kind, true);
}

/** The save dialog's filter follows the suggested name: CSV, JSON, text, PDF and so on. */
function saveFilter(defaultName: string): Electron.FileFilter {
  const extension = /\.([a-z0-9]+)$/i.exec(defaultName)?.[1]?.toLowerCase() ?? 'csv';
  const names: Record<string, string> = { csv: 'CSV', json: 'JSON', txt: '텍스트 / Text' };
  return { name: names[extension] ?? extension.toUpperCase(), extensions: [extension] };
}

export async function chooseSavePath(defaultName: string): Promise<string | null> {
  const owner = windowOfCurrentRequest();
  const options: Electron.SaveDialogOptions = {
    defaultPath: defaultName,
    filters: [saveFilter(defaultName)],
  };
  const result = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options);
  return result.canceled ? null : (result.filePath ?? null);
}
