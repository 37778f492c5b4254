import type { RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { unwrap } from '../../../api/client';

/** The Keys and roster panel's calls to main, through the one unwrap of api/client.ts. */
export const signingClient = {
  capabilities: () => unwrap(() => window.api.keys.capabilities(undefined)),
  createKey: (request: RequestOf<'keys:create'>) => unwrap(() => window.api.keys.create(request)),
  inspectKey: (kind: RequestOf<'keys:inspect'>['kind']) =>
    unwrap(() => window.api.keys.inspect({ kind })),
  currentRoster: () => unwrap(() => window.api.roster.current(undefined)),
  importRoster: () => unwrap(() => window.api.roster.import(undefined)),
  chooseMembers: () => unwrap(() => window.api.roster.chooseMembers(undefined)),
  buildRoster: (request: RequestOf<'roster:build'>) =>
    unwrap(() => window.api.roster.build(request)),
};

export type CreatedKey = NonNullable<ResponseOf<'keys:create'>['created']>;
export type InspectedKey = NonNullable<ResponseOf<'keys:inspect'>['key']>;
export type RosterView = NonNullable<ResponseOf<'roster:current'>['roster']>;
export type RosterMemberFile = ResponseOf<'roster:chooseMembers'>['members'][number];
