// Connection state for the status bar. A periodic check is what notices a broker going
// away while the UI is idle, and what brings the state back to ready when it returns.
import type { ClusterInfo, ConnectionStatus } from '../kafka/connection.js';
import type { Backend } from './backend.js';
import { Store } from './store.js';

export const CHECK_INTERVAL_MS = 5_000;

export interface ConnectionState {
  status: ConnectionStatus;
  /** The last cluster seen ready, kept while retrying so the broker count stays meaningful. */
  cluster?: ClusterInfo;
}

export class ConnectionStore extends Store<ConnectionState> {
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: () => void;

  constructor(
    backend: Pick<Backend, 'status' | 'subscribeStatus' | 'check'>,
    intervalMs = CHECK_INTERVAL_MS,
  ) {
    const status = backend.status();
    super({ status, cluster: status.state === 'ready' ? status.cluster : undefined });
    this.unsubscribe = backend.subscribeStatus((status) =>
      this.update({ status, ...(status.state === 'ready' ? { cluster: status.cluster } : {}) }),
    );
    void backend.check();
    if (intervalMs > 0) {
      this.timer = setInterval(() => void backend.check(), intervalMs);
      this.timer.unref();
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    this.unsubscribe();
  }
}
