import { readFileSync } from 'node:fs';
import { ServiceError } from '../services/errors';

/**
 * A passphrase never comes from an argument (it would sit in shell history and `ps`): from a
 * file (first line), or typed at a terminal with echo off.
 */
export async function readPassphrase(
  file: string | undefined,
  prompt: string,
  confirm = false,
): Promise<string> {
  if (file !== undefined) {
    try {
      return readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
    } catch {
      throw new ServiceError('not_found', `passphrase file ${file} is not readable`);
    }
  }
  if (!process.stdin.isTTY)
    throw new ServiceError(
      'validation_failed',
      'no terminal to ask on: give --passphrase-file <f>',
    );
  const first = await promptHidden(prompt);
  if (confirm && (await promptHidden('again / 한 번 더: ')) !== first)
    throw new ServiceError('validation_failed', 'the two passphrases differ');
  return first;
}

function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new ServiceError('forbidden', 'cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
