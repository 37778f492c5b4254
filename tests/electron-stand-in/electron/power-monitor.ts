import { EventEmitter } from 'node:events';

/**
 * powerMonitor: the events main listens to ('lock-screen', 'suspend', 'resume', ...) are
 * emitted only by a test (`powerMonitor.emit('lock-screen')` through app.evaluate), and the
 * system idle time is whatever the test last set (`__standIn.setIdleSeconds`), 0 at start. Not
 * modelled: the OS's own idle counting, battery and thermal state, shutdown on Linux/macOS.
 */
class PowerMonitor extends EventEmitter {
  idleSeconds = 0;

  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

export const powerMonitor = new PowerMonitor();
