import type { EvidenceLayoutReport, ImportReport } from '../../../shared/ipc/intake-schemas';
import type { EvidenceShape } from './layout';
import { checkEvidenceName } from './names';

/** Enough of the top to recognise the wrong zip or folder, short enough for one line. */
const TOP_NAMES_SHOWN = 5;

type Text = { ko: string; en: string };

/**
 * Says where the evidence was looked for, but only when none of the named files was there:
 * a few missing files are the claimants' gaps, all of them missing is most often a zip laid
 * out differently from what the 증빙 column assumes.
 */
export function evidenceLayoutReport(
  shape: EvidenceShape | null,
  report: Pick<ImportReport, 'evidence' | 'evidenceProblems'>,
): EvidenceLayoutReport | null {
  if (shape === null) return null;
  // A file found, even one refused, shows the names do lead into this zip or folder.
  if (report.evidence.stored + report.evidence.rejected > 0) return null;
  const missing = report.evidenceProblems.find((p) => p.problem === 'not_found');
  if (missing === undefined) return null;
  const check = checkEvidenceName(missing.fileName);
  const asWritten = check.ok ? check.key : missing.fileName;
  const folder = shape.layout.kind === 'top-folder' ? shape.layout.folder : null;
  const example = folder === null ? asWritten : `${folder}/${asWritten}`;
  return {
    source: shape.name,
    looked: shape.layout.kind,
    folder,
    example,
    topNames: shape.topNames.slice(0, TOP_NAMES_SHOWN),
    hint: hintFor(shape, folder, asWritten, example),
  };
}

function hintFor(
  shape: EvidenceShape,
  folder: string | null,
  asWritten: string,
  example: string,
): Text {
  const where: Text =
    shape.container === 'zip'
      ? { ko: shape.name, en: shape.name }
      : { ko: `${shape.name} 폴더`, en: `the folder ${shape.name}` };
  const none: Text = {
    ko: '증빙 파일을 하나도 찾지 못했습니다.',
    en: 'None of the evidence files was found:',
  };
  if (folder !== null) {
    return {
      ko: `${none.ko} ${where.ko}의 모든 항목이 ${folder}/ 아래에 있어 그 안에서도 찾았습니다 (예: ${example}).`,
      en: `${none.en} every entry of ${where.en} sits under ${folder}/, so each name was looked for inside it too (e.g. ${example}).`,
    };
  }
  const shown = shape.topNames.slice(0, TOP_NAMES_SHOWN).map((name) => `'${name}'`);
  if (shape.topNames.length > TOP_NAMES_SHOWN) shown.push('…');
  const holds: Text =
    shown.length === 0
      ? { ko: `${where.ko}에는 파일이 없습니다.`, en: `${where.en} holds no files.` }
      : {
          ko: `맨 위에 있는 항목: ${shown.join(', ')}.`,
          en: `its top holds ${shown.join(', ')}.`,
        };
  return {
    ko: `${none.ko} ${where.ko}의 맨 위에서 찾았습니다 (예: ${asWritten}). ${holds.ko} 증빙 열의 경로는 zip이나 폴더의 맨 위, 또는 그 안에 하나뿐인 최상위 폴더에서 시작합니다.`,
    en: `${none.en} looked for ${asWritten} at the top of ${where.en}; ${holds.en} The 증빙 column names files from the top of the zip or folder, or from inside its one top folder.`,
  };
}
