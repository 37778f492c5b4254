import { useState, type FormEvent } from 'react';
import {
  OUTCOME_LABELS,
  outcomeTakesAmount,
  type Outcome,
  type ReasonCode,
} from '../../../shared/domain/decision';
import { formatKrw, parseKrw } from '../../../shared/domain/money';
import type { CouncilAmendmentDto } from '../../../shared/ipc/amendments-schemas';
import type { PersonRole } from '../../../shared/ipc/review-schemas';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useWrite } from '../../api/use-write';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, TextField } from '../../components/Field';
import { OutcomeFields } from './OutcomeFields';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-context';

/*
 * Changing the council's decision between meetings: the secretary proposes (with the reason),
 * the chair co-signs, and only then does the ledger pay the new amount; the next minutes
 * report it. The form shows to the secretary and the button to the chair; main checks both
 * again with the unlocked key, whatever this screen shows.
 */

function ProposeForm({ onProposed }: { onProposed: () => void }) {
  const { t } = useLocale();
  const [claimId, setClaimId] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('approve');
  const [amountText, setAmountText] = useState('');
  const [reasons, setReasons] = useState<ReasonCode[]>([]);
  const [reason, setReason] = useState('');
  const { run, error } = useWrite();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseKrw(amountText);
    const proposed = await run(() =>
      api.amendments.propose({
        claimId,
        outcome,
        amount: outcomeTakesAmount(outcome) && parsed.ok ? parsed.value : null,
        reasonCodes: reasons,
        note: '',
        reason,
      }),
    );
    if (proposed) {
      setClaimId('');
      setAmountText('');
      setReasons([]);
      setReason('');
      onProposed();
    }
  }

  return (
    <form className="amendments-form" onSubmit={(event) => void submit(event)}>
      <h3 className="detail__subtitle">{t('meetings.amend.propose')}</h3>
      <TextField
        inline
        label={t('meetings.amend.claimId')}
        testId="amend-claim"
        value={claimId}
        onChange={setClaimId}
      />
      <OutcomeFields
        testIdPrefix="amend"
        outcomeLabel={t('meetings.amend.outcome')}
        outcome={outcome}
        onOutcome={setOutcome}
        amountText={amountText}
        onAmountText={setAmountText}
        reasons={reasons}
        onReasons={setReasons}
      />
      <Field label={t('meetings.amend.reason')}>
        <textarea
          className="textarea"
          data-testid="amend-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
      <Button variant="primary" type="submit" testId="amend-submit">
        {t('meetings.amend.submit')}
      </Button>
      {error && <ErrorNotice error={error} testId="amend-error" />}
    </form>
  );
}

function AmendmentRow({
  amendment,
  canCosign,
  onCosigned,
}: {
  amendment: CouncilAmendmentDto;
  canCosign: boolean;
  onCosigned: () => void;
}) {
  const { t, label, locale } = useLocale();
  const { run, error } = useWrite();
  const decision = (d: { outcome: Outcome; amount: number | null }) =>
    `${label(OUTCOME_LABELS[d.outcome])}${d.amount === null ? '' : ` ${formatKrw(d.amount)}`}`;
  return (
    <li
      className={`amendments-list__item amendments-list__item--${amendment.status}`}
      data-testid={`amendment-${amendment.id}`}
      data-status={amendment.status}
    >
      <strong>{amendment.claimId}</strong> {decision(amendment.amends)} → {decision(amendment)}
      <span className="muted">
        {' '}
        · {t('meetings.amend.reasonShown', { reason: amendment.reason })} ·{' '}
        {t('meetings.amend.proposedBy', {
          name: amendment.proposedBy,
          at: formatDateTime(amendment.proposedAt, locale),
        })}
      </span>
      <div>
        <span className={`badge badge--amendment-${amendment.status}`}>
          {t(`meetings.amend.status.${amendment.status}`, {
            name: amendment.cosignedBy ?? '',
          })}
        </span>{' '}
        {amendment.status === 'pending' && canCosign && (
          <Button
            variant="primary"
            testId={`amendment-cosign-${amendment.id}`}
            onClick={() =>
              void run(() => api.amendments.cosign({ amendmentId: amendment.id })).then(
                (done) => done && onCosigned(),
              )
            }
          >
            {t('meetings.amend.cosign')}
          </Button>
        )}
      </div>
      {error && <ErrorNotice error={error} testId={`amendment-error-${amendment.id}`} />}
    </li>
  );
}

export function AmendmentsPanel({ actingRole }: { actingRole: PersonRole | null }) {
  const { t } = useLocale();
  const amendments = useApi(api.amendments.list, {});
  // Rare work: the form opens on request, so the screen stays the meeting's.
  const [proposing, setProposing] = useState(false);
  return (
    <section className="panel amendments" data-testid="amendments-panel">
      <h2 className="panel__title">{t('meetings.amend.title')}</h2>
      <p className="muted">{t('meetings.amend.intro')}</p>
      {amendments.state.status === 'error' && (
        <ErrorNotice error={amendments.state.error} onRetry={amendments.reload} />
      )}
      {amendments.state.status === 'ready' && amendments.state.value.length === 0 && (
        <p className="muted">{t('meetings.amend.none')}</p>
      )}
      {amendments.state.status === 'ready' && amendments.state.value.length > 0 && (
        <ul className="amendments-list">
          {amendments.state.value.map((amendment) => (
            <AmendmentRow
              key={amendment.id}
              amendment={amendment}
              canCosign={actingRole === 'chair'}
              onCosigned={amendments.reload}
            />
          ))}
        </ul>
      )}
      {actingRole === 'secretary' &&
        (proposing ? (
          <ProposeForm
            onProposed={() => {
              setProposing(false);
              amendments.reload();
            }}
          />
        ) : (
          <Button variant="secondary" testId="amend-open" onClick={() => setProposing(true)}>
            {t('meetings.amend.open')}
          </Button>
        ))}
    </section>
  );
}
