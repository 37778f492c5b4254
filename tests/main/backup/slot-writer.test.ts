import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SlotWriter } from '../../../src/main/services/backup/slot-writer';
import { makeTempDir } from '../../helpers/temp-workspace';

/* The backup's writer thread: slots written in the order handed over, and a failure heard. */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempFile(name: string): string {
  const { dir, cleanup } = makeTempDir('review-desk-slot-writer-');
  cleanups.push(cleanup);
  return join(dir, name);
}

describe('SlotWriter', () => {
  it('appends each slot handed over, in order, whole or in part, more slots than it has', async () => {
    const file = tempFile('out.bin');
    const fd = openSync(file, 'w');
    const writer = new SlotWriter(fd, 1024);
    const expected: Buffer[] = [];
    let slot = writer.firstSlot();
    for (let turn = 0; turn < 23; turn += 1) {
      const length = turn % 3 === 0 ? 1024 : 1 + ((turn * 97) % 1023);
      slot.fill(turn, 0, length);
      expected.push(Buffer.from(slot.subarray(0, length)));
      slot = await writer.handOver(length);
    }
    await writer.drain();
    expect(writer.idle).toBe(true);
    await writer.stop();
    closeSync(fd);
    expect(readFileSync(file).equals(Buffer.concat(expected))).toBe(true);
  });

  it('says so when the file cannot be written, at the next wait', async () => {
    const file = tempFile('read-only.bin');
    writeFileSync(file, '');
    const fd = openSync(file, 'r');
    const writer = new SlotWriter(fd, 64);
    writer.firstSlot().fill(1);
    let caught: unknown = null;
    try {
      await writer.handOver(64);
      await writer.drain();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).toMatch(/the backup file could not be written \(EBADF\)/);
    expect((caught as { code: string }).code).toBe('EBADF');
    await writer.stop();
    closeSync(fd);
    expect(readFileSync(file).length).toBe(0);
  });
});
