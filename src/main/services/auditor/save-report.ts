import type { AuditorReport } from '../../../shared/ipc/auditor-schemas';
import { writeNewFile } from '../new-file';
import { reportAsText } from './report-text';

/**
 * Writes the report where the person chose to save it; the workspace is not touched. Like every
 * file the app hands out, it is written durably and never over another file: an earlier report
 * (of the same file, or another one) stays as it was.
 */
export function saveAuditorReport(
  path: string,
  report: AuditorReport,
  format: 'json' | 'txt',
): void {
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportAsText(report);
  writeNewFile(path, text, 'a verification report is never saved over another file');
}

export function reportFileName(report: AuditorReport, format: 'json' | 'txt'): string {
  const stem = report.fileName.replace(/\.[^.]*$/, '') || 'decision-file';
  return `${stem}-verification.${format}`;
}
