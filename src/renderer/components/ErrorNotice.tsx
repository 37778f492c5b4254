import { ACT_REFUSAL_MESSAGES, isActRefusalCode } from '../../shared/domain/acts';
import { BRIDGE_MISSING, type ApiError } from '../api/client';
import { BATCH_REFUSAL_MESSAGES, isBatchRefusalCode } from '../../shared/domain/batch-refusals';
import { DECISION_ISSUE_MESSAGES, type DecisionIssueCode } from '../../shared/domain/decision';
import { FILE_REFUSAL_MESSAGES, isFileRefusalCode } from '../../shared/domain/file-refusals';
import { useLocale } from '../i18n/locale-context';

function isDecisionIssueCode(code: string): code is DecisionIssueCode {
  return code in DECISION_ISSUE_MESSAGES;
}

/**
 * Shows an ApiError: a translated heading for its code, main's own message as detail, and
 * each issue (domain issues in the current language, since main sends them in English).
 */
export function ErrorNotice({
  error,
  onRetry,
  testId = 'api-error',
}: {
  error: ApiError;
  onRetry?: () => void;
  testId?: string;
}) {
  const { t, label } = useLocale();
  const detail = error.message === BRIDGE_MISSING ? t('app.error.bridgeMissing') : error.message;
  return (
    <div className="notice notice--error" role="alert" data-testid={testId}>
      <p className="notice__title">{t(`app.error.title.${error.code}`)}</p>
      <p className="notice__detail">{t('app.error.detail', { message: detail })}</p>
      {error.issues.length > 0 && (
        <ul className="notice__issues">
          {error.issues.map((issue, i) => (
            <li key={`${issue.path}-${issue.code}-${i}`}>
              <code>{issue.path}</code>{' '}
              {isDecisionIssueCode(issue.code)
                ? label(DECISION_ISSUE_MESSAGES[issue.code])
                : isBatchRefusalCode(issue.code)
                  ? label(BATCH_REFUSAL_MESSAGES[issue.code])
                  : isFileRefusalCode(issue.code)
                    ? label(FILE_REFUSAL_MESSAGES[issue.code])
                    : isActRefusalCode(issue.code)
                      ? label(ACT_REFUSAL_MESSAGES[issue.code])
                      : issue.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('app.common.retry')}
        </button>
      )}
    </div>
  );
}
