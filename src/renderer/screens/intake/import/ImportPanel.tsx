import { useState } from 'react';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import type { ColumnMapping } from '../../../../shared/domain/batch-format';
import type { ImportRequest } from '../../../../shared/ipc/intake-schemas';
import { useT } from '../../../i18n/locale-context';
import { ImportSetup } from './ImportSetup';
import { SourcePicker, type EvidenceSource } from './SourcePicker';
import { Button } from '../../../components/Button';
import { PanelHead } from '../../../components/PanelHead';

type InspectTarget = { file: string; sheet: string | null } | null;

// Module-level so useApi gets a stable fetcher; nothing is inspected before a file is chosen.
const inspectTarget = (target: InspectTarget) =>
  target === null ? Promise.resolve(null) : api.intake.inspect(target);

/** Choose a batch file (and evidence), check its columns, then hand the request to onStart. */
export function ImportPanel({
  busy,
  onStart,
  onClose,
}: {
  busy: boolean;
  onStart: (request: ImportRequest) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [file, setFile] = useState<string | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<EvidenceSource | null>(null);
  const target: InspectTarget = file === null ? null : { file, sheet };
  const { state, reload } = useApi(inspectTarget, target);

  function chooseFile(path: string) {
    if (path === file) reload(); // the file may have been fixed and saved again
    setFile(path);
    setSheet(null);
  }

  function start(mapping: ColumnMapping) {
    if (file === null) return;
    onStart({ file, evidence: evidence?.path ?? null, sheet, mapping });
  }

  return (
    <section
      className="panel import-panel"
      data-testid="import-panel"
      aria-labelledby="import-title"
    >
      <PanelHead titleId="import-title" title={t('intake.import.title')}>
        <Button variant="ghost" testId="close-import" disabled={busy} onClick={onClose}>
          {t('intake.import.close')}
        </Button>
      </PanelHead>
      <SourcePicker
        file={file}
        evidence={evidence}
        disabled={busy}
        onFile={chooseFile}
        onEvidence={setEvidence}
      />
      {file !== null && state.status === 'loading' && <Loading />}
      {state.status === 'error' && (
        <ErrorNotice error={state.error} onRetry={reload} testId="inspect-error" />
      )}
      {state.status === 'ready' && state.value !== null && (
        <ImportSetup
          key={`${file ?? ''}\u0000${sheet ?? ''}`}
          inspection={state.value}
          sheet={sheet}
          busy={busy}
          onSheet={setSheet}
          onStart={start}
        />
      )}
    </section>
  );
}
