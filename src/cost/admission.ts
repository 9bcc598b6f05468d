// The shared gate of expensive operations: at most `concurrency` run at once; others wait in a bounded queue for
// at most `maxWaitMs`, first come first served, and are turned away beyond that. Cheap operations never pass
// through it, so they keep their share of Neo4j and of the event loop however many expensive ones arrive.

export interface AdmissionOptions {
  concurrency: number;
  /** Operations allowed to wait; more are refused at once. */
  queueLength: number;
  maxWaitMs: number;
}

/** The gate could not admit the operation in time (or its queue is full). */
export class AdmissionRefused extends Error {
  override name = 'AdmissionRefused';
  constructor(
    readonly reason: 'queueFull' | 'waitedTooLong',
    /** Seconds after which a retry has a fair chance. */
    readonly retryAfterSeconds: number,
  ) {
    super(reason === 'queueFull' ? 'Too many expensive operations are waiting.' : 'An expensive operation waited too long for its turn.');
  }
}

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

export class AdmissionGate {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(private readonly options: AdmissionOptions) {}

  /** Operations running and waiting now (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length };
  }

  /** Resolves with the release function once admitted; rejects with AdmissionRefused. Release exactly once. */
  async acquire(): Promise<() => void> {
    if (this.running < this.options.concurrency && this.queue.length === 0) {
      this.running += 1;
      return this.releaser();
    }
    if (this.queue.length >= this.options.queueLength) throw new AdmissionRefused('queueFull', this.retryAfter());
    return new Promise<() => void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          this.running += 1;
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          reject(new AdmissionRefused('waitedTooLong', this.retryAfter()));
        }, this.options.maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const next = this.queue.shift();
      next?.admit();
    };
  }

  private retryAfter(): number {
    return Math.max(1, Math.ceil(this.options.maxWaitMs / 1000));
  }
}
