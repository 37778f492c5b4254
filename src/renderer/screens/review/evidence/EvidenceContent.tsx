import { lazy, Suspense, type Ref } from 'react';
import type { EvidenceFileDto } from '../../../../shared/ipc/review-schemas';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useT } from '../../../i18n/locale-context';
import type { ViewerHandle } from './evidence-format';
import { ImageView } from './ImageView';
import { TableView } from './TableView';
import { TextView } from './TextView';

// pdf.js is large; it is fetched (from the app's own files) the first time a PDF is opened.
const PdfView = lazy(() => import('./PdfView'));

/**
 * Fetches one stored file over IPC (main re-checks its hash and records the view) and shows it
 * with the view for its kind. Mounted per file (keyed), so zoom and page start fresh each time.
 */
export function EvidenceContent({
  claimId,
  position,
  viewRef,
}: {
  claimId: string;
  position: number;
  viewRef: Ref<ViewerHandle>;
}) {
  const t = useT();
  const { state, reload } = useApi(api.evidence.open, { claimId, position });

  if (state.status === 'loading') {
    return (
      <p className="evidence-stage evidence-stage__message" role="status">
        {t('evidence.opening')}
      </p>
    );
  }
  if (state.status === 'error') {
    // A changed or vanished store file gets its own heading: the generic "conflict" one speaks
    // of clashing edits, and this is about whether the evidence can be trusted at all.
    if (state.error.code === 'conflict') {
      return (
        <div className="evidence-error">
          <div className="notice notice--error" role="alert" data-testid="evidence-conflict">
            <p className="notice__title">{t('evidence.error.conflict')}</p>
            <p className="notice__detail">
              {t('app.error.detail', { message: state.error.message })}
            </p>
          </div>
        </div>
      );
    }
    return (
      <div className="evidence-error">
        <ErrorNotice error={state.error} onRetry={reload} testId="evidence-error" />
      </div>
    );
  }
  return <FileView file={state.value} viewRef={viewRef} />;
}

function FileView({ file, viewRef }: { file: EvidenceFileDto; viewRef: Ref<ViewerHandle> }) {
  const t = useT();
  const { content } = file;
  switch (content.kind) {
    case 'table':
      return <TableView sheet={content.sheet} rows={content.rows} truncated={content.truncated} />;
    case 'text':
      return <TextView text={content.text} truncated={content.truncated} />;
    case 'binary':
      if (file.mediaType === 'application/pdf') {
        return (
          <Suspense
            fallback={
              <p className="evidence-stage evidence-stage__message">{t('evidence.pdf.loading')}</p>
            }
          >
            <PdfView bytes={content.bytes} ref={viewRef} />
          </Suspense>
        );
      }
      return (
        <ImageView
          bytes={content.bytes}
          mediaType={file.mediaType}
          name={file.fileName}
          ref={viewRef}
        />
      );
  }
}
