import { parseArgs } from 'node:util';
import { OUTCOMES, REASON_CODES } from '../../shared/domain/decision';
import { formatKrw, parseKrw } from '../../shared/domain/money';
import { amendmentsContract, type CouncilAmendmentDto } from '../../shared/ipc/amendments-schemas';
import {
  cosignAmendment,
  listAmendments,
  proposeAmendment,
} from '../services/amendments/amendments';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { AMEND_USAGE } from './usage-texts';

const OPTIONS = {
  claim: { type: 'string' },
  outcome: { type: 'string' },
  amount: { type: 'string' },
  'reason-code': { type: 'string', multiple: true },
  note: { type: 'string' },
  reason: { type: 'string' },
  id: { type: 'string' },
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; args: string[] }>>['values'];

function refuse(message: string): never {
  throw new ServiceError('validation_failed', message);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return refuse(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
}

function proposal(values: Values) {
  if (!values.claim) refuse('amend propose needs --claim <id>');
  if (!values.outcome) refuse('amend propose needs --outcome <outcome>');
  if (!values.reason?.trim())
    refuse(
      'amend propose needs --reason <why>: the minutes report every amendment with its reason',
    );
  let amount: number | null = null;
  if (values.amount !== undefined) {
    const parsed = parseKrw(values.amount);
    if (!parsed.ok) refuse(`--amount "${values.amount}" is not an amount of won`);
    amount = parsed.value;
  }
  const parsed = amendmentsContract['amendments:propose'].request.safeParse({
    claimId: values.claim,
    outcome: oneOf(values.outcome, OUTCOMES, 'outcome'),
    amount,
    reasonCodes: (values['reason-code'] ?? []).map((c) => oneOf(c, REASON_CODES, 'reason-code')),
    note: values.note ?? '',
    reason: values.reason ?? '',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    refuse(`amend propose: ${issue.path.join('.') || 'request'}: ${issue.message}`);
  }
  return parsed.data;
}

const decisionText = (outcome: string, amount: number | null) =>
  amount === null ? outcome : `${outcome} ${formatKrw(amount)}`;

/** One line per amendment: what it changes to, why, who proposed and who co-signed. */
export function amendmentText(amendment: CouncilAmendmentDto): string {
  const signed =
    amendment.status === 'cosigned'
      ? `co-signed by ${amendment.cosignedBy} → decision #${amendment.decisionId}`
      : amendment.status === 'pending'
        ? "waiting for the chair's co-signature (pays nothing yet)"
        : 'overtaken: cannot be co-signed';
  return (
    `#${amendment.id} ${amendment.claimId} ${decisionText(amendment.amends.outcome, amendment.amends.amount)} → ${decisionText(amendment.outcome, amendment.amount)}` +
    `  reason "${amendment.reason}"  proposed by ${amendment.proposedBy}  ${amendment.status}: ${signed}\n`
  );
}

/**
 * The council's decision changed outside a meeting, from a terminal: the secretary proposes with
 * --as their key, the chair co-signs with theirs. The same service as the app's Meetings screen.
 */
export function runAmend(openAt: (db: string | undefined) => ServiceContext, args: string[]) {
  const [verb, ...rest] = args;
  if (!verb || verb === '--help') {
    process.stdout.write(`${AMEND_USAGE}\n`);
    return;
  }
  const { values } = parseArgs({ args: rest, options: OPTIONS });
  const ctx = openAt(values.db);
  try {
    let shown: CouncilAmendmentDto[];
    if (verb === 'propose') shown = [proposeAmendment(ctx, proposal(values))];
    else if (verb === 'cosign') {
      const id = Number(values.id);
      if (!Number.isSafeInteger(id) || id <= 0) refuse('amend cosign needs --id <amendment id>');
      shown = [cosignAmendment(ctx, id).amendment];
    } else if (verb === 'list') shown = listAmendments(ctx, values.claim);
    else return refuse(`unknown amend command "${verb}"\n${AMEND_USAGE}`);
    process.stdout.write(
      values.json ? `${JSON.stringify(shown)}\n` : shown.map(amendmentText).join(''),
    );
  } finally {
    ctx.db.close();
  }
}
