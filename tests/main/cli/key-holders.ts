import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCouncil, PASSPHRASE } from '../decision-file/council';

/**
 * The test council's key files in `dir`, and the options that make one of them act in a CLI
 * run: `--as <key file> --passphrase-file <file>`, as a person types them.
 */
export function keyHolders(dir: string) {
  const council = makeCouncil(join(dir, 'keys'));
  const passphraseFile = join(dir, 'passphrase.txt');
  writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
  const as = (name: string) => [
    '--as',
    council.people[name]!.keyFile,
    '--passphrase-file',
    passphraseFile,
  ];
  return { council, passphraseFile, as };
}
