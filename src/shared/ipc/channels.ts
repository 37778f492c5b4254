import { contract } from './contract';

/**
 * Every IPC channel, "area:verb": the keys of the contract, where each is declared once with its
 * schemas and rules. The sandboxed preload builds window.api from this list, so it bundles the
 * contract (zod and the schemas) into its one file.
 */
export type Channel = keyof typeof contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** "claims:list" -> ["claims", "list"]: how a channel appears on window.api. */
export function splitChannel(channel: Channel): [area: string, verb: string] {
  const [area, verb] = channel.split(':') as [string, string];
  return [area, verb];
}

/** Events main pushes to the renderer; window.api.on(event, listener) subscribes. */
export const EVENTS = [
  'intake:progress',
  'vault:locked',
  'backup:progress',
  'backup:requested',
] as const;
export type EventName = (typeof EVENTS)[number];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}
