import { createContext, useContext } from 'react';
import type { VaultStatus } from '../../../shared/ipc/vault-schemas';

/** What the app shell may do with the workspace it runs in; given by VaultGate while open. */
export interface VaultValue {
  /** The open workspace's status, as main last answered it. */
  status: VaultStatus;
  /** Locks the workspace; the gate then shows the unlock screen. Rejects with an ApiError. */
  lockNow: () => Promise<VaultStatus>;
  /** A newer status main answered to another vault call (the idle setting). */
  statusChanged: (status: VaultStatus) => void;
}

export const VaultContext = createContext<VaultValue | null>(null);

export function useVault(): VaultValue {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault must be used inside <VaultGate> while it is open');
  return value;
}
