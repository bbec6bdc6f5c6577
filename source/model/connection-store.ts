// Connection state for the status bar. A periodic check is what notices a broker going
// away while the UI is idle, and what brings the state back to ready when it returns.
import type { ClusterInfo, ConnectionStatus } from '../kafka/connection.js';
import type { Backend } from './backend.js';
import { Store } from './store.js';

export const CHECK_INTERVAL_MS = 5_000;
/**
 * A check against a broker that just died can hang until the request timeout (30 s by
 * default); the status bar says so well before that.
 */
export const CHECK_PATIENCE_MS = 4_000;
/** After a failed check the next one waits 1 s, then twice as long each time, up to this. */
export const MAX_RETRY_DELAY_MS = 30_000;

/** The wait before retry number `failures` (1 for the first retry). */
export function retryDelayMs(failures: number, maxMs = MAX_RETRY_DELAY_MS): number {
  return Math.min(1_000 * 2 ** Math.max(0, failures - 1), maxMs);
}

export interface ConnectionState {
  status: ConnectionStatus;
  /** The last cluster seen ready, kept while retrying so the broker count stays meaningful. */
  cluster?: ClusterInfo;
  /** Set while the cluster cannot be reached: an attempt under way, or the wait before the next. */
  retry?: 'now' | { inMs: number };
}

export class ConnectionStore extends Store<ConnectionState> {
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: () => void;
  private checking = false;
  private failures = 0;
  private disposed = false;

  constructor(
    private readonly backend: Pick<Backend, 'status' | 'subscribeStatus' | 'check'>,
    private readonly intervalMs = CHECK_INTERVAL_MS,
    private readonly patienceMs = CHECK_PATIENCE_MS,
  ) {
    const status = backend.status();
    super({ status, cluster: status.state === 'ready' ? status.cluster : undefined });
    this.unsubscribe = backend.subscribeStatus((next) => {
      // A new attempt after a failure keeps showing why the last one failed.
      if (next.state === 'connecting' && this.state.retry) return;
      this.update({ status: next, ...(next.state === 'ready' ? { cluster: next.cluster, retry: undefined } : {}) });
    });
    void this.check().then(() => this.schedule());
  }

  /** The next check: the regular interval while connected, a growing backoff while not. */
  private schedule(): void {
    if (this.intervalMs <= 0 || this.disposed) return;
    const reachable = this.state.status.state === 'ready';
    this.failures = reachable ? 0 : this.failures + 1;
    const delay = reachable ? this.intervalMs : retryDelayMs(this.failures);
    if (!reachable || this.state.retry) this.update({ retry: reachable ? undefined : { inMs: delay } });
    this.timer = setTimeout(() => void this.check().then(() => this.schedule()), delay);
    this.timer.unref();
  }

  /** One check at a time; a slow one shows as retrying while it waits. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    if (this.state.retry) this.update({ retry: 'now' });
    const slow = setTimeout(() => {
      if (this.state.status.state === 'ready') {
        this.update({ status: { state: 'retrying', error: `no answer from the cluster for ${this.patienceMs / 1000}s` } });
      }
    }, this.patienceMs);
    try {
      await this.backend.check();
    } finally {
      clearTimeout(slow);
      this.checking = false;
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.unsubscribe();
  }
}
