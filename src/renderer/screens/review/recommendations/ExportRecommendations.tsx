import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';

/**
 * A member's side, in their own workspace: their decisions on one batch, signed with their key
 * file and saved where they choose. The passphrase stays in this form until it is sent with
 * the one request that signs, and is cleared afterwards whatever the answer.
 */
export function ExportRecommendations() {
  const t = useT();
  const batches = useApi(api.intake.batches, undefined);
  const [batchId, setBatchId] = useState<number | null>(null);
  const [keyFile, setKeyFile] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [saved, setSaved] = useState<ResponseOf<'recommendations:export'> | null>(null);
  const { run, pending: busy, error } = useWrite();

  const list = batches.state.status === 'ready' ? batches.state.value.batches : [];
  const chosenBatch = batchId ?? list[0]?.id ?? null;

  async function chooseKey() {
    const chosen = await run(() => api.recommendations.chooseKeyFile(), { pending: false });
    if (chosen && chosen.path !== null) setKeyFile(chosen.path);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (chosenBatch === null || keyFile === null || passphrase === '') return;
    setSaved(null);
    const answer = await run(() =>
      api.recommendations.export({ batchId: chosenBatch, keyFile, passphrase }),
    );
    if (answer) setSaved(answer);
    setPassphrase(''); // whatever the answer
  }

  return (
    <section className="recs-panel__section" aria-labelledby="recs-export-title">
      <h3 id="recs-export-title" className="detail__subtitle">
        {t('recommendations.export.title')}
      </h3>
      <p className="recs-panel__hint">{t('recommendations.export.hint')}</p>
      {batches.state.status === 'ready' && list.length === 0 && (
        <p className="muted">{t('recommendations.export.noBatches')}</p>
      )}
      <form onSubmit={(event) => void save(event)} data-testid="recs-export-form">
        <div className="recs-panel__row">
          <SelectField
            label={t('recommendations.export.batch')}
            inline
            selectClassName="recs-panel__batch"
            testId="recs-export-batch"
            value={chosenBatch ?? ''}
            onChange={(value) => setBatchId(Number(value))}
          >
            {list.map((batch) => (
              <option key={batch.id} value={batch.id}>
                {t('recommendations.export.batchOption', {
                  name: batch.name,
                  claims: formatCount(batch.claims),
                })}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="recs-panel__row">
          <span className="inline-field__label">{t('recommendations.export.key')}</span>
          <Button
            variant="secondary"
            testId="recs-export-choose-key"
            onClick={() => void chooseKey()}
          >
            {t('recommendations.export.chooseKey')}
          </Button>
          <span className="mono break-all" data-testid="recs-export-key">
            {keyFile ?? t('recommendations.export.noKey')}
          </span>
        </div>
        <div className="recs-panel__row">
          <TextField
            label={t('recommendations.export.passphrase')}
            inline
            type="password"
            autoComplete="off"
            testId="recs-export-passphrase"
            value={passphrase}
            onChange={setPassphrase}
          />
          <Button
            variant="primary"
            type="submit"
            testId="recs-export-save"
            disabled={busy || chosenBatch === null || keyFile === null || passphrase === ''}
          >
            {busy ? t('recommendations.export.busy') : t('recommendations.export.save')}
          </Button>
        </div>
      </form>
      {error && <ErrorNotice error={error} testId="recs-export-error" />}
      {saved && (
        <p
          className={`notice ${saved.path === null ? 'notice--info' : 'notice--success'}`}
          role="status"
          data-testid="recs-export-status"
        >
          {saved.path === null
            ? t('recommendations.export.notSaved')
            : t('recommendations.export.saved', {
                member: saved.member,
                count: formatCount(saved.count),
                path: saved.path,
              })}
        </p>
      )}
    </section>
  );
}
