import { existsSync } from 'node:fs';
import { writeNewFile } from '../services/new-file';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MINUTES_STATUS_LABELS } from '../../shared/domain/minutes';
import { MINUTES_FORMATS, type MinutesVersionDto } from '../../shared/ipc/minutes-schemas';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import {
  approveMinutes,
  draftMinutes,
  listMinutesVersions,
  renderMinutes,
} from '../services/minutes';

type OpenAt = (db: string | undefined) => ServiceContext;

function refuse(message: string): never {
  throw new ServiceError('validation_failed', message);
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    refuse(`--${name} must be a positive whole number, not "${value}"`);
  return n;
}

function versionLine(v: MinutesVersionDto): string {
  const approval = v.approvedAt ? `, approved ${v.approvedAt} by ${v.approvedBy}` : '';
  return `  v${v.version} ${MINUTES_STATUS_LABELS[v.status].ko} / ${v.status}: ${v.items} items, made ${v.madeAt} by ${v.madeBy}${approval}\n    sha256 ${v.sha256}`;
}

/**
 * The acting person is the workspace's person at this machine, as for `decide`: drafting
 * needs the secretary (or the chair), approving the chair.
 */
function withWorkspace<T>(
  openAt: OpenAt,
  db: string | undefined,
  work: (ctx: ServiceContext) => T,
) {
  const ctx = openAt(db);
  try {
    return work(ctx);
  } finally {
    ctx.db.close();
  }
}

async function runRender(openAt: OpenAt, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      meeting: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      version: { type: 'string' },
      db: { type: 'string' },
    },
  });
  const meetingId = positive(values.meeting, 'meeting');
  if (meetingId === undefined || !values.format || !values.out)
    refuse('minutes needs --meeting <id> --format pdf|docx --out <file>');
  const format = MINUTES_FORMATS.find((f) => f === values.format);
  if (!format) refuse(`--format must be pdf or docx, not "${values.format}"`);
  const version = positive(values.version, 'version');
  const out = resolve(values.out);
  if (existsSync(out)) refuse(`${out} exists; minutes are never written over an existing file`);
  const ctx = openAt(values.db);
  try {
    if (version === undefined && listMinutesVersions(ctx, meetingId).length === 0)
      refuse(
        `meeting ${meetingId} has no minutes yet; the secretary drafts them first: review-desk minutes draft --meeting ${meetingId}`,
      );
    const rendered = await renderMinutes(ctx, {
      meetingId,
      format,
      ...(version === undefined ? {} : { version }),
    });
    writeNewFile(out, rendered.bytes, 'minutes handed out are never overwritten');
    process.stdout.write(
      `회의록 저장 / minutes written: ${out} (${rendered.bytes.length} bytes)\n${versionLine(rendered.version)}\n`,
    );
  } finally {
    ctx.db.close();
  }
}

export async function runMinutes(openAt: OpenAt, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'draft' && sub !== 'approve' && sub !== 'list') return runRender(openAt, args);
  const { values } = parseArgs({
    args: rest,
    options: {
      meeting: { type: 'string' },
      version: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const meetingId = positive(values.meeting, 'meeting');
  if (meetingId === undefined) refuse(`minutes ${sub} needs --meeting <id>`);
  if (sub === 'draft') {
    const made = withWorkspace(openAt, values.db, (ctx) => draftMinutes(ctx, meetingId));
    process.stdout.write(`회의록 작성 / minutes drafted:\n${versionLine(made)}\n`);
  } else if (sub === 'approve') {
    const version = positive(values.version, 'version');
    if (version === undefined) refuse('minutes approve needs --meeting <id> --version <n>');
    const approved = withWorkspace(openAt, values.db, (ctx) =>
      approveMinutes(ctx, { meetingId, version }),
    );
    process.stdout.write(`회의록 승인 / minutes approved:\n${versionLine(approved)}\n`);
  } else {
    const versions = withWorkspace(openAt, values.db, (ctx) => listMinutesVersions(ctx, meetingId));
    process.stdout.write(
      values.json
        ? `${JSON.stringify(versions)}\n`
        : `${versions.length ? versions.map(versionLine).join('\n') : '  (no minutes yet)'}\n`,
    );
  }
}
