import { writeFileSync } from 'node:fs';
import type { AuditorReport } from '../../../shared/ipc/auditor-schemas';
import { reportAsText } from './report-text';

/** Writes the report where the person chose to save it; the workspace is not touched. */
export function saveAuditorReport(
  path: string,
  report: AuditorReport,
  format: 'json' | 'txt',
): void {
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportAsText(report);
  writeFileSync(path, text, 'utf8');
}

export function reportFileName(report: AuditorReport, format: 'json' | 'txt'): string {
  const stem = report.fileName.replace(/\.[^.]*$/, '') || 'decision-file';
  return `${stem}-verification.${format}`;
}
