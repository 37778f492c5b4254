import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ServiceContext } from '../services/context';
import { SIGNED_FILE_RULE } from '../services/decision-files/export';
import { actAs } from '../services/identity/acting';
import { actingIdentity } from './acting';
import { ServiceError } from '../services/errors';
import { unlockIdentity } from '../services/identity';
import { refuseIfTaken, writeNewFile } from '../services/new-file';
import {
  auditRecommendationsExport,
  exportRecommendations,
  importRecommendations,
} from '../services/recommendations';
import { readPassphrase } from './passphrase';

function refuse(message: string): never {
  throw new ServiceError('validation_failed', message);
}

async function runExport(
  openAt: (db: string | undefined) => ServiceContext,
  args: string[],
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      batch: { type: 'string' },
      'sign-with': { type: 'string' },
      'passphrase-file': { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
    },
  });
  const batchId = Number(values.batch);
  const acting = actingIdentity();
  if (!values.batch || (!values['sign-with'] && !acting) || !values.out)
    refuse('recommendations export needs --batch <id> --as <your key file> --out <file>');
  if (!Number.isSafeInteger(batchId) || batchId < 1)
    refuse(`--batch must be a positive whole number, not "${values.batch}"`);
  const out = resolve(values.out);
  // Said before the passphrase is asked for; writeNewFile still refuses a file made meanwhile.
  refuseIfTaken(out, SIGNED_FILE_RULE);
  const signer = values['sign-with']
    ? await unlockSigner(resolve(values['sign-with']), values['passphrase-file'])
    : acting!;
  const ctx = openAt(values.db);
  try {
    // Signing with one's own key proves who one is: the signer acts, unless --as said otherwise.
    if (!acting) actAs(ctx, signer);
    const exported = exportRecommendations(ctx, { batchId, signer });
    writeNewFile(out, exported.fileText, SIGNED_FILE_RULE);
    auditRecommendationsExport(ctx, {
      batchId,
      member: signer.name,
      count: exported.count,
      sha256: exported.sha256,
      file: basename(out),
    });
    process.stdout.write(
      `의견 ${exported.count}건 서명·저장 / signed ${exported.count} recommendations: ${out}\n` +
        `  sha256 ${exported.sha256}\n  signer: ${signer.name} (${signer.role})\n`,
    );
    return 0;
  } finally {
    ctx.db.close();
  }
}

async function unlockSigner(keyFile: string, passphraseFile: string | undefined) {
  const passphrase = await readPassphrase(passphraseFile, `passphrase for ${keyFile} / 암호: `);
  return unlockIdentity(keyFile, passphrase);
}

function runImport(openAt: (db: string | undefined) => ServiceContext, args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals.length === 0) refuse('recommendations import needs one or more files');
  const texts: string[] = [];
  const unreadable: { index: number; reason: string }[] = [];
  for (const [index, file] of positionals.entries()) {
    try {
      texts.push(readFileSync(file, 'utf8'));
    } catch (error) {
      texts.push('');
      unreadable.push({ index, reason: `not readable: ${(error as Error).message}` });
    }
  }
  const skip = new Set(unreadable.map((u) => u.index));
  const ctx = openAt(values.db);
  try {
    const readable = texts
      .map((text, index) => ({ text, index }))
      .filter((t) => !skip.has(t.index));
    const result = importRecommendations(
      ctx,
      readable.map((t) => t.text),
    );
    const refused = [
      ...unreadable,
      ...result.refused.map((r) => ({ index: readable[r.index]!.index, reason: r.reason })),
    ].sort((a, b) => a.index - b.index);
    const files = result.files;
    if (values.json)
      process.stdout.write(
        `${JSON.stringify({
          files,
          refused: refused.map((r) => ({ file: positionals[r.index], reason: r.reason })),
        })}\n`,
      );
    else
      for (const f of files)
        process.stdout.write(
          `${f.alreadyImported ? '이미 가져옴 / already imported' : '가져옴 / imported'}: ${f.member}, ${f.count}건 (sha256 ${f.fileSha256.slice(0, 12)}…)\n`,
        );
    for (const r of refused)
      process.stderr.write(`review-desk: refused ${positionals[r.index]}: ${r.reason}\n`);
    return refused.length === 0 ? 0 : 1;
  } finally {
    ctx.db.close();
  }
}

/** `review-desk recommendations export|import ...`; returns the exit code. */
export async function runRecommendations(
  openAt: (db: string | undefined) => ServiceContext,
  args: string[],
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return runExport(openAt, rest);
  if (sub === 'import') return runImport(openAt, rest);
  return refuse(`recommendations needs export or import, not "${sub ?? ''}"`);
}
