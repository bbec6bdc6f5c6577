// The topic configs view (E): every config of one topic, the overridden ones first, a selection,
// and the edit in progress (typed, waiting for its confirmation). The broker's refusal is kept
// to show, and the last good list stays on screen meanwhile.
import type { ConfigItem } from '../kafka/configs.js';
import { errorMessage } from '../kafka/errors.js';
import type { Backend } from './backend.js';
import { clampIndex } from './list-window.js';
import { Store } from './store.js';

export interface TopicConfigsState {
  topic?: string;
  configs?: ConfigItem[];
  loading: boolean;
  error?: string;
  selected: number;
  /** A value typed for a config, waiting for the user to confirm it. */
  pending?: { name: string; value: string };
}

/** The topic's own overrides first, then what the brokers set, then the defaults, each by name. */
const rank = (c: ConfigItem) => (c.source === 'DYNAMIC_TOPIC_CONFIG' ? 0 : c.source === 'DEFAULT_CONFIG' ? 2 : 1);
const byInterest = (a: ConfigItem, b: ConfigItem) => rank(a) - rank(b) || a.name.localeCompare(b.name);

export class TopicConfigsStore extends Store<TopicConfigsState> {
  private seq = 0;

  constructor(private readonly backend: Pick<Backend, 'topicConfigs' | 'alterTopicConfig'>) {
    super({ loading: false, selected: 0 });
  }

  get selectedConfig(): ConfigItem | undefined {
    return this.state.configs?.[this.state.selected];
  }

  open(topic: string): Promise<void> {
    this.update({ topic, configs: undefined, error: undefined, selected: 0, pending: undefined });
    return this.refresh();
  }

  async refresh(): Promise<void> {
    const topic = this.state.topic;
    if (topic === undefined) return;
    const seq = ++this.seq;
    this.update({ loading: true });
    try {
      const configs = [...(await this.backend.topicConfigs(topic))].sort(byInterest);
      if (seq !== this.seq) return;
      // The selection stays on the same config when the order changes (an edited one moves up).
      const name = this.selectedConfig?.name;
      const at = configs.findIndex((c) => c.name === name);
      this.update({ configs, loading: false, error: undefined, selected: clampIndex(at >= 0 ? at : this.state.selected, configs.length) });
    } catch (error) {
      if (seq === this.seq) this.update({ loading: false, error: errorMessage(error) });
    }
  }

  select(index: number): void {
    this.update({ selected: clampIndex(index, this.state.configs?.length ?? 0) });
  }

  propose(name: string, value: string): void {
    this.update({ pending: { name, value } });
  }

  dropProposal(): void {
    this.update({ pending: undefined });
  }

  /** Applies the pending value; resolves with the broker's refusal, or undefined once applied and re-read. */
  async apply(): Promise<string | undefined> {
    const { topic, pending } = this.state;
    if (topic === undefined || pending === undefined) return 'nothing to apply';
    this.update({ pending: undefined });
    try {
      await this.backend.alterTopicConfig(topic, pending.name, pending.value);
    } catch (error) {
      const refusal = errorMessage(error);
      this.update({ error: refusal });
      return refusal;
    }
    await this.refresh();
    return undefined;
  }
}
