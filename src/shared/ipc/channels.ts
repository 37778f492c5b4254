/**
 * Every IPC channel, "area:verb". Kept free of any import so the sandboxed preload can build
 * window.api from it without bundling the schemas.
 */
export const CHANNELS = [
  'app:info',
  'workspace:summary',
  'workspace:loadSample',
  'batches:list',
  'stats:get',
  'import:chooseFile',
  'import:inspect',
  'import:start',
  'import:cancel',
  'import:loadDemo',
  'import:quarantine',
  'import:exportQuarantine',
  'claims:list',
  'claims:get',
  'claims:revealContact',
  'claims:history',
  'queue:info',
  'queue:page',
  'queue:ids',
  'evidence:open',
  'policy:list',
  'policy:get',
  'policy:create',
  'support:recommend',
  'people:list',
  'people:add',
  'people:setCurrent',
  'assignments:assign',
  'decisions:record',
  'audit:list',
  'audit:verify',
  'meetings:list',
  'meetings:get',
  'meetings:open',
  'meetings:setAttendance',
  'meetings:addToAgenda',
  'meetings:vote',
  'meetings:closeVoting',
  'meetings:close',
  'meetings:confirm',
  'auditor:chooseFile',
  'auditor:verify',
  'auditor:saveReport',
  'decisionFiles:chooseSigner',
  'decisionFiles:list',
  'decisionFiles:export',
  'decisionFiles:saveCopy',
  // The payout ledger (ledger-schemas.ts).
  'ledger:summary',
  'ledger:export',
  // A meeting's minutes (minutes-schemas.ts).
  'minutes:list',
  'minutes:draft',
  'minutes:approve',
  'minutes:render',
  'minutes:export',
  // The secretary's payout summary (summary-schemas.ts).
  'summary:get',
  // Member recommendations in the app (recommendation-schemas.ts).
  'recommendations:chooseFiles',
  'recommendations:chooseKeyFile',
  'recommendations:import',
  'recommendations:files',
  'recommendations:forClaim',
  'recommendations:export',
  // Keys, the roster and signed exports in the app (signing-schemas.ts).
  'keys:capabilities',
  'keys:create',
  'keys:inspect',
  'roster:current',
  'roster:import',
  'roster:chooseMembers',
  'roster:build',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** "claims:list" -> ["claims", "list"]: how a channel appears on window.api. */
export function splitChannel(channel: Channel): [area: string, verb: string] {
  const [area, verb] = channel.split(':') as [string, string];
  return [area, verb];
}

/** Events main pushes to the renderer; window.api.on(event, listener) subscribes. */
export const EVENTS = ['import:progress'] as const;
export type EventName = (typeof EVENTS)[number];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}
