// The brokers pane's data: the brokers table, refreshed in the background while the pane is open
// (a refresh never blocks keys: it only replaces the snapshot when it lands), a selection, and
// the selected broker's configs once opened.
import type { BrokerConfigs, BrokersOverview } from '../kafka/brokers.js';
import { errorMessage } from '../kafka/errors.js';
import type { Backend } from './backend.js';
import { AUTO_REFRESH_MS } from './describe-store.js';
import { clampIndex } from './list-window.js';
import { Store } from './store.js';

export interface BrokersState {
  overview?: BrokersOverview;
  loading: boolean;
  error?: string;
  selected: number;
  /** The broker whose configs are open; the table shows while undefined. */
  configsOf?: number;
  configs?: BrokerConfigs;
  configsLoading: boolean;
  configsError?: string;
}

export class BrokersStore extends Store<BrokersState> {
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private configsSeq = 0;

  constructor(
    private readonly backend: Pick<Backend, 'brokers' | 'brokerConfigs'>,
    private readonly autoRefreshMs = AUTO_REFRESH_MS,
  ) {
    super({ loading: false, selected: 0, configsLoading: false });
  }

  /** Refreshes the table now and every few seconds until close(). */
  open(): Promise<void> {
    if (!this.timer && this.autoRefreshMs > 0) {
      this.timer = setInterval(() => void this.refresh(), this.autoRefreshMs);
      this.timer.unref();
    }
    return this.refresh();
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async refresh(): Promise<void> {
    const seq = ++this.seq;
    this.update({ loading: true });
    try {
      const overview = await this.backend.brokers();
      if (seq !== this.seq) return;
      this.update({ overview, loading: false, error: undefined, selected: clampIndex(this.state.selected, overview.brokers.length) });
    } catch (error) {
      if (seq !== this.seq) return;
      // The last good table stays: a broker outage is when it matters most.
      this.update({ loading: false, error: errorMessage(error) });
    }
  }

  select(index: number): void {
    this.update({ selected: clampIndex(index, this.state.overview?.brokers.length ?? 0) });
  }

  get selectedBroker(): number | undefined {
    return this.state.overview?.brokers[this.state.selected]?.nodeId;
  }

  /** Opens the selected broker's non-default configs. */
  async showConfigs(): Promise<void> {
    const nodeId = this.selectedBroker;
    if (nodeId === undefined) return;
    const seq = ++this.configsSeq;
    this.update({ configsOf: nodeId, configs: undefined, configsError: undefined, configsLoading: true });
    try {
      const configs = await this.backend.brokerConfigs(nodeId);
      if (seq === this.configsSeq) this.update({ configs, configsLoading: false });
    } catch (error) {
      if (seq === this.configsSeq) this.update({ configsLoading: false, configsError: errorMessage(error) });
    }
  }

  closeConfigs(): void {
    this.configsSeq++;
    this.update({ configsOf: undefined, configs: undefined, configsError: undefined, configsLoading: false });
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
