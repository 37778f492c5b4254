import { useState } from 'react';
import type { SupplementReport } from '../../../../shared/ipc/supplements-schemas';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';

type Container = 'evidence-zip' | 'evidence-folder';

/**
 * Evidence the claimant sent later (most often what a 보완 요청 asked for), attached to this
 * claim from a zip or a folder chosen in main's dialog: checked and stored as an import's
 * files are, after the claim's earlier ones. What came and what did not is said at once.
 */
export function AttachEvidence({
  claimId,
  onAttached,
}: {
  claimId: string;
  onAttached: () => void;
}) {
  const t = useT();
  const { run, pending, error } = useWrite();
  const [report, setReport] = useState<SupplementReport | null>(null);

  async function attachFrom(kind: Container) {
    setReport(null);
    const chosen = await run(() => api.intake.chooseFile({ kind }), { pending: false });
    if (!chosen || chosen.path === null) return;
    const path = chosen.path;
    const done = await run(() => api.supplements.attach({ claimId, evidence: path }));
    if (!done) return;
    setReport(done);
    onAttached();
  }

  const arrived = report?.claims[0];
  return (
    <section
      className="detail__section"
      aria-labelledby="attach-evidence-title"
      data-testid="attach-evidence"
    >
      <h3 id="attach-evidence-title" className="detail__subtitle">
        {t('review.attach.title')}
      </h3>
      <p className="muted">{t('review.attach.help')}</p>
      <div className="button-row">
        <Button
          variant="secondary"
          testId="attach-evidence-zip"
          disabled={pending}
          onClick={() => void attachFrom('evidence-zip')}
        >
          {t('review.attach.fromZip')}
        </Button>
        <Button
          variant="secondary"
          testId="attach-evidence-folder"
          disabled={pending}
          onClick={() => void attachFrom('evidence-folder')}
        >
          {t('review.attach.fromFolder')}
        </Button>
      </div>
      {error && <ErrorNotice error={error} />}
      {arrived && (
        <p
          className={`notice ${arrived.rejected + arrived.missing > 0 ? 'notice--info' : 'notice--success'}`}
          role="status"
          data-testid="attach-evidence-result"
        >
          {t('review.attach.result', {
            source: report?.source ?? '',
            stored: formatCount(arrived.stored),
            rejected: formatCount(arrived.rejected),
            missing: formatCount(arrived.missing),
          })}
          {arrived.answered && ` ${t('review.attach.answered')}`}
        </p>
      )}
    </section>
  );
}
