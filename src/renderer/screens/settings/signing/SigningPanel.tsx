import { useState } from 'react';
import { announceActingChanged } from '../../../api/acting-changes';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { useT } from '../../../i18n/locale-context';
import { BuildRosterForm } from './BuildRosterForm';
import { CreateKeyForm } from './CreateKeyForm';
import { CurrentRoster } from './CurrentRoster';
import { KeyInspector } from './KeyInspector';
import type { CreatedKey } from './signing-types';

/**
 * Settings' "Keys and roster": a person makes their key here, anyone checks a key file or the
 * roster's fingerprint, and the secretary builds and signs the roster. Everything secret stays
 * in main; this panel only ever holds a passphrase while it is being typed.
 */
export function SigningPanel() {
  const t = useT();
  const capabilities = useApi(api.keys.capabilities, undefined);
  const current = useApi(api.roster.current, undefined);
  // The key made in this visit: offered to the roster form as signer and as a member.
  const [created, setCreated] = useState<CreatedKey | null>(null);
  // A new roster lists other people, and may rename the person acting or stop them acting.
  const rosterChanged = () => {
    current.reload();
    announceActingChanged();
  };

  return (
    <div className="panel signing" data-testid="signing-panel">
      <h2 className="panel__title">{t('signing.title')}</h2>
      <p className="muted signing__intro">{t('signing.intro')}</p>
      {capabilities.state.status === 'loading' && <Loading />}
      {capabilities.state.status === 'error' && (
        <ErrorNotice error={capabilities.state.error} onRetry={capabilities.reload} />
      )}
      {capabilities.state.status === 'ready' && (
        <CreateKeyForm
          osKeychain={capabilities.state.value.osKeychain}
          minPassphraseLength={capabilities.state.value.minPassphraseLength}
          created={created}
          onCreated={setCreated}
        />
      )}
      {current.state.status === 'loading' && <Loading />}
      {current.state.status === 'error' && (
        <ErrorNotice error={current.state.error} onRetry={current.reload} />
      )}
      {current.state.status === 'ready' && (
        <>
          <CurrentRoster roster={current.state.value.roster} onChanged={rosterChanged} />
          <KeyInspector rosterVersion={current.state.value.roster?.version ?? null} />
          <BuildRosterForm
            roster={current.state.value.roster}
            created={created}
            onBuilt={rosterChanged}
          />
        </>
      )}
    </div>
  );
}
