import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { reportAsText } from '../../../src/main/services/auditor';
import { importRoster } from '../../../src/main/services/roster';
import type { AuditorReport } from '../../../src/shared/ipc/auditor-schemas';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';
import { decisionRecords, makeCouncil, signedFile, type Council } from '../decision-file/council';

/*
 * Auditor mode pins the first roster imported into the workspace: a roster file the auditor
 * chooses must be it or chain to it, and the report always names the roster's fingerprint and
 * its trust (issue 12, item 5).
 */
const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

let keys: ReturnType<typeof makeTempDir>;
let council: Council;
let attacker: Council;
beforeAll(() => {
  keys = makeTempDir('review-desk-auditor-trust-');
  council = makeCouncil(join(keys.dir, 'council'));
  attacker = makeCouncil(join(keys.dir, 'attacker'));
  return () => keys.cleanup();
});
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup(withRoster: boolean) {
  const ws = openTempWorkspace();
  const files = makeTempDir('review-desk-auditor-trust-files-');
  cleanups.push(ws.cleanup, files.cleanup);
  if (withRoster) importRoster(ws, council.rosterText);
  const platform = testPlatform([]);
  const { router } = createIpc(ws, platform, {
    isTrustedSender: trustOrigins([ORIGIN]),
    logError: () => undefined,
  });
  const call = (channel: Parameters<typeof router.handle>[1], payload: unknown) =>
    router.handle(ours, channel, payload);
  const chosen = async (name: string, text: string, kind: string) => {
    const path = join(files.dir, name);
    writeFileSync(path, text);
    platform.chosen.push(path);
    expect(await call('auditor:chooseFile', { kind })).toMatchObject({ ok: true });
    return path;
  };
  return { call, chosen };
}

const eightMillion = () =>
  decisionRecords().map((d, i) => (i === 0 ? { ...d, amount: 8_000_000 } : d));

async function verifyWith(withRoster: boolean, rosterText: string, fileText: string, bom = '') {
  const { call, chosen } = setup(withRoster);
  const file = await chosen('decisions.json', `${bom}${fileText}`, 'decision-file');
  const roster = await chosen('roster.json', rosterText, 'roster');
  const result = await call('auditor:verify', { file, roster });
  expect(result).toMatchObject({ ok: true });
  return (result as { value: AuditorReport }).value;
}

describe('auditor mode: the pinned roster', () => {
  it("an attacker's roster chosen as a file is INVALID against the workspace's pinned one", async () => {
    const report = await verifyWith(
      true,
      attacker.rosterText,
      signedFile(attacker, eightMillion()),
    );
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['roster_untrusted']);
    expect(report.rosterFingerprint).toBe(attacker.roster.fingerprint);
    expect(report.rosterTrust).toBe('untrusted');
    expect(report.trustedRosterFingerprint).toBe(council.roster.fingerprint);
    expect(reportAsText(report)).toContain('NOT the trusted roster and does not chain to it');
  });

  it('the genuine roster and file (saved with a BOM) are valid and pinned', async () => {
    const report = await verifyWith(true, council.rosterText, signedFile(council), '\ufeff');
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.rosterTrust).toBe('pinned');
    expect(report.warnings).toEqual([]);
  });

  it('with no roster imported, the chosen roster is flagged as not checked', async () => {
    const report = await verifyWith(
      false,
      attacker.rosterText,
      signedFile(attacker, eightMillion()),
    );
    expect(report.rosterTrust).toBe('unchecked');
    expect(report.rosterFingerprint).toBe(attacker.roster.fingerprint);
    expect(report.warnings.map((w) => w.code)).toEqual(['roster_not_checked']);
    expect(reportAsText(report)).toContain('not checked against a trusted roster');
  });
});
