/**
 * Every IPC channel, "area:verb". Kept free of any import so the sandboxed preload can build
 * window.api from it without bundling the schemas.
 */
export const CHANNELS = [
  'app:info',
  'workspace:summary',
  'workspace:loadSample',
  'claims:list',
  'claims:get',
  'decisions:record',
  'audit:list',
  'audit:verify',
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
