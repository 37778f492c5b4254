import { parseArgs } from 'node:util';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { assignClaims } from '../services/assignments/assignments';
import { listPeople } from '../services/people/people';

type Open = (db: string | undefined) => ServiceContext;

/** Who is on the roster in force, by role and key fingerprint. */
export function runPeople(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const ctx = openAt(values.db);
  try {
    const people = listPeople(ctx);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(people)}\n`);
      return;
    }
    const lines = [
      people.rosterVersion === null
        ? '명부 없음 / no roster loaded yet (review-desk roster import <file>)'
        : `명부 / roster v${people.rosterVersion}`,
      ...people.people.map((p) => `  ${p.name}\t${p.role}\t${p.fingerprint}`),
      people.current
        ? `지금 작업자 / acting: ${people.current.name} (${people.current.role})`
        : '지금 작업자 없음 / nobody acting (--as <key file>)',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    ctx.db.close();
  }
}

/** The secretary hands claims to a member (or takes them back), as the review grid's bar does. */
export function runAssign(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      claim: { type: 'string', multiple: true },
      to: { type: 'string' },
      unassign: { type: 'boolean', default: false },
      db: { type: 'string' },
    },
  });
  if (!values.claim?.length)
    throw new ServiceError('validation_failed', 'assign needs --claim <id>');
  if ((values.to === undefined) === !values.unassign)
    throw new ServiceError('validation_failed', 'assign needs either --to <name> or --unassign');
  const ctx = openAt(values.db);
  try {
    const { assigned } = assignClaims(ctx, { claimIds: values.claim, assignee: values.to ?? null });
    process.stdout.write(
      values.to
        ? `${assigned}건을 ${values.to}에게 배정 / assigned ${assigned} to ${values.to}\n`
        : `${assigned}건 배정 해제 / unassigned ${assigned}\n`,
    );
  } finally {
    ctx.db.close();
  }
}
