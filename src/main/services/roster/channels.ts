import { readFileSync } from 'node:fs';
import { formatFingerprint } from '../../../shared/domain/signing/fingerprint';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { publicKeyFileOf, readPublicKeyFile, unlockKeyFile, type PublicKeyFile } from '../identity';
import { keyIdentityOf } from '../signing/keys';
import type { Serve } from '../channel';
import {
  importRoster,
  latestRoster,
  latestRosterRecord,
  saveAndImportRoster,
  signNextRoster,
  type VerifiedRoster,
} from '.';

/** roster:* — the council's signed list of members and their keys, version after version. */
export const current: Serve<'roster:current'> = (ctx) => ({ roster: rosterView(ctx) });

function rosterView(ctx: ServiceContext): ResponseOf<'roster:current'>['roster'] {
  const record = latestRosterRecord(ctx.db);
  if (!record) return null;
  const { payload, fingerprint, sha256, signers } = record.roster;
  return {
    version: payload.version,
    council: payload.council,
    validFrom: payload.validFrom,
    fingerprint,
    sha256,
    previousSha256: payload.previousRosterSha256,
    importedAt: record.importedAt,
    importedBy: record.importedBy,
    signers: signers.map(({ name, role }) => ({ name, role })),
    // A kid is checked on import to be its jwk's thumbprint: the fingerprint is its short form.
    members: payload.members.map(({ name, role, kid }) => ({
      name,
      role,
      kid,
      fingerprint: formatFingerprint(Buffer.from(kid, 'base64url').toString('hex')),
    })),
  };
}

function readRosterText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ServiceError('not_found', `roster file ${path} is not readable`);
  }
}

const importChosen: Serve<'roster:import'> = async (ctx, _request, io) => {
  const path = await io.chooseFile('roster');
  if (path === null) return { imported: null };
  const done = importRoster(ctx, readRosterText(path));
  return {
    imported: {
      path,
      version: done.version,
      fingerprint: done.fingerprint,
      alreadyImported: done.alreadyImported,
    },
  };
};
export { importChosen as import };

export const chooseMembers: Serve<'roster:chooseMembers'> = async (_ctx, _request, io) => {
  const paths = await io.chooseFiles('public-key-file');
  return {
    members: paths.map((path) => {
      const { name, role, kid, fingerprint } = readPublicKeyFile(path);
      return { path, name, role, kid, fingerprint };
    }),
  };
};

/** Members carried over from the current roster, as if read from their public key files. */
function keptMembers(current: VerifiedRoster | null, kids: string[]): PublicKeyFile[] {
  return kids.map((kid) => {
    const member = current?.payload.members.find((m) => m.kid === kid);
    if (!member)
      throw new ServiceError('validation_failed', `key ${kid} is not on the current roster`);
    return publicKeyFileOf({ name: member.name, role: member.role }, keyIdentityOf(member.jwk));
  });
}

export const build: Serve<'roster:build'> = async (ctx, request, io) => {
  const members = [
    ...keptMembers(latestRoster(ctx.db), request.keepFromCurrent),
    ...request.memberFiles.map((file) => readPublicKeyFile(file)),
  ];
  // The protector goes along either way: the key file itself says which one opens it.
  const signer = unlockKeyFile(request.signingKey, {
    passphrase: request.unlock.kind === 'passphrase' ? request.unlock.passphrase : undefined,
    protector: io.platform.keyProtector(),
  });
  const { text, roster } = signNextRoster(ctx, {
    council: request.council,
    validFrom: request.validFrom,
    members,
    signers: [signer],
  });
  const path = await io.platform.chooseSavePath(`roster-v${roster.payload.version}.json`);
  if (path === null) return { built: null };
  saveAndImportRoster(ctx, path, text);
  return {
    built: {
      path,
      version: roster.payload.version,
      fingerprint: roster.fingerprint,
      members: roster.payload.members.length,
    },
  };
};
