import { client } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { ScreenId } from '../../app/screens';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useT } from '../../i18n/locale-context';
import { EmptyWorkspace } from './EmptyWorkspace';
import { WorkspaceSummary } from './WorkspaceSummary';

export function BatchesScreen({ onNavigate }: { onNavigate: (screen: ScreenId) => void }) {
  const t = useT();
  const { state, reload } = useApi(client.workspaceSummary, undefined);

  return (
    <section className="screen">
      <ScreenHeader
        title={t('batches.title')}
        actions={
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('common.refresh')}
          </button>
        }
      />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ready' &&
        (state.value.claims === 0 ? (
          <EmptyWorkspace onLoaded={() => onNavigate('review')} />
        ) : (
          <WorkspaceSummary summary={state.value} onOpenReview={() => onNavigate('review')} />
        ))}
    </section>
  );
}
