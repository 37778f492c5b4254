export {
  auditRecommendationsExport,
  exportRecommendations,
  memberRecommendations,
  type ExportRecommendationsRequest,
  type ExportedRecommendations,
} from './export';
export {
  importRecommendations,
  type ImportRecommendationsResult,
  type ImportedRecommendationFile,
  type RefusedRecommendationFile,
} from './import';
export {
  claimRecommendations,
  fingerprintOfKid,
  listRecommendationFiles,
  recommendationsByClaim,
  type ClaimRecommendation,
  type ClaimRecommendations,
  type RecommendationFileSummary,
} from './queries';
export { opinionSplit } from './agreement-summary';
export { REFUSAL_CODES, refusal, type Refusal, type RefusalCode } from './refusals';
export {
  buildRecommendationsPayload,
  signRecommendations,
  RECOMMENDATIONS_FORMAT,
  type RecommendationEntry,
  type RecommendationsInput,
  type RecommendationsPayload,
} from './payload';
export {
  agreementOf,
  type Agreement,
  type MemberRecommendation,
} from '../../../shared/domain/committee/agreement';
