import type { ResponseOf } from '../../../../shared/ipc/contract';

/** The Keys and roster panel's view of main's answers (the calls are api.keys.* / api.roster.*). */
export type CreatedKey = NonNullable<ResponseOf<'keys:create'>['created']>;
export type InspectedKey = NonNullable<ResponseOf<'keys:inspect'>['key']>;
export type RosterView = NonNullable<ResponseOf<'roster:current'>['roster']>;
