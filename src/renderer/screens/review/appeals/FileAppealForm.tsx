import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { Button } from '../../../components/Button';
import { ChosenPath } from '../../../components/ChosenPath';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { TextAreaField, TextField } from '../../../components/Field';
import { useT } from '../../../i18n/locale-context';

type Container = 'evidence-zip' | 'evidence-folder';

/**
 * Records a claimant's appeal on this claim: the grounds, the day it came in (today when left
 * blank) and, if the claimant sent any, new evidence from a zip or folder chosen in main's
 * dialog, attached to the claim as later evidence.
 */
export function FileAppealForm({ claimId, onFiled }: { claimId: string; onFiled: () => void }) {
  const t = useT();
  const { run, pending, error } = useWrite();
  const [grounds, setGrounds] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [evidence, setEvidence] = useState<string | null>(null);

  async function choose(kind: Container) {
    const chosen = await run(() => api.intake.chooseFile({ kind }), { pending: false });
    if (chosen && chosen.path !== null) setEvidence(chosen.path);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await run(() =>
      api.appeals.file({
        claimId,
        grounds,
        ...(receivedOn === '' ? {} : { receivedOn }),
        ...(evidence === null ? {} : { evidence }),
      }),
    );
    if (!done) return;
    setGrounds('');
    setReceivedOn('');
    setEvidence(null);
    onFiled();
  }

  return (
    <form data-testid="appeal-file" onSubmit={(event) => void submit(event)}>
      <TextAreaField
        id={`appeal-grounds-${claimId}`}
        label={t('review.appeal.grounds')}
        testId="appeal-grounds"
        value={grounds}
        onChange={setGrounds}
      />
      <TextField
        label={t('review.appeal.receivedOn')}
        type="date"
        testId="appeal-received-on"
        value={receivedOn}
        onChange={setReceivedOn}
      />
      <div className="button-row">
        <Button
          variant="ghost"
          testId="appeal-evidence-zip"
          disabled={pending}
          onClick={() => void choose('evidence-zip')}
        >
          {t('review.appeal.chooseZip')}
        </Button>
        <Button
          variant="ghost"
          testId="appeal-evidence-folder"
          disabled={pending}
          onClick={() => void choose('evidence-folder')}
        >
          {t('review.appeal.chooseFolder')}
        </Button>
      </div>
      <ChosenPath
        path={evidence}
        empty={t('review.appeal.noEvidence')}
        testId="appeal-evidence-chosen"
      />
      <Button
        variant="secondary"
        type="submit"
        testId="appeal-submit"
        disabled={pending || grounds.trim() === ''}
      >
        {t('review.appeal.file')}
      </Button>
      {error && <ErrorNotice error={error} testId="appeal-file-error" />}
    </form>
  );
}
