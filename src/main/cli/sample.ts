import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { checkSampledClaim } from '../services/sampling/check';
import { drawSample } from '../services/sampling/draw';
import { writeSampleListCsv } from '../services/sampling/list-csv';
import { listSample, sampleStatus } from '../services/sampling/status';
import { formatChecked, formatDrawn, formatSampleList, formatSampleStatus } from './sample-text';

type Open = (db: string | undefined) => ServiceContext;

const DB = { db: { type: 'string' } } as const;
const JSON_FLAG = { json: { type: 'boolean', default: false } } as const;

function wholeNumber(value: string | undefined, option: string, command: string): number {
  const number = Number(value);
  if (value === undefined || !Number.isSafeInteger(number) || number <= 0)
    throw new ServiceError(
      'validation_failed',
      `${command} needs --${option} <id> (a whole number)`,
    );
  return number;
}

function decimal(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number))
    throw new ServiceError(
      'validation_failed',
      `--${option} is a number such as 0.95, not "${value}"`,
    );
  return number;
}

/** Opens the workspace, runs `work`, prints what it returns, closes. */
function withWorkspace(
  openAt: Open,
  db: string | undefined,
  work: (ctx: ServiceContext) => string,
) {
  const ctx = openAt(db);
  try {
    process.stdout.write(work(ctx));
  } finally {
    ctx.db.close();
  }
}

function runDraw(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      confidence: { type: 'string' },
      margin: { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      ...DB,
      ...JSON_FLAG,
    },
  });
  const request = {
    confidence: decimal(values.confidence, 'confidence'),
    margin: decimal(values.margin, 'margin'),
    seed: values.seed,
    batchId:
      values.batch === undefined ? undefined : wholeNumber(values.batch, 'batch', 'sample draw'),
  };
  withWorkspace(openAt, values.db, (ctx) => {
    const summary = drawSample(ctx, request);
    return values.json ? `${JSON.stringify(summary)}\n` : formatDrawn(summary);
  });
}

function runStatus(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { sample: { type: 'string' }, ...DB, ...JSON_FLAG },
  });
  const sampleId =
    values.sample === undefined ? undefined : wholeNumber(values.sample, 'sample', 'sample status');
  withWorkspace(openAt, values.db, (ctx) => {
    const summary = sampleStatus(ctx, { sampleId });
    if (summary === null)
      throw new ServiceError(
        'not_found',
        'no sample has been drawn in this workspace yet; the secretary draws one with: sample draw --as <key>',
      );
    return values.json ? `${JSON.stringify(summary)}\n` : formatSampleStatus(summary);
  });
}

function runList(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { sample: { type: 'string' }, out: { type: 'string' }, ...DB, ...JSON_FLAG },
  });
  const sampleId = wholeNumber(values.sample, 'sample', 'sample list');
  withWorkspace(openAt, values.db, (ctx) => {
    if (values.out !== undefined) {
      const { rows } = writeSampleListCsv(ctx, sampleId, resolve(values.out));
      return `표본 #${sampleId}의 ${rows}건을 ${values.out}에 저장했습니다 / wrote ${rows} sampled claims\n`;
    }
    const { sample, claims } = listSample(ctx, sampleId);
    return values.json
      ? `${JSON.stringify({ sample, claims })}\n`
      : formatSampleList(sample, claims);
  });
}

function runCheck(openAt: Open, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      sample: { type: 'string' },
      claim: { type: 'string' },
      confirmed: { type: 'boolean', default: false },
      'not-confirmed': { type: 'boolean', default: false },
      'reason-code': { type: 'string', multiple: true },
      note: { type: 'string' },
      ...DB,
    },
  });
  const sampleId = wholeNumber(values.sample, 'sample', 'sample check');
  if (!values.claim) throw new ServiceError('validation_failed', 'sample check needs --claim <id>');
  if (values.confirmed === values['not-confirmed'])
    throw new ServiceError(
      'validation_failed',
      'sample check needs exactly one of --confirmed or --not-confirmed',
    );
  const request = {
    sampleId,
    claimId: values.claim,
    verdict: values.confirmed ? ('confirmed' as const) : ('not_confirmed' as const),
    reasonCodes: values['reason-code'] ?? [],
    note: values.note,
  };
  withWorkspace(openAt, values.db, (ctx) => formatChecked(checkSampledClaim(ctx, request)));
}

/** sample draw|status|list|check …: returns the exit code (refusals are thrown). */
export function runSample(openAt: Open, args: string[]): number {
  const [command, ...rest] = args;
  if (command === 'draw') runDraw(openAt, rest);
  else if (command === 'status') runStatus(openAt, rest);
  else if (command === 'list') runList(openAt, rest);
  else if (command === 'check') runCheck(openAt, rest);
  else
    throw new ServiceError(
      'validation_failed',
      `sample needs draw, status, list or check, not "${command ?? ''}"`,
    );
  return 0;
}
