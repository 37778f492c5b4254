import { CHANNELS, splitChannel, type Channel } from '../../shared/ipc/channels';
import type { AreaOf, VerbOf } from '../../shared/ipc/contract';
import type { ChannelIo, Serve } from '../services/channel';
import type { ServiceContext } from '../services/context';
import * as amendments from '../services/amendments/channels';
import * as app from '../services/app/channels';
import * as appeals from '../services/appeals/channels';
import * as assignments from '../services/assignments/channels';
import * as auditLog from '../services/audit-log/channels';
import * as auditor from '../services/auditor/channels';
import * as claims from '../services/claims/channels';
import * as decisionFiles from '../services/decision-files/channels';
import * as decisions from '../services/decisions/channels';
import * as evidence from '../services/evidence/channels';
import * as intake from '../services/intake/channels';
import * as keys from '../services/keys/channels';
import * as ledger from '../services/ledger/channels';
import * as meetings from '../services/meetings/channels';
import * as minutes from '../services/minutes/channels';
import * as payouts from '../services/payouts/channels';
import * as people from '../services/people/channels';
import * as policy from '../services/policy/channels';
import * as queue from '../services/queue/channels';
import * as recommendations from '../services/recommendations/channels';
import * as roster from '../services/roster/channels';
import * as stats from '../services/stats/channels';
import * as support from '../services/support/channels';
import * as supplements from '../services/supplements/channels';
import * as corrections from '../services/corrections/channels';
import * as sampling from '../services/sampling/channels';
import * as backup from '../services/backup/channels';
import * as vault from '../services/vault/channels';
import * as workspace from '../services/workspace/channels';
import type { Handlers } from './router';

/** Each area of the contract, with one Serve function per verb: a missing one fails to compile. */
type Services = {
  [A in AreaOf<Channel>]: { [V in VerbOf<Channel, A>]: Serve<Extract<Channel, `${A}:${V}`>> };
};

/**
 * Where each channel is served: channel "area:verb" is the function `verb` exported by
 * services/<area>/channels.ts. Adding a channel to an area needs no line here.
 */
export const services = {
  vault,
  backup,
  app,
  workspace,
  stats,
  intake,
  supplements,
  appeals,
  corrections,
  sampling,
  claims,
  queue,
  evidence,
  policy,
  support,
  people,
  assignments,
  decisions,
  amendments,
  auditLog,
  meetings,
  auditor,
  decisionFiles,
  minutes,
  ledger,
  payouts,
  recommendations,
  keys,
  roster,
} satisfies Services;

/** The router's handler map: every channel bound to its service with the context and io. */
export function bindServices(ctx: ServiceContext, io: ChannelIo): Handlers {
  const areas: Record<string, Record<string, unknown>> = services;
  const handlers: Partial<Record<Channel, (request: unknown) => unknown>> = {};
  for (const channel of CHANNELS) {
    const [area, verb] = splitChannel(channel);
    const serve = areas[area]?.[verb] as Serve<Channel> | undefined;
    // `satisfies Services` makes this unreachable for a built app; a clear message if not.
    if (typeof serve !== 'function') throw new Error(`no service serves ${channel}`);
    handlers[channel] = (request) => serve(ctx, request as never, io);
  }
  return handlers as Handlers;
}
