export { secretarySummary } from './secretary-summary';
