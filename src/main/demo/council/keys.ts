import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  generateIdentity,
  readPublicKeyFile,
  unlockIdentity,
  type ScryptParams,
  type UnlockedIdentity,
} from '../../services/identity';
import { buildRosterPayload, signRoster } from '../../services/roster';
import { DEMO_PATHS, inDemo, passphraseFilePath } from './layout';
import {
  COUNCIL,
  ROSTER_PEOPLE,
  ROSTER_VALID_FROM,
  ROSTER_VERSION,
  SECRETARY,
  STORY_TIMES,
  type DemoPerson,
} from './script';

/**
 * The lowest scrypt cost a key file accepts. The demo publishes every passphrase beside its
 * key, so a high cost would protect nothing and only make the demo slow (about a second per
 * key at the default); real keys made in the app or with `keygen` keep the default.
 */
export const DEMO_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

export interface DemoKey {
  person: DemoPerson;
  identity: UnlockedIdentity;
  /** Paths relative to the demo folder. */
  keyFile: string;
  publicKeyFile: string;
  passphraseFile: string;
}

export interface DemoKeys {
  byName: Map<string, DemoKey>;
  rosterText: string;
}

const WARNING = `데모 전용 비밀 / DEMO SECRETS ONLY

이 폴더의 개인키(.key.json)와 암호(.passphrase.txt)는 데모를 위해 함께 공개된 것입니다.
실제 협의체 업무에 절대 쓰지 마십시오. 실제 키는 각자 자기 노트북에서 만들고 암호는 아무에게도 주지 않습니다.

The private keys (.key.json) and their passphrases (.passphrase.txt) in this folder are
published together for the demo. Never use them for real council work: real keys are made
on each person's own laptop and their passphrases are never handed to anyone.
`;

function makeKey(outDir: string, person: DemoPerson): DemoKey {
  const made = generateIdentity({ name: person.name, role: person.role }, person.passphrase, {
    dir: inDemo(outDir, DEMO_PATHS.secrets),
    scrypt: DEMO_SCRYPT,
    now: () => new Date(STORY_TIMES.keys),
  });
  // generateIdentity writes both files side by side; the public one moves out of the secrets.
  const keyFile = `${DEMO_PATHS.secrets}/${basename(made.keyFile)}`;
  const publicKeyFile = `${DEMO_PATHS.publicKeys}/${basename(made.publicKeyFile)}`;
  renameSync(made.publicKeyFile, inDemo(outDir, publicKeyFile));
  const passphraseFile = passphraseFilePath(keyFile);
  writeFileSync(inDemo(outDir, passphraseFile), `${person.passphrase}\n`, { mode: 0o600 });
  return {
    person,
    identity: unlockIdentity(made.keyFile, person.passphrase),
    keyFile,
    publicKeyFile,
    passphraseFile,
  };
}

/** Everyone's key, then roster v1 of their public keys, signed by the secretary. */
export function makeKeysAndRoster(outDir: string): DemoKeys {
  mkdirSync(inDemo(outDir, DEMO_PATHS.publicKeys), { recursive: true });
  mkdirSync(inDemo(outDir, DEMO_PATHS.secrets), { recursive: true });
  writeFileSync(inDemo(outDir, DEMO_PATHS.secretsWarning), WARNING);
  const byName = new Map(ROSTER_PEOPLE.map((p) => [p.name, makeKey(outDir, p)]));
  const payload = buildRosterPayload({
    council: COUNCIL,
    version: ROSTER_VERSION,
    validFrom: ROSTER_VALID_FROM,
    members: [...byName.values()].map((k) => readPublicKeyFile(inDemo(outDir, k.publicKeyFile))),
  });
  const rosterText = signRoster(payload, [byName.get(SECRETARY.name)!.identity]);
  writeFileSync(inDemo(outDir, DEMO_PATHS.roster), rosterText, { flag: 'wx' });
  return { byName, rosterText };
}

export function keyOf(keys: DemoKeys, name: string): DemoKey {
  const key = keys.byName.get(name);
  if (!key) throw new Error(`the demo has no key for ${name}`);
  return key;
}
