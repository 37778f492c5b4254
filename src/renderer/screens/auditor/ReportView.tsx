import type { ResponseOf } from '../../../shared/ipc/contract';
import { useT } from '../../i18n/locale-context';
import { roleLabel } from '../../i18n/role-label';

type Report = ResponseOf<'auditor:verify'>;

const VERDICT_WORD = {
  valid: 'auditor.verdict.valid',
  invalid: 'auditor.verdict.invalid',
  intact_unjudged: 'auditor.verdict.unjudged',
} as const;

const VERDICT_STYLE = { valid: 'valid', invalid: 'invalid', intact_unjudged: 'unjudged' } as const;

/** The verification report: verdict first, then signatures, decisions, evidence, chain, problems. */
export function ReportView({ report }: { report: Report }) {
  const t = useT();
  const rosterText =
    report.rosterFingerprint === null
      ? t('auditor.summary.rosterNone')
      : t(
          report.rosterSource === 'file'
            ? 'auditor.summary.rosterFile'
            : 'auditor.summary.rosterWorkspace',
          { fingerprint: report.rosterFingerprint },
        );
  return (
    <div className="auditor-report" data-testid="auditor-report">
      <div
        className={`auditor-verdict auditor-verdict--${VERDICT_STYLE[report.verdict]}`}
        role={report.valid ? 'status' : 'alert'}
        data-testid="auditor-verdict"
        data-valid={String(report.valid)}
      >
        <span className="auditor-verdict__word">{t(VERDICT_WORD[report.verdict])}</span>
        <span className="auditor-verdict__detail">
          {report.verdict === 'invalid'
            ? t('auditor.verdict.invalidDetail', { count: report.problems.length })
            : t(`${VERDICT_WORD[report.verdict]}Detail`)}
        </span>
      </div>

      <section className="auditor-section">
        <h3 className="auditor-section__title">{t('auditor.summary.title')}</h3>
        <dl className="auditor-facts">
          <dt>{t('auditor.summary.file')}</dt>
          <dd data-testid="auditor-file-name">{report.fileName}</dd>
          <dt>{t('auditor.summary.fileSha')}</dt>
          <dd className="mono">{report.fileSha256}</dd>
          <dt>{t('auditor.summary.payloadSha')}</dt>
          <dd className="mono">{report.payloadSha256 ?? '-'}</dd>
          <dt>{t('auditor.summary.roster')}</dt>
          <dd data-testid="auditor-roster">{rosterText}</dd>
          {report.rosterTrust !== null && (
            <>
              <dt>{t('auditor.summary.rosterTrust')}</dt>
              <dd
                data-testid="auditor-roster-trust"
                data-trust={report.rosterTrust}
                className={report.rosterTrust === 'untrusted' ? 'auditor-no' : undefined}
              >
                {t(`auditor.summary.trust.${report.rosterTrust}`, {
                  trusted: report.trustedRosterFingerprint ?? '-',
                })}
              </dd>
            </>
          )}
          <dt>{t('auditor.summary.checkedAt')}</dt>
          <dd>{report.checkedAt}</dd>
        </dl>
      </section>

      <section className="auditor-section" data-testid="auditor-signatures">
        <h3 className="auditor-section__title">
          {t('auditor.sig.title', { count: report.signatures.length })}
        </h3>
        {report.signatures.length === 0 ? (
          <p className="muted">{t('auditor.sig.none')}</p>
        ) : (
          <table className="table auditor-table">
            <thead>
              <tr>
                <th scope="col">{t('auditor.sig.signer')}</th>
                <th scope="col">{t('auditor.sig.role')}</th>
                <th scope="col">{t('auditor.sig.fingerprint')}</th>
                <th scope="col">{t('auditor.sig.onRoster')}</th>
                <th scope="col">{t('auditor.sig.valid')}</th>
              </tr>
            </thead>
            <tbody>
              {report.signatures.map((s, i) => (
                <tr key={`${s.keyId ?? 'none'}-${i}`} data-testid={`auditor-signature-${i}`}>
                  <td>{s.signer ?? t('auditor.sig.unknown')}</td>
                  <td>{s.role === null ? '-' : roleLabel(t, s.role)}</td>
                  <td className="mono" title={s.keyId ?? ''}>
                    {s.fingerprint ?? s.keyId?.slice(0, 12) ?? '-'}
                  </td>
                  <td className={s.onRoster ? 'auditor-yes' : 'auditor-no'}>
                    {s.onRoster ? t('auditor.sig.onRosterYes') : t('auditor.sig.onRosterNo')}
                  </td>
                  <td className={s.valid ? 'auditor-yes' : 'auditor-no'}>
                    {s.valid ? t('auditor.sig.validYes') : t('auditor.sig.validNo')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="auditor-section" data-testid="auditor-records">
        <h3 className="auditor-section__title">{t('auditor.records.title')}</h3>
        <p>
          {t('auditor.records.summary', {
            valid: report.records.valid,
            total: report.records.total,
          })}
        </p>
        <p className={report.records.invalid.length ? 'auditor-no' : 'muted'}>
          {report.records.invalid.length
            ? t('auditor.records.invalid', { ids: report.records.invalid.join(', ') })
            : t('auditor.records.noneInvalid')}
        </p>
      </section>

      <section className="auditor-section" data-testid="auditor-evidence">
        <h3 className="auditor-section__title">{t('auditor.evidence.title')}</h3>
        <p>
          {report.evidenceGiven
            ? t('auditor.evidence.summary', {
                checked: report.evidence.checked,
                mismatched: report.evidence.mismatched,
              })
            : t('auditor.evidence.notGiven')}
        </p>
      </section>

      <section className="auditor-section" data-testid="auditor-chain">
        <h3 className="auditor-section__title">{t('auditor.chain.title')}</h3>
        <p className={report.chain.state === 'broken' ? 'auditor-no' : undefined}>
          {t(`auditor.chain.${report.chain.state}`)}
        </p>
        {report.chain.previousFileSha256 && (
          <p className="mono muted">
            {t('auditor.chain.previous', { sha: report.chain.previousFileSha256 })}
          </p>
        )}
      </section>

      {report.warnings.length > 0 && (
        <section className="auditor-section" data-testid="auditor-warnings">
          <h3 className="auditor-section__title">{t('auditor.warnings.title')}</h3>
          <ul className="auditor-problems">
            {report.warnings.map((w) => (
              <li key={w.code} className="auditor-problem">
                <p className="auditor-problem__ko" lang="ko">
                  {w.ko}
                </p>
                <p className="auditor-problem__en" lang="en">
                  {w.message}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="auditor-section" data-testid="auditor-problems">
        <h3 className="auditor-section__title">
          {t('auditor.problems.title', { count: report.problems.length })}
        </h3>
        {report.problems.length === 0 ? (
          <p className="muted">{t('auditor.problems.none')}</p>
        ) : (
          <ol className="auditor-problems">
            {report.problems.map((p, i) => (
              <li
                key={i}
                className="auditor-problem"
                data-testid="auditor-problem"
                data-code={p.code}
              >
                <p className="auditor-problem__where">
                  <code>{p.code}</code>
                  {p.claimId && <span>{t('auditor.problems.claim', { id: p.claimId })}</span>}
                  {p.file && <span>{t('auditor.problems.file', { name: p.file })}</span>}
                </p>
                <p className="auditor-problem__ko" lang="ko">
                  {p.ko}
                </p>
                <p className="auditor-problem__en" lang="en">
                  {p.message}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
