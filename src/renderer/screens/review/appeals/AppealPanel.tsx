import { useState } from 'react';
import { APPEAL_STATE_LABELS } from '../../../../shared/domain/appeals';
import type { AppealRuled } from '../../../../shared/ipc/appeals-schemas';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useLocale } from '../../../i18n/locale-context';
import { FileAppealForm } from './FileAppealForm';
import { RuleOnAppeal } from './RuleOnAppeal';

/**
 * The claim's appeals (이의신청), for the secretary or the chair, who record and rule on them
 * (ClaimWorkspace shows this to them alone):
 * each appeal with where it stands, then either the ruling on the one waiting or, when none
 * waits, the form for a new one. Others see nothing here; the grid's appeals view and the
 * claim's history show appeals to everyone.
 */
export function AppealPanel({ claimId, onChanged }: { claimId: string; onChanged: () => void }) {
  const { t, label } = useLocale();
  const [version, setVersion] = useState(0);
  const appeals = useApi(api.appeals.list, { claimId }, version);
  const [ruled, setRuled] = useState<AppealRuled | null>(null);

  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  const list = appeals.state.status === 'ready' ? appeals.state.value.appeals : [];
  const waiting = list.find((appeal) => appeal.state === 'filed');

  return (
    <section className="detail__section" aria-labelledby="appeals-title" data-testid="appeals">
      <h3 id="appeals-title" className="detail__subtitle">
        {t('review.appeal.title')}
      </h3>
      <p className="muted">{t('review.appeal.help')}</p>
      {appeals.state.status === 'error' && (
        <ErrorNotice error={appeals.state.error} onRetry={appeals.reload} />
      )}
      {list.length > 0 && (
        <ul className="flag-list" data-testid="appeal-list">
          {list.map((appeal) => (
            <li key={appeal.id} data-state={appeal.state}>
              {t('review.appeal.item', {
                id: appeal.id,
                receivedOn: appeal.receivedOn,
                state: label(APPEAL_STATE_LABELS[appeal.state]),
                grounds: appeal.grounds,
              })}
              {appeal.ruledBy !== null &&
                ` — ${t('review.appeal.ruledBy', { by: appeal.ruledBy, reason: appeal.rulingReason ?? '' })}`}
            </li>
          ))}
        </ul>
      )}
      {ruled?.appeal.claimVersion != null && (
        <p className="notice notice--success" role="status" data-testid="appeal-admitted">
          {t('review.appeal.admitted', { version: ruled.appeal.claimVersion })}
        </p>
      )}
      {appeals.state.status === 'ready' &&
        (waiting ? (
          <RuleOnAppeal
            key={waiting.id}
            appealId={waiting.id}
            onRuled={(done) => {
              setRuled(done);
              changed();
            }}
          />
        ) : (
          <FileAppealForm
            claimId={claimId}
            onFiled={() => {
              setRuled(null);
              changed();
            }}
          />
        ))}
    </section>
  );
}
