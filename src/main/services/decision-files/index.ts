export {
  buildDecisionPayload,
  canonicalDecisionPayload,
  DECISION_FILE_FORMAT,
  VOTES,
  type DecisionFileInput,
  type DecisionPayload,
  type DecisionRecord,
} from './payload';
export { cosignDecisionFile, decisionFileSha256, signDecisionFile } from './sign';
export { verifyDecisionFile, type VerifyOptions } from './verify';
export {
  exportMeetingDecisions,
  type ExportDecisionsRequest,
  type ExportedDecisionFile,
} from './export';
export { exportedFileText, listExportedFiles, type ExportedFileSummary } from './exported-files';
