import { Worker } from 'node:worker_threads';

/**
 * Appends 1 MiB slots to a file from a second thread, so the main thread reads and hashes the
 * next evidence files while the last ones are written: reading and hashing cost about what
 * writing does, and a laptop has more than one core (a backup of 12k files took ~35% less
 * time). Four slots of shared memory go round: the main thread fills one and hands it over,
 * the writer thread appends it to the file and says so. Messages, not Atomics: the main
 * thread of Electron's main process must not block.
 */

const SLOTS = 4;

/**
 * The writer thread, as source: it needs nothing but fs and the shared memory, so it runs from
 * a string (`eval`) the same in Node, in tests and in Electron's main process, with no bundle
 * of its own to ship.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { fd, memory, slotBytes } = workerData;
parentPort.on('message', ({ slot, length }) => {
  try {
    const bytes = Buffer.from(memory, slot * slotBytes, length);
    for (let at = 0; at < length; ) at += writeSync(fd, bytes, at, length - at);
    parentPort.postMessage({ slot });
  } catch (error) {
    parentPort.postMessage({ slot, error: String((error && (error.code || error.message)) || error) });
  }
});
`;

export class SlotWriter {
  private readonly memory: SharedArrayBuffer;
  private readonly worker: Worker;
  private handedOver = 0;
  private written = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private stopped = false;

  constructor(
    fd: number,
    readonly slotBytes: number,
  ) {
    this.memory = new SharedArrayBuffer(SLOTS * slotBytes);
    this.worker = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: { fd, memory: this.memory, slotBytes },
    });
    this.worker.on('message', (answer: { slot: number; error?: string }) => {
      if (answer.error !== undefined) this.fail(answer.error);
      else this.written += 1;
      this.wakeUp();
    });
    this.worker.on('error', (error) => this.fail(error.message));
    this.worker.on('exit', () => {
      if (!this.stopped) this.fail('the writer thread ended');
    });
  }

  /** Nothing handed over is still being written: the file may be written here directly. */
  get idle(): boolean {
    return this.written === this.handedOver;
  }

  /** The first slot, for filling before any is handed over. */
  firstSlot(): Buffer {
    return this.slot(0);
  }

  /** Hands over the first `length` bytes of the current slot and returns the next, once free. */
  async handOver(length: number): Promise<Buffer> {
    this.worker.postMessage({ slot: this.handedOver % SLOTS, length });
    this.handedOver += 1;
    // The next slot was handed over SLOTS turns ago: free once that turn is written.
    await this.until(() => this.handedOver - this.written < SLOTS);
    return this.slot(this.handedOver % SLOTS);
  }

  /** Waits until everything handed over is written. */
  async drain(): Promise<void> {
    await this.until(() => this.idle);
  }

  /**
   * Ends the writer thread (whatever it was doing: after a failure nothing more matters);
   * resolves once it has ended, so the file may be closed without the thread writing into a
   * descriptor number reused meanwhile.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }

  private slot(index: number): Buffer {
    return Buffer.from(this.memory, index * this.slotBytes, this.slotBytes);
  }

  private async until(done: () => boolean): Promise<void> {
    while (!done() && this.failure === null)
      await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
  }

  private fail(why: string): void {
    this.failure ??= Object.assign(new Error(`the backup file could not be written (${why})`), {
      code: /^E[A-Z]+$/.test(why) ? why : 'EIO',
    });
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
