import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/locale-context';
import { ReportView } from './ReportView';
import { droppedFile } from '../../api/dropped-file';
import { Button } from '../../components/Button';
import { ChosenPath } from '../../components/ChosenPath';

type Kind = RequestOf<'auditor:chooseFile'>['kind'];
type Evidence = { kind: 'evidence-folder' | 'evidence-zip'; path: string };

/**
 * Auditor mode: picks a signed decision file (dialog or drop), an optional roster file (else
 * the workspace's roster), evidence and previous file, and shows main's verification report.
 * Nothing here writes to the workspace; the report can be printed or saved.
 */
export function DecisionFileCheck() {
  const t = useT();
  const [file, setFile] = useState<string | null>(null);
  const [roster, setRoster] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [previous, setPrevious] = useState<string | null>(null);
  const [report, setReport] = useState<ResponseOf<'auditor:verify'> | null>(null);
  const reportTop = useRef<HTMLDivElement>(null);
  // A new verdict is what the auditor came for: bring it into view (a statement, not returned:
  // newer Chromium's scrollIntoView returns a promise an effect must not hand back).
  useEffect(() => {
    if (report) reportTop.current?.scrollIntoView({ block: 'start' });
  }, [report]);
  const { run, pending: busy, error } = useWrite();
  const [dragging, setDragging] = useState(false);
  const [dropped, setDropped] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function choose(kind: Kind | 'previous') {
    const chosen = await run(
      () => api.auditor.chooseFile({ kind: kind === 'previous' ? 'decision-file' : kind }),
      { pending: false },
    );
    const path = chosen?.path ?? null;
    if (path === null) return;
    if (kind === 'decision-file') {
      setDropped(null);
      setFile(path);
      setReport(null);
    } else if (kind === 'roster') setRoster(path);
    else if (kind === 'previous') setPrevious(path);
    else setEvidence({ kind, path });
  }

  async function verify() {
    if (file === null) return;
    setSaved(null);
    const answer = await run(() =>
      api.auditor.verify({
        file,
        roster,
        evidence: evidence?.path ?? null,
        previousFile: previous,
      }),
    );
    setReport(answer ?? null);
  }

  async function save(format: 'json' | 'txt') {
    if (report === null) return;
    const answer = await run(() => api.auditor.saveReport({ report, format }), { pending: false });
    const path = answer?.path ?? null;
    if (path !== null) setSaved(path);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const { path, name } = droppedFile(event);
    if (path) {
      setDropped(null);
      setFile(path);
      setReport(null);
    } else setDropped(name);
  }

  return (
    <div className="panel auditor" data-testid="auditor-mode">
      <h2 className="panel__title">{t('auditor.title')}</h2>
      <p className="muted auditor-intro">{t('auditor.intro')}</p>

      <div className="auditor-inputs">
        <div
          className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
          data-testid="auditor-drop-zone"
          role="group"
          aria-label={t('auditor.drop')}
          onDragEnter={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragOver={(event) => event.preventDefault()}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p className="drop-zone__title">{t('auditor.drop')}</p>
          <Button
            variant="primary"
            testId="auditor-choose-file"
            onClick={() => void choose('decision-file')}
          >
            {t('auditor.chooseFile')}
          </Button>
          <ChosenPath path={file} empty={t('auditor.noFile')} testId="auditor-chosen-file" />
        </div>
        {dropped !== null && (
          <p className="notice notice--info" role="status" data-testid="auditor-drop-message">
            {t('auditor.dropUnsupported', { name: dropped || t('auditor.droppedFile') })}
          </p>
        )}

        <Optional
          legend={t('auditor.roster')}
          value={roster}
          empty={t('auditor.roster.workspace')}
          testId="auditor-roster-choice"
          onClear={() => setRoster(null)}
        >
          <Button
            variant="secondary"
            testId="auditor-choose-roster"
            onClick={() => void choose('roster')}
          >
            {t('auditor.roster.choose')}
          </Button>
        </Optional>
        <Optional
          legend={t('auditor.evidence')}
          value={evidence?.path ?? null}
          empty={t('auditor.evidence.none')}
          testId="auditor-evidence-choice"
          onClear={() => setEvidence(null)}
        >
          <Button
            variant="secondary"
            testId="auditor-choose-evidence-folder"
            onClick={() => void choose('evidence-folder')}
          >
            {t('auditor.evidence.folder')}
          </Button>
          <Button
            variant="secondary"
            testId="auditor-choose-evidence-zip"
            onClick={() => void choose('evidence-zip')}
          >
            {t('auditor.evidence.zip')}
          </Button>
        </Optional>
        <Optional
          legend={t('auditor.previous')}
          value={previous}
          empty={t('auditor.previous.none')}
          testId="auditor-previous-choice"
          onClear={() => setPrevious(null)}
        >
          <Button
            variant="secondary"
            testId="auditor-choose-previous"
            onClick={() => void choose('previous')}
          >
            {t('auditor.previous.choose')}
          </Button>
        </Optional>

        <div className="button-row auditor-actions">
          <Button
            variant="primary"
            testId="auditor-verify"
            disabled={file === null || busy}
            onClick={() => void verify()}
          >
            {busy ? t('auditor.verifying') : t('auditor.verify')}
          </Button>
        </div>
      </div>

      {error && <ErrorNotice error={error} testId="auditor-error" />}

      {report && (
        <>
          <div ref={reportTop} className="button-row auditor-actions">
            <Button variant="secondary" testId="auditor-print" onClick={() => window.print()}>
              {t('auditor.print')}
            </Button>
            <Button
              variant="secondary"
              testId="auditor-save-json"
              onClick={() => void save('json')}
            >
              {t('auditor.saveJson')}
            </Button>
            <Button variant="secondary" testId="auditor-save-txt" onClick={() => void save('txt')}>
              {t('auditor.saveTxt')}
            </Button>
          </div>
          {saved && (
            <p
              className="notice notice--info auditor-actions"
              role="status"
              data-testid="auditor-saved"
            >
              {t('auditor.saved', { path: saved })}
            </p>
          )}
          <ReportView report={report} />
        </>
      )}
    </div>
  );
}

function Optional({
  legend,
  value,
  empty,
  testId,
  onClear,
  children,
}: {
  legend: string;
  value: string | null;
  empty: string;
  testId: string;
  onClear: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <fieldset className="field auditor-option">
      <legend className="field__label">{legend}</legend>
      <div className="button-row">
        {children}
        {value && (
          <Button variant="ghost" onClick={onClear}>
            {t('auditor.clear')}
          </Button>
        )}
      </div>
      <ChosenPath path={value} empty={empty} testId={testId} />
    </fieldset>
  );
}
