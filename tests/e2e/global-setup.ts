import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const BUNDLES = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** Says, once per run, what the end-to-end specs start; refuses to run without the build. */
export default function globalSetup(): void {
  const missing = BUNDLES.filter((file) => !existsSync(join(ROOT, file)));
  if (missing.length > 0) {
    throw new Error(`e2e: ${missing.join(', ')} missing; run npm run build first`);
  }
  console.log(
    'e2e: the app specs start the BUILT out/main/index.js with out/preload/index.cjs under the ' +
      'Electron stand-in (tests/electron-stand-in): renderer -> preload -> main bundle -> router ' +
      '-> services; the "electron" project runs the real app where an Electron binary exists.',
  );
}
