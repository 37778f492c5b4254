import { SECRETARIAT } from '../../../shared/domain/acts';
import { useActingChanges } from '../../api/acting-changes';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';

/**
 * Whether the person acting at this machine is the secretary or the chair: the claim's
 * secretariat panels (corrections, appeals) are theirs. Main checks the role again on every
 * call; this only keeps forms nobody else may use off other people's screens.
 */
export function useSecretariat(): boolean {
  const people = useApi(api.people.list, undefined, useActingChanges());
  const role = people.state.status === 'ready' ? people.state.value.current?.role : undefined;
  return role !== undefined && (SECRETARIAT as readonly string[]).includes(role);
}
