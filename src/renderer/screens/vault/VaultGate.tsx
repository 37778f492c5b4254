import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LockReason, VaultStatus } from '../../../shared/ipc/vault-schemas';
import { api, asApiError, subscribe, type ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { RestoreBackup } from '../backup/RestoreBackup';
import { CreateWorkspace } from './CreateWorkspace';
import { GateFrame } from './GateFrame';
import { RecoveryCode } from './RecoveryCode';
import { UnlockWorkspace } from './UnlockWorkspace';
import { VaultContext, type VaultValue } from './vault-context';
import { VaultProblem } from './VaultProblem';

type View =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  /** Made and open, but the shell waits until the person has taken the code down. */
  | { kind: 'recovery'; recoveryCode: string; status: VaultStatus }
  /** No workspace yet, and the person chose to restore one from a backup instead. */
  | { kind: 'restore'; status: VaultStatus }
  | { kind: 'status'; status: VaultStatus };

/** The view once main has locked: shown at once, before main is asked for the full status. */
function lockedView(view: View, reason: LockReason): View {
  if (view.kind !== 'recovery' && !(view.kind === 'status' && view.status.state === 'open'))
    return view;
  return {
    kind: 'status',
    status: { ...view.status, state: 'locked', unlockedBy: null, lockedBecause: reason },
  };
}

/** The view for a status main answered: the restore form stays while there is still nothing. */
function afterStatus(view: View, status: VaultStatus): View {
  if (view.kind === 'restore' && status.state === 'none') return { kind: 'restore', status };
  return { kind: 'status', status };
}

/**
 * Nothing of the app shows until the workspace is open. The shell (`children`) is mounted
 * only while it is, so each opening mounts it afresh (its screens read their data then) and
 * each lock unmounts it (no claimant's data stays in the page).
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  // Only the newest answer counts: a status query overtaken by an unlock or a lock is dropped.
  const ticket = useRef(0);

  const settle = useCallback((next: View) => {
    ticket.current += 1;
    setView(next);
  }, []);

  const refresh = useCallback(() => {
    const mine = ++ticket.current;
    api.vault.status().then(
      (status) => mine === ticket.current && setView((current) => afterStatus(current, status)),
      (error: unknown) =>
        mine === ticket.current && setView({ kind: 'failed', error: asApiError(error) }),
    );
  }, []);

  useEffect(() => {
    refresh();
    return subscribe('vault:locked', ({ reason }) => {
      setView((current) => lockedView(current, reason));
      refresh();
    });
  }, [refresh]);

  const lockNow = useCallback(async () => {
    const status = await api.vault.lock();
    settle({ kind: 'status', status });
    return status;
  }, [settle]);

  const statusChanged = useCallback(
    (status: VaultStatus) => settle({ kind: 'status', status }),
    [settle],
  );

  if (view.kind === 'status' && view.status.state === 'open')
    return (
      <OpenWorkspace status={view.status} lockNow={lockNow} statusChanged={statusChanged}>
        {children}
      </OpenWorkspace>
    );
  return (
    <GateFrame>
      <GateScreen view={view} settle={settle} refresh={refresh} />
    </GateFrame>
  );
}

function OpenWorkspace({
  status,
  lockNow,
  statusChanged,
  children,
}: VaultValue & { children: ReactNode }) {
  const value = useMemo(
    () => ({ status, lockNow, statusChanged }),
    [status, lockNow, statusChanged],
  );
  return <VaultContext.Provider value={value}>{children}</VaultContext.Provider>;
}

function GateScreen({
  view,
  settle,
  refresh,
}: {
  view: View;
  settle: (next: View) => void;
  refresh: () => void;
}): ReactNode {
  switch (view.kind) {
    case 'loading':
      return <Loading />;
    case 'failed':
      return <ErrorNotice error={view.error} testId="vault-status-error" onRetry={refresh} />;
    case 'recovery':
      return (
        <RecoveryCode
          recoveryCode={view.recoveryCode}
          dataDir={view.status.dataDir}
          onContinue={() => settle({ kind: 'status', status: view.status })}
        />
      );
    case 'restore':
      return (
        <RestoreBackup
          dataDir={view.status.dataDir}
          onBack={() => settle({ kind: 'status', status: view.status })}
          // Restored means open: main's status says so, and the shell mounts.
          onContinue={refresh}
        />
      );
    case 'status':
      break;
  }
  const { status } = view;
  switch (status.state) {
    case 'none':
      return (
        <CreateWorkspace
          status={status}
          onCreated={(made) =>
            settle({ kind: 'recovery', recoveryCode: made.recoveryCode, status: made.status })
          }
          onRestore={() => settle({ kind: 'restore', status })}
        />
      );
    case 'locked':
      return (
        <UnlockWorkspace
          status={status}
          onOpened={(opened) => settle({ kind: 'status', status: opened })}
          onRefused={refresh}
        />
      );
    case 'plain':
      return (
        <CreateWorkspace
          status={status}
          converting
          onCreated={(made) =>
            settle({ kind: 'recovery', recoveryCode: made.recoveryCode, status: made.status })
          }
        />
      );
    case 'key-file-missing':
      return <VaultProblem state={status.state} dataDir={status.dataDir} onRetry={refresh} />;
    case 'open':
      // Rendered by VaultGate itself, inside the vault context.
      return null;
  }
}
