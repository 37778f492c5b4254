import { EventEmitter } from 'node:events';

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain: `on` listeners for ipcRenderer.send, one `handle` handler per channel for invoke. */
class IpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  handlerFor(channel: string): InvokeHandler | undefined {
    return this.handlers.get(channel);
  }

  /** The channels with an invoke handler: a boot test compares them with the contract. */
  handledChannels(): string[] {
    return [...this.handlers.keys()];
  }
}

export const ipcMain = new IpcMain();
