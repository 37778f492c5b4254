import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ServiceContext } from '../services/context';
import { exportMeetingDecisions } from '../services/decision-file';
import { ServiceError } from '../services/errors';
import { unlockIdentity, type UnlockedIdentity } from '../services/identity';
import { readPassphrase } from './passphrase';

export const EXPORT_DECISIONS_USAGE =
  '  export-decisions --meeting <id> --sign-with <key file> [--sign-with <key file> ...] [--passphrase-file <f> ...] --out <file> [--council <name>] [--db <path>]\n' +
  '      (chair and secretary sign; one --passphrase-file per key, same order, or typed at a prompt)';

function refuse(message: string): never {
  throw new ServiceError('validation_failed', message);
}

/**
 * Signs and exports a closed meeting's decision file. Passphrases come from files (one per
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
    },
  });
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
  // Checked before anything is signed or recorded, so a refusal leaves the chain as it was.
  if (existsSync(out)) refuse(`${out} exists; a signed file is never overwritten`);

  const signers: UnlockedIdentity[] = [];
  for (const [i, keyFile] of keyFiles.entries()) {
    const passphrase = await readPassphrase(passFiles[i], `passphrase for ${keyFile} / 암호: `);
    signers.push(unlockIdentity(resolve(keyFile), passphrase));
  }

  const ctx = openAt(values.db);
  try {
    const exported = exportMeetingDecisions(ctx, {
      meetingId,
      signers,
      ...(values.council ? { council: values.council } : {}),
    });
    try {
      writeFileSync(out, exported.fileText, { flag: 'wx' });
    } catch (error) {
      // Recorded already; the text stays in the workspace (decision_files) and can be re-written.
      refuse(`could not write ${out}: ${(error as Error).message}`);
    }
    process.stdout.write(
      `결정문 ${exported.decisions.length}건 서명·저장 / signed ${exported.decisions.length} decisions: ${out}\n` +
        `  sha256 ${exported.sha256}\n  payload ${exported.payloadSha256}\n` +
        `  signers: ${signers.map((s) => `${s.name} (${s.role})`).join(', ')}\n`,
    );
  } finally {
    ctx.db.close();
  }
}
