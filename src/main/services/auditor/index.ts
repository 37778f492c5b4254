export { verifyForAuditor } from './auditor-verify';
export { reportAsText } from './report-text';
export { reportFileName, saveAuditorReport } from './save-report';
