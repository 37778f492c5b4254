import { DEMO_PATHS, decisionFilePath, inDemo } from './layout';
import { MEETING } from './script';

/*
 * The commands the README and the CLI summary print. Paths are absolute and quoted, so they
 * can be pasted into a terminal in the Review Desk checkout whatever the demo folder's name.
 */

const quoted = (path: string): string => `"${path.replace(/(["\\$`])/g, '\\$1')}"`;

export function verifyCommand(outDir: string): string {
  return [
    'npx review-desk verify',
    quoted(inDemo(outDir, decisionFilePath(MEETING.number))),
    '--roster',
    quoted(inDemo(outDir, DEMO_PATHS.roster)),
    '--evidence',
    quoted(inDemo(outDir, DEMO_PATHS.evidence)),
  ].join(' ');
}

/** Opens a workspace of the demo in the desktop app (see src/main/index.ts). */
export function openAppCommand(outDir: string, workspace: string = DEMO_PATHS.secretaryWorkspace) {
  const dir = quoted(inDemo(outDir, workspace));
  return {
    env: `REVIEW_DESK_WORKSPACE=${dir} npm start`,
    // The first -- ends npm's options, the second electron-vite's: the rest goes to the app.
    switch: `npm start -- -- --workspace=${dir}`,
  };
}
