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

export interface ConnectionState {
  status: ConnectionStatus;
  /** The last cluster seen ready, kept while retrying so the broker count stays meaningful. */
  cluster?: ClusterInfo;
}

export class ConnectionStore extends Store<ConnectionState> {
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: () => void;
  private checking = false;

  constructor(
    private readonly backend: Pick<Backend, 'status' | 'subscribeStatus' | 'check'>,
    intervalMs = CHECK_INTERVAL_MS,
    private readonly patienceMs = CHECK_PATIENCE_MS,
  ) {
    const status = backend.status();
    super({ status, cluster: status.state === 'ready' ? status.cluster : undefined });
    this.unsubscribe = backend.subscribeStatus((next) =>
      this.update({ status: next, ...(next.state === 'ready' ? { cluster: next.cluster } : {}) }),
    );
    void this.check();
    if (intervalMs > 0) {
      this.timer = setInterval(() => void this.check(), intervalMs);
      this.timer.unref();
    }
  }

  /** One check at a time; a slow one shows as retrying while it waits. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
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
    clearInterval(this.timer);
    this.unsubscribe();
  }
}
