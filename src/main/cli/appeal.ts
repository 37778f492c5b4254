import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appealName, APPEAL_STATE_LABELS } from '../../shared/domain/appeals';
import { TIER_LABELS } from '../../shared/domain/tier';
import type { AppealFiled, AppealRuled, AppealView } from '../../shared/ipc/appeals-schemas';
import { fileAppeal } from '../services/appeals/file';
import { listAppealsOf } from '../services/appeals/list';
import { ruleOnAppeal } from '../services/appeals/rule';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';

type Open = (db: string | undefined) => ServiceContext;

const stateWords = (appeal: AppealView) =>
  `${APPEAL_STATE_LABELS[appeal.state].ko} ${appeal.state}`;

/** Terminal output for people: Korean first, English after, as in the app. */
export function formatAppealFiled({ appeal, evidence }: AppealFiled): string {
  const lines = [
    `${appealName(appeal.id)} 접수 / appeal #${appeal.id} filed on ${appeal.claimId} (received ${appeal.receivedOn})`,
  ];
  if (evidence)
    lines.push(
      `  증빙 evidence from ${appeal.evidenceSource}: 저장 stored ${evidence.stored}, 거부 rejected ${evidence.rejected}, 없음 missing ${evidence.missing}`,
    );
  return `${lines.join('\n')}\n`;
}

export function formatAppealRuled({ appeal, tier }: AppealRuled): string {
  const tierWords = (t: AppealRuled['tier']['from']) => `${TIER_LABELS[t].ko} ${t}`;
  const lines = [
    `${appealName(appeal.id)} ${stateWords(appeal)}: ${appeal.claimId} (${appeal.rulingReason})`,
    tier.from === tier.to
      ? `  구분 tier ${tierWords(tier.to)}`
      : `  구분 변경 tier ${tierWords(tier.from)} → ${tierWords(tier.to)}`,
  ];
  if (appeal.claimVersion !== null)
    lines.push(
      `  판 version ${appeal.claimVersion}: 위원회 심사 대기열에 들어감 / in the council's review queue`,
    );
  return `${lines.join('\n')}\n`;
}

function formatList(appeals: AppealView[]): string {
  if (appeals.length === 0) return '이의신청 없음 / no appeals\n';
  const lines = appeals.map((appeal) => {
    const ruled = appeal.ruledAt === null ? '' : ` — ${appeal.ruledBy}: ${appeal.rulingReason}`;
    return `  #${appeal.id} ${appeal.claimId} ${appeal.receivedOn} ${stateWords(appeal)}${ruled}\n      ${appeal.grounds}`;
  });
  return `이의신청 ${appeals.length}건 / ${appeals.length} appeals\n${lines.join('\n')}\n`;
}

function appealOption(value: string | undefined, verb: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isSafeInteger(n) || n <= 0)
    throw new ServiceError('validation_failed', `appeal ${verb} needs --appeal <id> (a number)`);
  return n;
}

async function runFile(openAt: Open, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      claim: { type: 'string' },
      grounds: { type: 'string', default: '' },
      received: { type: 'string' },
      evidence: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.claim) throw new ServiceError('validation_failed', 'appeal file needs --claim <id>');
  const ctx = openAt(values.db);
  try {
    const filed = await fileAppeal(ctx, {
      claimId: values.claim,
      grounds: values.grounds,
      receivedOn: values.received,
      evidence: values.evidence === undefined ? undefined : resolve(values.evidence),
    });
    process.stdout.write(values.json ? `${JSON.stringify(filed)}\n` : formatAppealFiled(filed));
  } finally {
    ctx.db.close();
  }
}

function runRule(openAt: Open, ruling: 'admit' | 'reject', args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      appeal: { type: 'string' },
      reason: { type: 'string', default: '' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const appealId = appealOption(values.appeal, ruling);
  const ctx = openAt(values.db);
  try {
    const ruled = ruleOnAppeal(ctx, { appealId, ruling, reason: values.reason });
    process.stdout.write(values.json ? `${JSON.stringify(ruled)}\n` : formatAppealRuled(ruled));
  } finally {
    ctx.db.close();
  }
}

function runList(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      claim: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const ctx = openAt(values.db);
  try {
    const appeals = listAppealsOf(ctx, { claimId: values.claim });
    process.stdout.write(values.json ? `${JSON.stringify({ appeals })}\n` : formatList(appeals));
  } finally {
    ctx.db.close();
  }
}

/** appeal file|admit|reject|list …; returns the exit code. */
export async function runAppeal(openAt: Open, args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'file') await runFile(openAt, rest);
  else if (verb === 'admit' || verb === 'reject') runRule(openAt, verb, rest);
  else if (verb === 'list') runList(openAt, rest);
  else
    throw new ServiceError(
      'validation_failed',
      `appeal needs file, admit, reject or list${verb === undefined ? '' : `, not "${verb}"`}`,
    );
  return 0;
}
