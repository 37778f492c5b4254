import { ACT_REFUSAL_MESSAGES, isActRefusalCode } from '../../shared/domain/acts';
import { BRIDGE_MISSING, type ApiError } from '../api/client';
import { BATCH_REFUSAL_MESSAGES } from '../../shared/domain/batch-refusals';
import { AMENDMENT_ISSUE_MESSAGES } from '../../shared/domain/amendment-issues';
import { DECISION_ISSUE_MESSAGES } from '../../shared/domain/decision';
import { FILE_REFUSAL_MESSAGES } from '../../shared/domain/file-refusals';
import type { MessageKey } from '../i18n/ko';
import { useLocale } from '../i18n/locale-context';

/** Every table of issue codes the screens word themselves, in Korean and English. */
const ISSUE_MESSAGES: readonly Record<string, { ko: string; en: string }>[] = [
  DECISION_ISSUE_MESSAGES,
  BATCH_REFUSAL_MESSAGES,
  FILE_REFUSAL_MESSAGES,
  ACT_REFUSAL_MESSAGES,
  AMENDMENT_ISSUE_MESSAGES,
];

function wordsFor(code: string): { ko: string; en: string } | undefined {
  const table = ISSUE_MESSAGES.find((messages) => Object.hasOwn(messages, code));
  return table?.[code];
}

/**
 * Shows an ApiError: a translated heading for its code, main's own message as detail, and
 * each issue (domain issues in the current language, since main sends them in English).
 */
export function ErrorNotice({
  error,
  onRetry,
  testId = 'api-error',
  issueKeys,
}: {
  error: ApiError;
  onRetry?: () => void;
  testId?: string;
  /**
   * The caller's own words for some issue codes, ahead of the shared tables: the same code can
   * mean another thing there (`wrong_passphrase` of a signing key, not of the workspace). They
   * say where the problem is themselves, so the issue's path is left out.
   */
  issueKeys?: Readonly<Partial<Record<string, MessageKey>>>;
}) {
  const { t, label } = useLocale();
  const detail = error.message === BRIDGE_MISSING ? t('app.error.bridgeMissing') : error.message;
  // The caller's own words for every issue already say what main's English detail says.
  const saidByCaller =
    error.issues.length > 0 && error.issues.every((issue) => issueKeys?.[issue.code]);
  return (
    <div className="notice notice--error" role="alert" data-testid={testId}>
      <p className="notice__title">{t(`app.error.title.${error.code}`)}</p>
      {!saidByCaller && (
        <p className="notice__detail">{t('app.error.detail', { message: detail })}</p>
      )}
      {error.issues.length > 0 && (
        <ul className="notice__issues">
          {error.issues.map((issue, i) => {
            const ownKey = issueKeys?.[issue.code];
            if (ownKey) return <li key={`${issue.path}-${issue.code}-${i}`}>{t(ownKey)}</li>;
            const words = wordsFor(issue.code);
            return (
              <li key={`${issue.path}-${issue.code}-${i}`}>
                {/* Who is acting is no field of the request: its path would say nothing. */}
                {!isActRefusalCode(issue.code) && (
                  <>
                    <code>{issue.path}</code>{' '}
                  </>
                )}
                {words ? label(words) : issue.message}
              </li>
            );
          })}
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
