import { parseArgs } from 'node:util';
import { THRESHOLD_RULE_KINDS } from '../../shared/domain/committee/rules';
import { VOTE_VALUES } from '../../shared/domain/committee/votes';
import { OUTCOMES, REASON_CODES } from '../../shared/domain/decision';
import { formatKrw, parseKrw } from '../../shared/domain/money';
import {
  addToAgendaRequest,
  confirmDecisionRequest,
  openMeetingRequest,
  voteRequest,
  type MeetingDetail,
} from '../../shared/ipc/meeting-schemas';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import {
  addToAgenda,
  closeMeeting,
  closeVoting,
  confirmFinalDecision,
  getMeeting,
  listMeetings,
  openMeeting,
  recordVote,
} from '../services/meetings';
import { votingMembers } from '../services/meetings/access';
import type { z } from 'zod';
import { MEETING_USAGE } from './usage-texts';

type Open = (db: string | undefined) => ServiceContext;

function refuse(message: string): never {
  throw new ServiceError('validation_failed', message);
}

/** A request checked by the same schema the app's channel uses, with the CLI's option names. */
function checked<T extends z.ZodType>(schema: T, value: unknown, verb: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    refuse(`meeting ${verb}: ${issue.path.join('.') || 'request'}: ${issue.message}`);
  }
  return parsed.data;
}

function whole(value: string | undefined, name: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isSafeInteger(n) || n <= 0)
    refuse(
      `--${name} must be a positive whole number${value === undefined ? '' : `, not "${value}"`}`,
    );
  return n;
}

function amountOf(value: string | undefined): number | null {
  if (value === undefined) return null;
  const parsed = parseKrw(value);
  if (!parsed.ok) refuse(`--amount "${value}" is not an amount of won`);
  return parsed.value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return refuse(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
}

const OPTIONS = {
  number: { type: 'string' },
  date: { type: 'string' },
  place: { type: 'string' },
  quorum: { type: 'string' },
  threshold: { type: 'string' },
  absent: { type: 'string', multiple: true },
  meeting: { type: 'string' },
  claim: { type: 'string' },
  propose: { type: 'string' },
  outcome: { type: 'string' },
  amount: { type: 'string' },
  reason: { type: 'string', multiple: true },
  note: { type: 'string' },
  vote: { type: 'string', multiple: true },
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; args: string[] }>>['values'];

function openRequest(ctx: ServiceContext, values: Values) {
  const absent = new Set(values.absent ?? []);
  const voters = [...votingMembers(ctx)];
  for (const name of absent)
    if (!voters.includes(name)) refuse(`--absent ${name}: not a voting member on the roster`);
  const quorum = values.quorum ?? 'majority';
  return checked(
    openMeetingRequest,
    {
      number: whole(values.number, 'number'),
      heldOn: values.date,
      place: values.place ?? '',
      quorum:
        quorum === 'majority'
          ? { kind: 'majority_of_members' }
          : { kind: 'at_least', count: whole(quorum, 'quorum') },
      threshold: {
        kind: oneOf(
          values.threshold ?? 'majority_of_votes_cast',
          THRESHOLD_RULE_KINDS,
          'threshold',
        ),
      },
      attendance: voters.map((member) => ({ member, present: !absent.has(member) })),
    },
    'open',
  );
}

function votesOf(values: Values, meetingId: number, claimId: string) {
  if (!values.vote?.length) refuse('meeting vote needs --vote <name>=<vote>');
  return values.vote.map((spec) => {
    const at = spec.lastIndexOf('=');
    if (at <= 0) refuse(`--vote "${spec}" must be <name>=<${VOTE_VALUES.join('|')}>`);
    const vote = oneOf(spec.slice(at + 1), VOTE_VALUES, 'vote');
    return checked(voteRequest, { meetingId, claimId, member: spec.slice(0, at), vote }, 'vote');
  });
}

function reasonCodes(values: Values) {
  return (values.reason ?? []).map((code) => oneOf(code, REASON_CODES, 'reason'));
}

function act(ctx: ServiceContext, verb: string, values: Values): MeetingDetail {
  if (verb === 'open') return openMeeting(ctx, openRequest(ctx, values));
  const meetingId = whole(values.meeting, 'meeting');
  if (verb === 'close') return closeMeeting(ctx, meetingId);
  if (verb === 'show') return getMeeting(ctx, meetingId);
  if (!values.claim) refuse(`meeting ${verb} needs --claim <id>`);
  const claimId = values.claim;
  if (verb === 'agenda') {
    const proposal = values.propose
      ? {
          outcome: oneOf(values.propose, OUTCOMES, 'propose'),
          amount: amountOf(values.amount),
          reasonCodes: reasonCodes(values),
        }
      : null;
    return addToAgenda(ctx, checked(addToAgendaRequest, { meetingId, claimId, proposal }, verb));
  }
  if (verb === 'vote') {
    let detail: MeetingDetail | null = null;
    for (const vote of votesOf(values, meetingId, claimId)) detail = recordVote(ctx, vote);
    return detail!;
  }
  if (verb === 'close-vote') return closeVoting(ctx, { meetingId, claimId });
  if (verb === 'confirm') {
    if (!values.outcome) refuse('meeting confirm needs --outcome <outcome>');
    const request = checked(
      confirmDecisionRequest,
      {
        meetingId,
        claimId,
        outcome: oneOf(values.outcome, OUTCOMES, 'outcome'),
        amount: amountOf(values.amount),
        reasonCodes: reasonCodes(values),
        note: values.note ?? '',
      },
      verb,
    );
    return confirmFinalDecision(ctx, request).meeting;
  }
  return refuse(`unknown meeting command "${verb}"\n${MEETING_USAGE}`);
}

/** One line per agenda item: what was proposed, how the vote stands, what was confirmed. */
export function meetingText(detail: MeetingDetail): string {
  const lines = [
    `회의 / meeting ${detail.number} (id ${detail.id}) ${detail.heldOn} ${detail.place} — ${detail.status}, ` +
      `출석 / present ${detail.present}/${detail.members}, 정족수 / quorum ${detail.quorumMet ? 'met' : 'NOT met'}`,
  ];
  for (const item of detail.agenda) {
    const proposal = item.proposal
      ? `${item.proposal.outcome}${item.proposal.amount === null ? '' : ` ${formatKrw(item.proposal.amount)}`}`
      : '-';
    const { for: yes, against, abstain, recused } = item.tally;
    lines.push(
      `  ${item.position}. ${item.claimId}  proposal ${proposal}  votes ${yes}-${against}-${abstain}` +
        `${recused ? ` (recused ${recused})` : ''}  ${item.result}${item.votingClosedAt ? ' (closed)' : ''}` +
        `${item.confirmedDecisionId === null ? '' : `  confirmed #${item.confirmedDecisionId}`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The secretary's meeting from a terminal, through the same services (and the same request
 * schemas) as the Meetings screen: the secretary opens, sets the agenda, records the votes and
 * closes; the chair confirms. Who is acting comes from --as, and the roster says what they may do.
 */
export function runMeeting(openAt: Open, args: string[]): void {
  const [verb, ...rest] = args;
  if (!verb || verb === '--help') {
    process.stdout.write(`${MEETING_USAGE}\n`);
    return;
  }
  const { values } = parseArgs({ args: rest, options: OPTIONS });
  const ctx = openAt(values.db);
  try {
    if (verb === 'list') {
      const { meetings } = listMeetings(ctx);
      process.stdout.write(
        values.json
          ? `${JSON.stringify(meetings)}\n`
          : meetings
              .map(
                (m) =>
                  `${m.id}\tno. ${m.number}\t${m.heldOn}\t${m.status}\t${m.agendaItems} items\n`,
              )
              .join(''),
      );
      return;
    }
    const detail = act(ctx, verb, values);
    process.stdout.write(values.json ? `${JSON.stringify(detail)}\n` : meetingText(detail));
  } finally {
    ctx.db.close();
  }
}
