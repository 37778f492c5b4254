import type { Serve } from '../channel';
import { reportFileName, saveAuditorReport, verifyForAuditor } from '.';

/** auditor:* — an auditor checks a signed decision file and saves the report. */
export const chooseFile: Serve<'auditor:chooseFile'> = async (_ctx, request, io) => {
  return { path: await io.chooseFile(request.kind) };
};

export const verify: Serve<'auditor:verify'> = (ctx, request) => verifyForAuditor(ctx, request);

export const saveReport: Serve<'auditor:saveReport'> = async (_ctx, request, io) => {
  const path = await io.platform.chooseSavePath(reportFileName(request.report, request.format));
  if (path === null) return { path: null };
  saveAuditorReport(path, request.report, request.format);
  return { path };
};
