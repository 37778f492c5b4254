import { join } from 'node:path';

/** The demo batch and its evidence, shipped in the app's resources folder. */
export function demoBatchPaths(resourcesDir: string): { file: string; evidence: string } {
  return {
    file: join(resourcesDir, 'demo', 'demo-batch.csv'),
    evidence: join(resourcesDir, 'demo', 'evidence'),
  };
}
