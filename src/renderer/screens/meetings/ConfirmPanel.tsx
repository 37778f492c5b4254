import { useState, type FormEvent } from 'react';
import { outcomeTakesAmount, type Outcome, type ReasonCode } from '../../../shared/domain/decision';
import { parseKrw } from '../../../shared/domain/money';
import type { AgendaItemDto } from '../../../shared/ipc/meeting-schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLocale } from '../../i18n/locale-context';
import { Button } from '../../components/Button';
import { Field, TextField } from '../../components/Field';
import { OutcomeFields } from './OutcomeFields';

/**
 * The chair's confirmation of a closed item. A carried motion is offered as proposed; a motion
 * that did not carry can only be deferred, so the outcome is fixed (main enforces both).
 */
export function ConfirmPanel({
  meetingId,
  item,
  onConfirmed,
}: {
  meetingId: number;
  item: AgendaItemDto;
  onConfirmed: () => void;
}) {
  const { t } = useLocale();
  const carried = item.result === 'carried';
  const proposal = carried ? item.proposal : null;
  const [outcome, setOutcome] = useState<Outcome>(
    carried ? (proposal?.outcome ?? 'approve') : 'defer',
  );
  const [amountText, setAmountText] = useState(proposal?.amount ? String(proposal.amount) : '');
  const [reasons, setReasons] = useState<ReasonCode[]>(proposal?.reasonCodes ?? []);
  const [note, setNote] = useState('');
  const [amendmentReason, setAmendmentReason] = useState('');
  const { run, error } = useWrite();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseKrw(amountText);
    const confirmed = await run(() =>
      api.meetings.confirm({
        meetingId,
        claimId: item.claimId,
        outcome,
        amount: outcomeTakesAmount(outcome) && parsed.ok ? parsed.value : null,
        reasonCodes: reasons,
        note,
        amendmentReason: amendmentReason.trim() === '' ? null : amendmentReason,
      }),
    );
    if (confirmed) onConfirmed();
  }

  return (
    <form className="meetings-confirm" onSubmit={(event) => void submit(event)}>
      <h4 className="detail__subtitle">{t('meetings.confirm.title')}</h4>
      {!carried && <p className="notice notice--info">{t('meetings.confirm.notCarried')}</p>}
      <OutcomeFields
        testIdPrefix={`confirm-${item.claimId}`}
        outcomeLabel={t('meetings.agenda.proposal')}
        outcome={outcome}
        onOutcome={setOutcome}
        amountText={amountText}
        onAmountText={setAmountText}
        reasons={reasons}
        onReasons={setReasons}
        outcomeLocked={!carried}
        detailsLocked={proposal !== null}
      />
      <Field label={t('meetings.confirm.note')}>
        <textarea className="textarea" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <TextField
        label={t('meetings.confirm.amendmentReason')}
        value={amendmentReason}
        onChange={setAmendmentReason}
      />
      <Button variant="primary" type="submit" testId={`confirm-submit-${item.claimId}`}>
        {t('meetings.confirm.submit')}
      </Button>
      {error && <ErrorNotice error={error} testId="meeting-confirm-error" />}
    </form>
  );
}
