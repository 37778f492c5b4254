export {
  exportRecommendations,
  memberRecommendations,
  type ExportRecommendationsRequest,
  type ExportedRecommendations,
} from './export';
export {
  importRecommendations,
  recommendationsByClaim,
  type ImportRecommendationsResult,
  type ImportedRecommendationFile,
  type RefusedRecommendationFile,
} from './import';
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
