import { useState } from 'react';
import type { RecommendationFileResult } from '../../../../shared/ipc/recommendation-schemas';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatCount, formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/locale-context';
import { roleLabel } from '../../../i18n/role-label';
import { Button } from '../../../components/Button';

/** The last part of a path, for a list a person reads; the whole path is in the tooltip. */
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * The secretary's side: choose several members' files in main's dialog, import them (each on
 * its own), see per file what was accepted and what was refused and why, and every file
 * imported so far.
 */
export function ImportRecommendations({ onImported }: { onImported: () => void }) {
  const { t, locale } = useLocale();
  const files = useApi(api.recommendations.files, undefined);
  const [results, setResults] = useState<RecommendationFileResult[] | null>(null);
  const { run, pending: busy, error } = useWrite();

  async function chooseAndImport() {
    // Choosing is not importing: the button keeps its label while main's dialog is open.
    const chosen = await run(() => api.recommendations.chooseFiles(), { pending: false });
    if (!chosen || chosen.paths.length === 0) return;
    setResults(null);
    const answer = await run(() => api.recommendations.import({ files: chosen.paths }));
    if (!answer) return;
    setResults(answer.results);
    files.reload();
    if (answer.results.some((r) => r.status === 'accepted' && !r.alreadyImported)) onImported();
  }

  const accepted = results?.filter((r) => r.status === 'accepted').length ?? 0;
  return (
    <section className="recs-panel__section" aria-labelledby="recs-import-title">
      <h3 id="recs-import-title" className="detail__subtitle">
        {t('recommendations.import.title')}
      </h3>
      <p className="recs-panel__hint">{t('recommendations.import.hint')}</p>
      <div className="recs-panel__row">
        <Button
          variant="primary"
          testId="recs-import-choose"
          disabled={busy}
          onClick={() => void chooseAndImport()}
        >
          {busy ? t('recommendations.import.busy') : t('recommendations.import.choose')}
        </Button>
        {results && (
          <span role="status" data-testid="recs-import-summary">
            {t('recommendations.import.summary', {
              accepted: formatCount(accepted),
              refused: formatCount(results.length - accepted),
            })}
          </span>
        )}
      </div>
      {error && <ErrorNotice error={error} testId="recs-import-error" />}
      {results && (
        <ul className="recs-results" data-testid="recs-import-results">
          {results.map((result, index) => (
            <li
              key={`${result.file}-${index}`}
              className={`recs-result recs-result--${result.status}`}
              data-testid="recs-import-result"
              data-status={result.status}
              data-file={fileName(result.file)}
            >
              <div className="recs-result__file" title={result.file}>
                {fileName(result.file)}
              </div>
              {result.status === 'accepted' ? (
                <div className="recs-result__status">
                  {t(
                    result.alreadyImported
                      ? 'recommendations.result.already'
                      : 'recommendations.result.accepted',
                    {
                      member: result.member,
                      batch: result.batchName,
                      count: formatCount(result.count),
                    },
                  )}
                </div>
              ) : (
                <>
                  <div className="recs-result__status">
                    {t('recommendations.result.refused')}: {result.ko}
                  </div>
                  <div className="recs-result__en" lang="en">
                    {result.reason}
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      <h4 className="detail__subtitle">{t('recommendations.files.title')}</h4>
      {files.state.status === 'error' && (
        <ErrorNotice error={files.state.error} onRetry={files.reload} />
      )}
      {files.state.status === 'ready' && files.state.value.files.length === 0 && (
        <p className="muted" data-testid="recs-files-empty">
          {t('recommendations.files.empty')}
        </p>
      )}
      {files.state.status === 'ready' && files.state.value.files.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="recs-files">
            <thead>
              <tr>
                <th>{t('recommendations.files.member')}</th>
                <th>{t('recommendations.files.fingerprint')}</th>
                <th>{t('recommendations.files.batch')}</th>
                <th className="num">{t('recommendations.files.count')}</th>
                <th>{t('recommendations.files.signedAt')}</th>
                <th>{t('recommendations.files.importedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {files.state.value.files.map((file) => (
                <tr
                  key={file.id}
                  data-testid="recs-file"
                  data-member={file.member}
                  data-current={file.current}
                  className={file.current ? undefined : 'recs-files__superseded'}
                >
                  <td>
                    {file.member} (
                    {file.role === null
                      ? t('recommendations.roleUnknown')
                      : roleLabel(t, file.role)}
                    ){!file.current && <div>{t('recommendations.files.superseded')}</div>}
                  </td>
                  <td className="mono">{file.fingerprint}</td>
                  <td>{file.batchName}</td>
                  <td className="num">
                    {t('recommendations.files.countValue', { count: formatCount(file.count) })}
                  </td>
                  <td className="nowrap">{formatDateTime(file.signedAt, locale)}</td>
                  <td className="nowrap">
                    {formatDateTime(file.importedAt, locale)} · {file.importedBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
