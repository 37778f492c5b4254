import { useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useT } from '../../i18n/locale-context';
import { AuditTable } from './AuditTable';
import { AuditVerdict } from './AuditVerdict';
import { DecisionFileCheck } from '../auditor/DecisionFileCheck';
import { Button } from '../../components/Button';

/** How many recent entries to show; the full chain is still what verify checks. */
const LATEST_ENTRIES = 200;

export function AuditScreen() {
  const t = useT();
  const [auditorMode, setAuditorMode] = useState(false);
  return auditorMode ? (
    <section className="screen">
      <ScreenHeader
        title={t('auditLog.title')}
        actions={
          <Button
            variant="secondary"
            testId="close-auditor-mode"
            onClick={() => setAuditorMode(false)}
          >
            {t('auditor.close')}
          </Button>
        }
      />
      <DecisionFileCheck />
    </section>
  ) : (
    <AuditLog onAuditorMode={() => setAuditorMode(true)} />
  );
}

function AuditLog({ onAuditorMode }: { onAuditorMode: () => void }) {
  const t = useT();
  const verification = useApi(api.auditLog.verify, undefined);
  const entries = useApi(api.auditLog.list, { limit: LATEST_ENTRIES });

  function refresh() {
    verification.reload();
    entries.reload();
  }

  return (
    <section className="screen">
      <ScreenHeader
        title={t('auditLog.title')}
        actions={
          <>
            <Button variant="primary" testId="open-auditor-mode" onClick={onAuditorMode}>
              {t('auditor.open')}
            </Button>
            <Button variant="secondary" onClick={refresh}>
              {t('app.common.refresh')}
            </Button>
          </>
        }
      />
      {verification.state.status === 'loading' && <Loading />}
      {verification.state.status === 'error' && (
        <ErrorNotice error={verification.state.error} onRetry={verification.reload} />
      )}
      {verification.state.status === 'ready' && (
        <AuditVerdict verification={verification.state.value} />
      )}

      <div className="panel">
        <h2 className="panel__title">{t('auditLog.latest')}</h2>
        {entries.state.status === 'loading' && <Loading />}
        {entries.state.status === 'error' && (
          <ErrorNotice error={entries.state.error} onRetry={entries.reload} />
        )}
        {entries.state.status === 'ready' && <AuditTable entries={entries.state.value.entries} />}
      </div>
    </section>
  );
}
