import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createIpc } from '../../../src/main/ipc/create-ipc';
import { trustOrigins, type IpcSender } from '../../../src/main/ipc/sender';
import { decisionFileSha256 } from '../../../src/main/services/decision-files';
import { importRoster } from '../../../src/main/services/roster';
import type { AuditorReport } from '../../../src/shared/ipc/auditor-schemas';
import { changeFirstAmount, swapSignature } from '../../helpers/tampering';
import { makeTempDir, openTempWorkspace } from '../../helpers/temp-workspace';
import { testPlatform } from '../../helpers/test-platform';
import {
  decisionRecords,
  EVIDENCE,
  makeCouncil,
  signedFile,
  type Council,
} from '../decision-file/council';

const ORIGIN = 'app://review-desk';
const ours: IpcSender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOwnWindow: true };

let keys: ReturnType<typeof makeTempDir>;
let council: Council;
let good: string;
beforeAll(() => {
  keys = makeTempDir('review-desk-auditor-keys-');
  council = makeCouncil(keys.dir);
  good = signedFile(council);
  return () => keys.cleanup();
});

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** A workspace with the council's roster imported, a folder of files and a router. */
function setup(chosen: (string | null)[] = [], withRoster = true) {
  const ws = openTempWorkspace();
  const files = makeTempDir('review-desk-auditor-files-');
  cleanups.push(ws.cleanup, files.cleanup);
  if (withRoster) importRoster(ws, council.rosterText);
  const platform = testPlatform(chosen);
  const { router } = createIpc(ws, platform, {
    isTrustedSender: trustOrigins([ORIGIN]),
    logError: () => undefined,
  });
  const write = (name: string, text: string) => {
    const path = join(files.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const call = (channel: Parameters<typeof router.handle>[1], payload: unknown) =>
    router.handle(ours, channel, payload);
  /** Chooses the path in the (test) dialog, so main may read it. */
  const choose = async (path: string, kind = 'decision-file') => {
    platform.chosen.push(path);
    expect(await call('auditor:chooseFile', { kind })).toEqual({ ok: true, value: { path } });
  };
  return { ws, dir: files.dir, write, call, choose, platform };
}

function reportOf(result: unknown): AuditorReport {
  expect(result).toMatchObject({ ok: true });
  return (result as { value: AuditorReport }).value;
}

describe('auditor:verify', () => {
  it('refuses a path that was not chosen in a dialog', async () => {
    const { write, call } = setup();
    const file = write('decisions.json', good);
    expect(await call('auditor:verify', { file })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a roster file that was not chosen, even with a chosen decision file', async () => {
    const { write, call, choose } = setup();
    const file = write('decisions.json', good);
    const roster = write('roster.json', council.rosterText);
    await choose(file);
    expect(await call('auditor:verify', { file, roster })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it("verifies an untouched file against the workspace's roster, writing nothing", async () => {
    const { ws, write, call, choose } = setup();
    const file = write('decisions.json', good);
    await choose(file);
    const auditBefore = ws.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get();
    const report = reportOf(await call('auditor:verify', { file, roster: null }));
    expect(report).toMatchObject({
      valid: true,
      problems: [],
      fileName: 'decisions.json',
      rosterFingerprint: council.roster.fingerprint,
      rosterSource: 'workspace',
      records: { total: 3, valid: 3, invalid: [] },
      chain: { state: 'first', previousFileSha256: null },
      evidenceGiven: false,
    });
    expect(report.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.signatures.map((s) => [s.signer, s.role, s.onRoster, s.valid])).toEqual([
      ['이도윤', 'chair', true, true],
      ['박서연', 'secretary', true, true],
    ]);
    expect(ws.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual(auditBefore);
  });

  it('uses a chosen roster file, and checks evidence and the chain', async () => {
    const { write, call, choose, dir } = setup([], false);
    const evidence = join(dir, 'evidence');
    mkdirSync(evidence);
    for (const [name, text] of Object.entries(EVIDENCE)) writeFileSync(join(evidence, name), text);
    writeFileSync(join(evidence, 'K-2022-000102-ledger.csv'), 'date,amount\n2022-10-15,9000000\n');
    const first = write('first.json', good);
    const second = write(
      'second.json',
      signedFile(council, decisionRecords(2), decisionFileSha256(good)),
    );
    const roster = write('roster.json', council.rosterText);
    await choose(second);
    await choose(roster, 'roster');
    await choose(evidence, 'evidence-folder');
    await choose(first);
    const report = reportOf(
      await call('auditor:verify', { file: second, roster, evidence, previousFile: first }),
    );
    expect(report.rosterSource).toBe('file');
    expect(report.chain.state).toBe('linked');
    expect(report.evidence).toEqual({ checked: 2, mismatched: 1 });
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        code: 'evidence_mismatch',
        claimId: 'K-2022-000102',
        file: 'K-2022-000102-ledger.csv',
      }),
    ]);
    expect(report.records.invalid).toEqual(['K-2022-000102']);
  });

  it('reports a changed amount and a swapped signature, naming the signer', async () => {
    const { write, call, choose } = setup();
    const amount = write('amount.json', changeFirstAmount(good, 6_000_000));
    await choose(amount);
    const changed = reportOf(await call('auditor:verify', { file: amount }));
    expect(changed.valid).toBe(false);
    expect(changed.problems.map((p) => p.code)).toContain('content_changed');
    expect(changed.records.invalid).toHaveLength(3);

    const other = signedFile(council, decisionRecords(2));
    const swapped = write('swapped.json', swapSignature(good, other, 1));
    await choose(swapped);
    const report = reportOf(await call('auditor:verify', { file: swapped }));
    expect(report.valid).toBe(false);
    expect(report.signatures[1]).toMatchObject({ signer: '박서연', valid: false });
    expect(report.problems).toContainEqual(
      expect.objectContaining({ code: 'signature_invalid', ko: expect.stringContaining('박서연') }),
    );
  });

  it('says which file cannot be read or is not a decision file', async () => {
    const { write, call, choose, dir } = setup();
    const missing = join(dir, 'gone.json');
    await choose(missing);
    expect(await call('auditor:verify', { file: missing })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', message: expect.stringContaining('gone.json') },
    });
    const junk = write('junk.json', 'not json at all');
    await choose(junk);
    expect(await call('auditor:verify', { file: junk })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', message: expect.stringContaining('junk.json') },
    });
    const badRoster = write('bad-roster.json', good);
    await choose(junk);
    await choose(badRoster, 'roster');
    const file = write('decisions.json', good);
    await choose(file);
    expect(await call('auditor:verify', { file, roster: badRoster })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', message: expect.stringContaining('bad-roster.json') },
    });
  });
});

describe('auditor:saveReport', () => {
  it('writes the report as JSON or as bilingual text where the person chose', async () => {
    const { write, call, choose, platform, dir } = setup();
    const file = write('decisions.json', changeFirstAmount(good, 1));
    await choose(file);
    const report = reportOf(await call('auditor:verify', { file }));

    const jsonPath = join(dir, 'report.json');
    platform.chosen.push(jsonPath);
    expect(await call('auditor:saveReport', { report, format: 'json' })).toEqual({
      ok: true,
      value: { path: jsonPath },
    });
    expect(JSON.parse(readFileSync(jsonPath, 'utf8'))).toEqual(report);

    const txtPath = join(dir, 'report.txt');
    platform.chosen.push(txtPath);
    await call('auditor:saveReport', { report, format: 'txt' });
    const text = readFileSync(txtPath, 'utf8');
    expect(text).toContain('판정 / Verdict: 무효 / INVALID');
    expect(text).toContain('[content_changed]');
    expect(text).toContain('서명 후 내용이 바뀌었습니다');
    expect(text).toContain('the signed content was changed after signing');

    // The dialog closed without a choice: nothing is written.
    expect(await call('auditor:saveReport', { report, format: 'txt' })).toEqual({
      ok: true,
      value: { path: null },
    });
  });

  it('never saves over a file: a taken name is a typed refusal and that file stays as it was', async () => {
    const { write, call, choose, platform, dir } = setup();
    const file = write('decisions.json', good);
    await choose(file);
    const report = reportOf(await call('auditor:verify', { file }));
    const taken = write('earlier-report.txt', 'an earlier report');
    platform.chosen.push(taken);
    const refused = await call('auditor:saveReport', { report, format: 'txt' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ code: 'file_exists' }] },
    });
    expect(refused.ok || refused.error.message).toContain('never saved over another file');
    expect(readFileSync(taken, 'utf8')).toBe('an earlier report');
    expect(readdirSync(dir).sort()).toEqual(['decisions.json', 'earlier-report.txt']);
  });
});
