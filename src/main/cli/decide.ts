import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DECISION_ISSUE_MESSAGES,
  OUTCOMES,
  REASON_CODES,
  type Outcome,
  type ReasonCode,
} from '../../shared/domain/decision';
import { parseKrw } from '../../shared/domain/money';
import type { ServiceContext } from '../services/context';
import { nextInChain, recordDecision } from '../services/decisions/decisions';
import { importDecisions } from '../services/decisions/decisions-import';
import { ServiceError } from '../services/errors';
import { Refusal } from './cli-errors';

/** A bad argument: the caller prints it on one line and exits 1. */
export class DecideArgumentError extends Refusal {}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new DecideArgumentError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
}

/**
 * Records a decision from a terminal through the same service as the app: the shared rules,
 * one transaction and its audit entry. It follows (or amends) the claim's current decision.
 */
export function runDecide(openAt: (db: string | undefined) => ServiceContext, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      claim: { type: 'string' },
      outcome: { type: 'string' },
      amount: { type: 'string' },
      reason: { type: 'string', multiple: true },
      note: { type: 'string' },
      'amend-reason': { type: 'string' },
      from: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.from !== undefined) {
    const ctx = openAt(values.db);
    try {
      const result = importDecisions(ctx, resolve(values.from));
      process.stdout.write(
        values.json
          ? `${JSON.stringify(result)}\n`
          : `결정 ${result.recorded}건 기록 / recorded ${result.recorded} decisions\n`,
      );
    } finally {
      ctx.db.close();
    }
    return;
  }
  if (!values.claim || !values.outcome)
    throw new DecideArgumentError('decide needs --claim <id> and --outcome <outcome>');
  const outcome: Outcome = oneOf(values.outcome, OUTCOMES, 'outcome');
  const reasonCodes: ReasonCode[] = (values.reason ?? []).map((r) =>
    oneOf(r, REASON_CODES, 'reason'),
  );
  let amount: number | null = null;
  if (values.amount !== undefined) {
    const parsed = parseKrw(values.amount);
    if (!parsed.ok)
      throw new DecideArgumentError(`--amount "${values.amount}" is not an amount of won`);
    amount = parsed.value;
  }
  const ctx = openAt(values.db);
  try {
    const record = recordDecision(ctx, {
      claimId: values.claim,
      outcome,
      amount,
      reasonCodes,
      note: values.note ?? '',
      ...nextInChain(ctx.db, values.claim, values['amend-reason']),
    });
    process.stdout.write(
      values.json
        ? `${JSON.stringify(record)}\n`
        : `결정 #${record.id} 기록 (${record.claimId}, ${record.outcome}) / decision #${record.id} recorded\n`,
    );
  } catch (error) {
    // Name the broken rule in both languages, as the app's form does.
    if (error instanceof ServiceError && error.issues.length > 0) {
      const first = error.issues[0]!;
      const label = DECISION_ISSUE_MESSAGES[first.code as keyof typeof DECISION_ISSUE_MESSAGES];
      throw new ServiceError(
        error.code,
        label ? `${first.path}: ${label.ko} / ${label.en}` : error.message,
        error.issues,
      );
    }
    throw error;
  } finally {
    ctx.db.close();
  }
}
