import { useState } from 'react';
import { formatKrw } from '../../../shared/domain/money';
import { fixedSupportFor } from '../../../shared/domain/tier';
import type { DecisionRecordDto } from '../../../shared/ipc/schemas';
import { client } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n/locale-context';
import { ClaimFacts } from './ClaimFacts';
import { DecisionForm } from './DecisionForm';
import { DecisionHistory } from './DecisionHistory';
import { EvidenceList } from './EvidenceList';

export function ClaimDetailPanel({
  claimId,
  onClose,
  onDecisionSaved,
}: {
  claimId: string;
  onClose: () => void;
  onDecisionSaved: () => void;
}) {
  const t = useT();
  const { state, reload } = useApi(client.getClaim, claimId);
  // Lives here, not in the form: the form is rebuilt after a save and would lose it.
  const [saved, setSaved] = useState<DecisionRecordDto | null>(null);

  function handleSaved(record: DecisionRecordDto) {
    setSaved(record);
    reload();
    onDecisionSaved();
  }

  return (
    <aside className="panel detail" aria-labelledby="claim-detail-title" data-testid="claim-detail">
      <header className="detail__header">
        <h2 id="claim-detail-title" className="panel__title">
          {t('detail.title', { claimId })}
        </h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('detail.close')}
        </button>
      </header>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <ClaimFacts claim={state.value} />
          <EvidenceList evidence={state.value.evidence} />
          <DecisionHistory decisions={state.value.decisions} />
          {saved && (
            <p className="notice notice--success" role="status" data-testid="save-status">
              {t('form.saved', { id: saved.id })}
            </p>
          )}
          {state.value.tier === 'committee_review' ? (
            <DecisionForm
              // A new current decision changes what the draft must replace: start afresh.
              key={state.value.decisions.at(-1)?.id ?? 'first'}
              claim={state.value}
              onSaved={handleSaved}
              onEdit={() => setSaved(null)}
            />
          ) : (
            <NoDecisionNeeded tierFixedSupport={fixedSupportFor(state.value.tier)} />
          )}
        </>
      )}
    </aside>
  );
}

function NoDecisionNeeded({ tierFixedSupport }: { tierFixedSupport: number | null }) {
  const t = useT();
  return (
    <div className="notice notice--info" data-testid="no-decision-needed">
      <p>{t('detail.notReviewable')}</p>
      {tierFixedSupport !== null && (
        <p data-testid="fixed-support">
          {t('detail.fixedSupport', { amount: formatKrw(tierFixedSupport) })}
        </p>
      )}
    </div>
  );
}
