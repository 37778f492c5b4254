import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../../services/open-workspace';

/**
 * Where everything goes in the demo folder, relative to it. The README, the CLI summary and
 * the tests all read paths from here, so they cannot drift apart.
 */
export const DEMO_PATHS = {
  readme: 'README.md',
  roster: 'roster.json',
  batchFile: 'batch/demo-batch.csv',
  evidence: 'evidence',
  publicKeys: 'keys/public',
  secrets: 'keys/DEMO-SECRETS',
  secretsWarning: 'keys/DEMO-SECRETS/WARNING.txt',
  workspacePassphrase: 'keys/DEMO-SECRETS/workspace-passphrase.txt',
  secretaryWorkspace: 'workspace',
  secretaryDatabase: `workspace/${DATABASE_FILE_NAME}`,
  members: 'members',
  recommendations: 'recommendations',
  decisions: 'decisions',
  minutes: 'minutes',
} as const;

export const memberWorkspacePath = (name: string): string => `${DEMO_PATHS.members}/${name}`;

export const recommendationFilePath = (name: string): string =>
  `${DEMO_PATHS.recommendations}/${name}.recommendations.json`;

export const decisionFilePath = (meetingNumber: number): string =>
  `${DEMO_PATHS.decisions}/meeting-${meetingNumber}.decisions.json`;

export const minutesFilePath = (meetingNumber: number, format: 'pdf' | 'docx'): string =>
  `${DEMO_PATHS.minutes}/meeting-${meetingNumber}.minutes.${format}`;

/** The passphrase file beside a key file, in the form --passphrase-file reads (first line). */
export const passphraseFilePath = (keyFile: string): string =>
  keyFile.replace(/\.key\.json$/, '.passphrase.txt');

/** An absolute path inside the demo folder, from one of the relative paths above. */
export const inDemo = (outDir: string, relative: string): string =>
  join(outDir, ...relative.split('/'));
