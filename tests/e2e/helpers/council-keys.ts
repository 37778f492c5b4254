import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { ServiceContext } from '../../../src/main/services/context';
import {
  generateIdentity,
  readPublicKeyFile,
  unlockIdentity,
  type Profile,
} from '../../../src/main/services/identity';
import { actAs } from '../../../src/main/services/identity/acting';
import { buildRosterPayload, importRoster, signRoster } from '../../../src/main/services/roster';

/*
 * Real key files for a council, as its people make them on their own machines, for the specs
 * that start the app: a person at the app proves who they are by unlocking their key file in
 * Settings (unlockAs), and the test's own connection acts as them through the same services
 * (actAsKeyHolder). The roster, version 1, is signed by the council's secretary.
 */

/** Every test key's passphrase (the app asks nothing of its strength when unlocking). */
export const KEY_PASSPHRASE = '열쇠 여는 말 quiet lantern 7';

/** The lowest scrypt cost a key file accepts: real, and fast enough to make a council. */
const CHEAP_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };

export interface PersonKey extends Profile {
  keyFile: string;
  publicKeyFile: string;
  fingerprint: string;
}

export interface CouncilKeys {
  /** Each person's key files, by name. */
  people: Record<string, PersonKey>;
  /** Roster v1 with every person on it, signed by the secretary. */
  rosterText: string;
}

/** One person's key pair, written under `dir` (not on any roster by itself). */
export function makePersonKey(dir: string, profile: Profile): PersonKey {
  const made = generateIdentity(profile, KEY_PASSPHRASE, { dir, scrypt: CHEAP_SCRYPT });
  return {
    name: profile.name,
    role: profile.role,
    keyFile: made.keyFile,
    publicKeyFile: made.publicKeyFile,
    fingerprint: readPublicKeyFile(made.publicKeyFile).fingerprint,
  };
}

/** Key files for `people` under `dir`/keys, and roster v1 listing them, signed by the secretary. */
export function makeCouncilKeys(dir: string, people: readonly Profile[]): CouncilKeys {
  const keys = Object.fromEntries(
    people.map((person) => [person.name, makePersonKey(join(dir, 'keys'), person)]),
  );
  const secretary = people.find((p) => p.role === 'secretary');
  if (!secretary) throw new Error('a roster is signed by a secretary: the council needs one');
  const payload = buildRosterPayload({
    council: '1015 피해지원 협의체',
    version: 1,
    validFrom: '2022-11-14',
    members: Object.values(keys).map((key) => readPublicKeyFile(key.publicKeyFile)),
  });
  const rosterText = signRoster(payload, [
    unlockIdentity(keys[secretary.name]!.keyFile, KEY_PASSPHRASE),
  ]);
  return { people: keys, rosterText };
}

/** Loads the council's roster into a seeded workspace, as anyone may (it needs no key). */
export function seatCouncilKeys(ctx: ServiceContext, council: CouncilKeys): void {
  importRoster(ctx, council.rosterText);
}

/** The test's own connection acts as `name`, by unlocking their key file (Node side). */
export function actAsKeyHolder(ctx: ServiceContext, council: CouncilKeys, name: string): void {
  const key = council.people[name];
  if (!key) throw new Error(`${name} has no key in this council`);
  actAs(ctx, unlockIdentity(key.keyFile, KEY_PASSPHRASE));
}

/** The app as a spec drives it: its window, and the answers main's next file dialogs give. */
export interface AtTheMachine {
  page: Page;
  answerDialogs(answers: (string | string[] | null)[]): Promise<void>;
}

/** Opens Settings from the main menu (by its test id, so it works in either language). */
export async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('people-panel')).toBeVisible();
}

/** Whoever acts here locks their key (Settings); nothing happens when nobody does. */
export async function lockAtMachine(page: Page): Promise<void> {
  await openSettings(page);
  const current = page.getByTestId('people-current');
  await expect(current).toBeVisible();
  if ((await current.getAttribute('data-state')) === 'unlocked')
    await page.getByTestId('people-lock').click();
  await expect(current).toHaveAttribute('data-state', 'locked');
  await expect(page.getByTestId('acting-badge')).toHaveAttribute('data-state', 'locked');
}

/**
 * `key`'s holder takes the machine: Settings → "Unlock my key", main's dialog answered with
 * their key file, the passphrase typed, "Unlock". Whoever acted before locks first. It ends
 * when the panel and the top bar name them; it does not leave Settings.
 */
export async function unlockAs(
  machine: AtTheMachine,
  key: Pick<PersonKey, 'name' | 'keyFile'>,
  passphrase: string = KEY_PASSPHRASE,
): Promise<void> {
  const { page } = machine;
  await lockAtMachine(page);
  await machine.answerDialogs([key.keyFile]);
  await page.getByTestId('people-choose-key').click();
  await expect(page.getByTestId('people-key-holder')).toContainText(key.name);
  await page.getByTestId('people-passphrase').fill(passphrase);
  await page.getByTestId('people-unlock').click();
  await expect(page.getByTestId('people-current-name')).toContainText(key.name);
  await expect(page.getByTestId('acting-badge')).toContainText(key.name);
}
