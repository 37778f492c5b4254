import { useState, type DragEvent } from 'react';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { droppedFile } from '../../../api/dropped-file';
import { useT } from '../../../i18n/locale-context';
import { Button } from '../../../components/Button';
import { ChosenPath } from '../../../components/ChosenPath';

export type EvidenceSource = { kind: 'evidence-folder' | 'evidence-zip'; path: string };
type ChooseKind = 'batch' | EvidenceSource['kind'];

/**
 * Picks the batch file and, optionally, its evidence folder or zip, through main's file dialog.
 * A dropped file is resolved to its path by the preload (window.desktop); where there is no
 * preload, as in a plain browser, the drop zone says to use the button.
 */
export function SourcePicker({
  file,
  evidence,
  disabled,
  onFile,
  onEvidence,
}: {
  file: string | null;
  evidence: EvidenceSource | null;
  disabled: boolean;
  onFile: (path: string) => void;
  onEvidence: (evidence: EvidenceSource | null) => void;
}) {
  const t = useT();
  const [dragging, setDragging] = useState(false);
  const [dropped, setDropped] = useState<string | null>(null);
  const { run, error } = useWrite();

  async function choose(kind: ChooseKind) {
    const chosen = await run(() => api.intake.chooseFile({ kind }));
    const path = chosen?.path ?? null;
    if (path === null) return; // failed, or the dialog was closed without a choice
    if (kind === 'batch') {
      setDropped(null);
      onFile(path);
    } else onEvidence({ kind, path });
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const { path, name } = droppedFile(event);
    if (path) {
      setDropped(null);
      onFile(path);
    } else setDropped(name);
  }

  return (
    <div className="import-sources">
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        data-testid="drop-zone"
        role="group"
        aria-labelledby="drop-zone-title"
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p id="drop-zone-title" className="drop-zone__title">
          {t('intake.import.source.dropTitle')}
        </p>
        <p className="drop-zone__hint">{t('intake.import.source.formats')}</p>
        <Button
          variant="primary"
          testId="choose-batch-file"
          disabled={disabled}
          onClick={() => void choose('batch')}
        >
          {t('intake.import.source.chooseFile')}
        </Button>
        <ChosenPath path={file} empty={t('intake.import.source.noFile')} testId="chosen-file" />
      </div>
      {dropped !== null && (
        <p className="notice notice--info" role="status" data-testid="drop-message">
          {t('intake.import.source.dropUnsupported', {
            name: dropped || t('intake.import.source.droppedFile'),
          })}
        </p>
      )}

      <fieldset className="field import-evidence">
        <legend className="field__label">{t('intake.import.source.evidence')}</legend>
        <p className="field__hint">{t('intake.import.source.evidenceHint')}</p>
        <div className="button-row">
          <Button
            variant="secondary"
            testId="choose-evidence-folder"
            disabled={disabled}
            onClick={() => void choose('evidence-folder')}
          >
            {t('intake.import.source.chooseFolder')}
          </Button>
          <Button
            variant="secondary"
            testId="choose-evidence-zip"
            disabled={disabled}
            onClick={() => void choose('evidence-zip')}
          >
            {t('intake.import.source.chooseZip')}
          </Button>
          {evidence && (
            <Button
              variant="ghost"
              testId="clear-evidence"
              disabled={disabled}
              onClick={() => onEvidence(null)}
            >
              {t('intake.import.source.clearEvidence')}
            </Button>
          )}
        </div>
        <p className={evidence ? 'drop-zone__file' : 'muted'} data-testid="chosen-evidence">
          {evidence
            ? t(
                evidence.kind === 'evidence-zip'
                  ? 'intake.import.source.evidenceZip'
                  : 'intake.import.source.evidenceFolder',
                { path: evidence.path },
              )
            : t('intake.import.source.noEvidence')}
        </p>
      </fieldset>
      {error && <ErrorNotice error={error} testId="choose-file-error" />}
    </div>
  );
}
