import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { fileAppeal } from '../../../src/main/services/appeals/file';
import { ruleOnAppeal } from '../../../src/main/services/appeals/rule';
import type { ServiceContext } from '../../../src/main/services/context';
import { queuePage } from '../../../src/main/services/queue/queue';
import type { QueueViewId } from '../../../src/shared/domain/queue-views';
import type { QueueQuery } from '../../../src/shared/ipc/queue-query';
import { makeTempDir } from '../../helpers/temp-workspace';
import { councilWorkspace } from '../meetings/support';

/*
 * Appeals on the sample claims (tests/main/meetings/support.ts): the council seated, the
 * secretary acting. K-2022-000105 is a small business paid 30,000원 by bracket (300,000원 lost);
 * K-2022-000106 and 107 are in the 50,000원 bracket; 101 to 104, 111 and 112 are for the council.
 */

export const BRACKET_30K = 'K-2022-000105';
export const BRACKET_50K = 'K-2022-000106';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** A workspace for one test, removed after it. */
export function appealsWorkspace(
  make: () => ServiceContext & { cleanup: () => void } = councilWorkspace,
) {
  const ws = make();
  cleanups.push(ws.cleanup);
  return ws;
}

/** A folder of new evidence, as a claimant sends it with an appeal. */
export function evidenceFolder(name = 'appeal-evidence'): string {
  const { dir, cleanup } = makeTempDir('review-desk-appeal-evidence-');
  cleanups.push(cleanup);
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'sales-ledger.csv'), 'date,sales\n2022-10-15,0\n2022-10-08,812000\n');
  return folder;
}

export const fileOn = (ctx: ServiceContext, claimId: string, grounds = '실제 손실은 80만원') =>
  fileAppeal(ctx, { claimId, grounds });

export const admit = (ctx: ServiceContext, appealId: number, reason = '매출 장부 확인') =>
  ruleOnAppeal(ctx, { appealId, ruling: 'admit', reason });

export const reject = (ctx: ServiceContext, appealId: number, reason = '손실 증빙 없음') =>
  ruleOnAppeal(ctx, { appealId, ruling: 'reject', reason });

/** The grid's rows in a view, with the column filters and sort given. */
export function gridRows(
  ctx: ServiceContext,
  view: QueueViewId,
  filters: QueueQuery['filters'] = {},
  sort: QueueQuery['sort'] = [],
) {
  return queuePage(ctx, {
    query: { view, search: '', sort, filters },
    startRow: 0,
    endRow: 1000,
  }).rows;
}

export const countRows = (ctx: ServiceContext, table: string): number =>
  ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
