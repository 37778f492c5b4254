import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoBatchPaths } from '../demo/demo-batch-paths';
import {
  DEMO_PATHS,
  inDemo,
  makeCouncilDemo,
  openAppCommand,
  verifyCommand,
  type CouncilDemo,
} from '../demo/council';
import { ServiceError } from '../services/errors';

/**
 * The checkout's resources folder: the nearest one above this module, whether it runs from the
 * sources (src/main/cli/) or from the built CLI (out/cli/).
 */
function resourcesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'resources', 'demo'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new ServiceError('not_found', 'the resources folder was not found');
    dir = parent;
  }
  return join(dir, 'resources');
}

function summary(demo: CouncilDemo, started: number): string {
  const { decisionFile, meeting } = demo;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return [
    `데모를 만들었습니다 / demo written: ${demo.outDir} (${seconds} s)`,
    `  명부 / roster: ${demo.keys.length} keys (${demo.keys.map((k) => `${k.person.name} ${k.person.role}`).join(', ')})`,
    `  의견 / recommendations: ${demo.recommendationFiles.map((r) => `${r.member} ${r.count}`).join(', ')}`,
    `  제${meeting.number}차 회의 / meeting no. ${meeting.number}: ${meeting.heldOn}, ${meeting.agenda.length} claims, closed`,
    `  회의록 / minutes: ${inDemo(demo.outDir, demo.minutes.pdf)}, .docx beside it (v${demo.minutes.version.version}, approved)`,
    `  결정문 / decision file: ${inDemo(demo.outDir, decisionFile.file)} (${decisionFile.decisions} decisions)`,
    `    sha256 ${decisionFile.sha256}`,
    `  안내 / guide: ${inDemo(demo.outDir, DEMO_PATHS.readme)}`,
    '검증 / verify:',
    `  ${verifyCommand(demo.outDir)}`,
    '앱에서 열기 / open in the app:',
    `  ${openAppCommand(demo.outDir).env}`,
  ].join('\n');
}

export async function runDemo(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out)
    throw new ServiceError('validation_failed', 'demo needs --out <dir> (a new or empty folder)');
  const started = performance.now();
  const { file, evidence } = demoBatchPaths(resourcesDir());
  const demo = await makeCouncilDemo(resolve(values.out), { batchFile: file, evidence });
  process.stdout.write(`${summary(demo, started)}\n`);
}
