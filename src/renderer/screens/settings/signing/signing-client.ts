import type { Channel } from '../../../../shared/ipc/channels';
import type { IpcResult, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { ApiError, BRIDGE_MISSING } from '../../../api/client';

/**
 * The panel's calls to main, typed from the contract and failing with the same ApiError as
 * api/client.ts, so ErrorNotice shows them alike.
 */
async function unwrap<C extends Channel>(
  call: () => Promise<IpcResult<ResponseOf<C>>>,
): Promise<ResponseOf<C>> {
  if (typeof window.api === 'undefined') throw new ApiError('internal', BRIDGE_MISSING);
  let result: IpcResult<ResponseOf<C>>;
  try {
    result = await call();
  } catch (cause) {
    throw new ApiError('internal', cause instanceof Error ? cause.message : String(cause));
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.issues ?? []);
}

export const signingClient = {
  capabilities: () => unwrap<'keys:capabilities'>(() => window.api.keys.capabilities(undefined)),
  createKey: (request: RequestOf<'keys:create'>) =>
    unwrap<'keys:create'>(() => window.api.keys.create(request)),
  inspectKey: (kind: RequestOf<'keys:inspect'>['kind']) =>
    unwrap<'keys:inspect'>(() => window.api.keys.inspect({ kind })),
  currentRoster: () => unwrap<'roster:current'>(() => window.api.roster.current(undefined)),
  importRoster: () => unwrap<'roster:import'>(() => window.api.roster.import(undefined)),
  chooseMembers: () =>
    unwrap<'roster:chooseMembers'>(() => window.api.roster.chooseMembers(undefined)),
  buildRoster: (request: RequestOf<'roster:build'>) =>
    unwrap<'roster:build'>(() => window.api.roster.build(request)),
};

export type CreatedKey = NonNullable<ResponseOf<'keys:create'>['created']>;
export type InspectedKey = NonNullable<ResponseOf<'keys:inspect'>['key']>;
export type RosterView = NonNullable<ResponseOf<'roster:current'>['roster']>;
export type RosterMemberFile = ResponseOf<'roster:chooseMembers'>['members'][number];
