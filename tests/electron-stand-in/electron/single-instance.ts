import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';

type SecondInstance = (argv: string[], workingDirectory: string, additionalData: unknown) => void;

/**
 * app.requestSingleInstanceLock: one instance per user-data folder, as Electron's (which keeps
 * its lock there too). The first instance writes its pid to a lock file and listens on a socket
 * beside it; a later one finds that pid alive, hands over its argv through the socket, and is
 * told it has no lock. A lock left by a dead process is taken over.
 */
export class SingleInstanceLock {
  held = false;
  private server: Server | null = null;
  private pending: Promise<void> = Promise.resolve();
  private readonly socketPath: string;
  private readonly lockPath: string;

  constructor(
    userData: string,
    private readonly onSecondInstance: SecondInstance,
  ) {
    mkdirSync(userData, { recursive: true });
    this.socketPath = join(userData, 'SingletonSocket');
    this.lockPath = join(userData, 'SingletonLock');
  }

  /** Synchronous, as Electron's: the answer cannot wait for the socket. */
  acquire(argv: string[], additionalData: unknown): boolean {
    if (this.held) return true;
    if (this.holderAlive()) {
      this.pending = this.handOver(argv, additionalData);
      return false;
    }
    rmSync(this.socketPath, { force: true });
    writeFileSync(this.lockPath, String(process.pid));
    this.listen();
    return true;
  }

  private holderAlive(): boolean {
    try {
      const pid = Number(readFileSync(this.lockPath, 'utf8'));
      process.kill(pid, 0);
      return pid !== process.pid;
    } catch {
      return false;
    }
  }

  private handOver(argv: string[], additionalData: unknown): Promise<void> {
    return new Promise((resolve) => {
      const socket = connect(this.socketPath, () => {
        socket.end(JSON.stringify({ argv, cwd: process.cwd(), additionalData }));
      });
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
  }

  private listen(): void {
    this.held = true;
    this.server = createServer((socket) => {
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => {
        const message = JSON.parse(text) as {
          argv: string[];
          cwd: string;
          additionalData: unknown;
        };
        this.onSecondInstance(message.argv, message.cwd, message.additionalData);
      });
    });
    this.server.listen(this.socketPath);
  }

  /** Waits for a hand-over still on its way, so a second instance's argv is not lost. */
  settle(): Promise<void> {
    return this.pending;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    this.server?.close();
    rmSync(this.socketPath, { force: true });
    rmSync(this.lockPath, { force: true });
  }
}
