import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE, usageOf } from './usage-texts';

/*
 * The command line's entry. Help and the version print from here without loading any command;
 * everything else goes to run-command.ts, which loads the one command asked for.
 */

/** The version in the package.json above this module, from the sources or the built CLI. */
function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const found = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (found.name === 'review-desk') return found.version ?? 'unknown';
    } catch {
      // no package.json here: look further up
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--version' || command === '-V') {
    process.stdout.write(`review-desk ${version()}\n`);
    return 0;
  }
  const help = command !== undefined && (args.includes('--help') || args.includes('-h'));
  if (help && usageOf(command) !== null) {
    process.stdout.write(`${usageOf(command)}\n`);
    return 0;
  }
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { runCommand } = await import('./run-command');
  return runCommand(command, args);
}

process.exitCode = await main(process.argv.slice(2));
