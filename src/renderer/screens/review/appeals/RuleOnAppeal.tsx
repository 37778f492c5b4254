import { useState } from 'react';
import type { AppealRuled } from '../../../../shared/ipc/appeals-schemas';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { TextAreaField } from '../../../components/Field';
import { useT } from '../../../i18n/locale-context';

/**
 * The secretary's ruling on the appeal waiting on this claim: admitted to council review (the
 * claim becomes a committee case, in the queue and ready for an agenda) or rejected; a reason
 * either way, and once only.
 */
export function RuleOnAppeal({
  appealId,
  onRuled,
}: {
  appealId: number;
  onRuled: (ruled: AppealRuled) => void;
}) {
  const t = useT();
  const { run, pending, error } = useWrite();
  const [reason, setReason] = useState('');

  async function rule(ruling: 'admit' | 'reject') {
    const done = await run(() => api.appeals.rule({ appealId, ruling, reason }));
    if (!done) return;
    setReason('');
    onRuled(done);
  }

  const blocked = pending || reason.trim() === '';
  return (
    <div data-testid="appeal-rule">
      <TextAreaField
        id={`appeal-reason-${appealId}`}
        label={t('review.appeal.reason')}
        testId="appeal-reason"
        value={reason}
        onChange={setReason}
      />
      <div className="button-row">
        <Button
          variant="secondary"
          testId="appeal-admit"
          disabled={blocked}
          onClick={() => void rule('admit')}
        >
          {t('review.appeal.admit')}
        </Button>
        <Button
          variant="ghost"
          testId="appeal-reject"
          disabled={blocked}
          onClick={() => void rule('reject')}
        >
          {t('review.appeal.reject')}
        </Button>
      </div>
      {error && <ErrorNotice error={error} testId="appeal-rule-error" />}
    </div>
  );
}
