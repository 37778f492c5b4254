import { parseArgs } from 'node:util';
import { TIER_LABELS } from '../../shared/domain/tier';
import type { ServiceContext } from '../services/context';
import { correctClaim, type CorrectionResult } from '../services/corrections/correct-claim';
import { ServiceError } from '../services/errors';

type Open = (db: string | undefined) => ServiceContext;

function changesOf(sets: string[]): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const set of sets) {
    const at = set.indexOf('=');
    if (at <= 0)
      throw new ServiceError(
        'validation_failed',
        `--set needs <field>=<value>, e.g. 피해금액=800000, not "${set}"`,
      );
    const field = set.slice(0, at).trim();
    if (Object.hasOwn(changes, field))
      throw new ServiceError('validation_failed', `--set names ${field} twice`);
    changes[field] = set.slice(at + 1);
  }
  return changes;
}

export function formatCorrection(result: CorrectionResult): string {
  const tier = (t: CorrectionResult['tier']['from']) => `${TIER_LABELS[t].ko} ${t}`;
  const lines = [
    `${result.claimId}: 판 version ${result.fromVersion} → ${result.toVersion} (${result.fields.join(', ')})`,
    `  내용 해시 content hash ${result.previousHash.slice(0, 12)} → ${result.contentHash.slice(0, 12)}`,
    result.tier.from === result.tier.to
      ? `  구분 tier ${tier(result.tier.to)} (규칙 rule v${result.tier.ruleVersion})`
      : `  구분 변경 tier ${tier(result.tier.from)} → ${tier(result.tier.to)} (규칙 rule v${result.tier.ruleVersion})`,
  ];
  return `${lines.join('\n')}\n`;
}

export function runCorrect(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      claim: { type: 'string' },
      set: { type: 'string', multiple: true, default: [] },
      reason: { type: 'string', default: '' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.claim) throw new ServiceError('validation_failed', 'correct needs --claim <id>');
  const changes = changesOf(values.set);
  const ctx = openAt(values.db);
  try {
    const result = correctClaim(ctx, { claimId: values.claim, changes, reason: values.reason });
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatCorrection(result));
  } finally {
    ctx.db.close();
  }
}
