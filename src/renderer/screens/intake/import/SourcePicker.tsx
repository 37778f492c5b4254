import { useState, type DragEvent } from 'react';
import { asApiError, api, type ApiError } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { droppedFile } from '../../../api/dropped-file';
import { useT } from '../../../i18n/locale-context';

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
  const [error, setError] = useState<ApiError | null>(null);

  async function choose(kind: ChooseKind) {
    setError(null);
    try {
      const { path } = await api.intake.chooseFile({ kind });
      if (path === null) return; // the dialog was closed without a choice
      if (kind === 'batch') {
        setDropped(null);
        onFile(path);
      } else onEvidence({ kind, path });
    } catch (cause) {
      setError(asApiError(cause));
    }
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
          {t('import.source.dropTitle')}
        </p>
        <p className="drop-zone__hint">{t('import.source.formats')}</p>
        <button
          type="button"
          className="button button--primary"
          data-testid="choose-batch-file"
          disabled={disabled}
          onClick={() => void choose('batch')}
        >
          {t('import.source.chooseFile')}
        </button>
        <p className={file ? 'drop-zone__file' : 'muted'} data-testid="chosen-file">
          {file ?? t('import.source.noFile')}
        </p>
      </div>
      {dropped !== null && (
        <p className="notice notice--info" role="status" data-testid="drop-message">
          {t('import.source.dropUnsupported', { name: dropped || t('import.source.droppedFile') })}
        </p>
      )}

      <fieldset className="field import-evidence">
        <legend className="field__label">{t('import.source.evidence')}</legend>
        <p className="field__hint">{t('import.source.evidenceHint')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            data-testid="choose-evidence-folder"
            disabled={disabled}
            onClick={() => void choose('evidence-folder')}
          >
            {t('import.source.chooseFolder')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-testid="choose-evidence-zip"
            disabled={disabled}
            onClick={() => void choose('evidence-zip')}
          >
            {t('import.source.chooseZip')}
          </button>
          {evidence && (
            <button
              type="button"
              className="button button--ghost"
              data-testid="clear-evidence"
              disabled={disabled}
              onClick={() => onEvidence(null)}
            >
              {t('import.source.clearEvidence')}
            </button>
          )}
        </div>
        <p className={evidence ? 'drop-zone__file' : 'muted'} data-testid="chosen-evidence">
          {evidence
            ? t(
                evidence.kind === 'evidence-zip'
                  ? 'import.source.evidenceZip'
                  : 'import.source.evidenceFolder',
                { path: evidence.path },
              )
            : t('import.source.noEvidence')}
        </p>
      </fieldset>
      {error && <ErrorNotice error={error} testId="choose-file-error" />}
    </div>
  );
}
