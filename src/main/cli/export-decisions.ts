import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ServiceContext } from '../services/context';
import { decisionFileSha256 } from '../services/decision-files/sign';
import { exportDecisionFileTo, SIGNED_FILE_RULE } from '../services/decision-files/export';
import { exportedFileText, latestExportedFileId } from '../services/decision-files/exported-files';
import { ServiceError } from '../services/errors';
import { unlockIdentity, type UnlockedIdentity } from '../services/identity';
import { getMeetingRow } from '../services/meetings/access';
import { crashPoint, writeNewFile } from '../services/new-file';
import { readPassphrase } from './passphrase';

function refuse(message: string): never {
  throw new ServiceError('validation_failed', message);
}

/**
 * Signs and exports a closed meeting's decision file, or (--resave) writes a recorded one again. Passphrases come from files (one per
 * key, in the order of the keys) or a hidden prompt per key, never from an argument. The out
 * file is never overwritten: a signed file once handed on must not change under its name.
 */
export async function runExportDecisions(
  openAt: (db: string | undefined) => ServiceContext,
  args: string[],
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      meeting: { type: 'string' },
      'sign-with': { type: 'string', multiple: true },
      'passphrase-file': { type: 'string', multiple: true },
      out: { type: 'string' },
      council: { type: 'string' },
      db: { type: 'string' },
      resave: { type: 'boolean', default: false },
      file: { type: 'string' },
    },
  });
  if (values.resave) return resave(openAt, values);
  if (values.file !== undefined) refuse('--file is for --resave');
  const keyFiles = values['sign-with'] ?? [];
  const passFiles = values['passphrase-file'] ?? [];
  const meetingId = Number(values.meeting);
  if (!values.meeting || keyFiles.length === 0 || !values.out)
    refuse('export-decisions needs --meeting <id> --sign-with <key file> ... --out <file>');
  if (!Number.isSafeInteger(meetingId) || meetingId < 1)
    refuse(`--meeting must be a positive whole number, not "${values.meeting}"`);
  if (passFiles.length > 0 && passFiles.length !== keyFiles.length)
    refuse(
      `give one --passphrase-file per --sign-with key (${keyFiles.length}), or none to be asked`,
    );

  const out = resolve(values.out);
  // Checked before anything is signed or recorded, so a refusal leaves the chain as it was. A
  // signed decision file under the name may be the one an interrupted export left unrecorded:
  // the export goes on and takes it up if it is byte for byte what is signed now.
  if (existsSync(out) && !looksLikeDecisionFile(out)) refuse(`${out} exists; ${SIGNED_FILE_RULE}`);

  const signers: UnlockedIdentity[] = [];
  for (const [i, keyFile] of keyFiles.entries()) {
    const passphrase = await readPassphrase(passFiles[i], `passphrase for ${keyFile} / 암호: `);
    signers.push(unlockIdentity(resolve(keyFile), passphrase));
  }

  const ctx = openAt(values.db);
  try {
    // The file is durably in place before the record commits (exportDecisionFileTo).
    const exported = exportDecisionFileTo(
      ctx,
      { meetingId, signers, ...(values.council ? { council: values.council } : {}) },
      out,
    );
    crashPoint('export-decisions:after-commit');
    process.stdout.write(
      (exported.existing
        ? `${out}: 중단된 내보내기가 남긴 같은 파일을 기록했습니다 / found the same file an interrupted export had written; recorded it\n`
        : '') +
        `결정문 ${exported.decisions.length}건 서명·저장 / signed ${exported.decisions.length} decisions: ${out}\n` +
        `  sha256 ${exported.sha256}\n  payload ${exported.payloadSha256}\n` +
        `  signers: ${signers.map((s) => `${s.name} (${s.role})`).join(', ')}\n`,
    );
  } finally {
    ctx.db.close();
  }
}

function looksLikeDecisionFile(path: string): boolean {
  try {
    decisionFileSha256(readFileSync(path, 'utf8'));
    return true;
  } catch {
    return false;
  }
}

function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isSafeInteger(n) || n < 1)
    refuse(`--${name} must be a positive whole number, not "${value}"`);
  return n;
}

/** --resave: the exact signed text the workspace recorded, written again (durably, never over). */
function resave(
  openAt: (db: string | undefined) => ServiceContext,
  values: { meeting?: string; file?: string; out?: string; db?: string; 'sign-with'?: string[] },
): void {
  if (!values.meeting || !values.out)
    refuse(
      'export-decisions --resave needs --meeting <id> --out <file> (and --file <id> to pick one)',
    );
  if ((values['sign-with'] ?? []).length > 0)
    refuse('--resave signs nothing: leave out --sign-with');
  const meetingId = positive(values.meeting, 'meeting');
  const out = resolve(values.out);
  const ctx = openAt(values.db);
  try {
    const meeting = getMeetingRow(ctx, meetingId);
    const fileId =
      values.file === undefined
        ? latestExportedFileId(ctx.db, meeting.id)
        : positive(values.file, 'file');
    if (fileId === null)
      refuse(`meeting no. ${meeting.number} has no recorded decision file to save again`);
    const recorded = exportedFileText(ctx.db, fileId);
    if (recorded.meetingId !== meeting.id)
      refuse(`decision file ${fileId} is not meeting no. ${meeting.number}'s`);
    writeNewFile(out, recorded.text, SIGNED_FILE_RULE);
    process.stdout.write(
      `기록된 결정문 ${fileId}을 다시 저장했습니다 / saved recorded decision file ${fileId} again: ${out}\n` +
        `  payload ${decisionFileSha256(recorded.text)}\n`,
    );
  } finally {
    ctx.db.close();
  }
}
