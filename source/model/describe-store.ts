// The describe pane's data: one topic, and the groups that consume it with their lag, refreshed
// together on demand and every few seconds.
import type { TopicDescription } from '../kafka/describe.js';
import { errorMessage } from '../kafka/errors.js';
import type { Backend, TopicGroupLag } from './backend.js';
import { Store } from './store.js';

export interface DescribeState {
  topic?: string;
  description?: TopicDescription;
  /** The groups with offsets in the topic; undefined while unknown (not yet asked, or the question failed). */
  groups?: TopicGroupLag[];
  loading: boolean;
  error?: string;
  /** When the shown description was fetched (ms since epoch). */
  fetchedAt?: number;
}

export const AUTO_REFRESH_MS = 5_000;

export class DescribeStore extends Store<DescribeState> {
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;

  constructor(
    private readonly backend: Pick<Backend, 'describe' | 'groupsOfTopic'>,
    private readonly autoRefreshMs = AUTO_REFRESH_MS,
  ) {
    super({ loading: false });
  }

  show(topic: string): Promise<void> {
    if (topic !== this.state.topic)
      this.update({ topic, description: undefined, groups: undefined, error: undefined, fetchedAt: undefined });
    this.schedule();
    return this.refresh();
  }

  clear(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.seq++;
    this.update({ topic: undefined, description: undefined, groups: undefined, error: undefined, loading: false });
  }

  async refresh(): Promise<void> {
    const topic = this.state.topic;
    if (topic === undefined) return;
    const seq = ++this.seq;
    this.update({ loading: true });
    try {
      // The groups are a side fact: their failure leaves the partitions on screen.
      const [description, groups] = await Promise.all([
        this.backend.describe(topic),
        this.backend.groupsOfTopic(topic).catch(() => undefined),
      ]);
      if (seq !== this.seq) return;
      this.update({ description, groups: groups ?? this.state.groups, loading: false, error: undefined, fetchedAt: Date.now() });
    } catch (error) {
      if (seq !== this.seq) return;
      // Keep the last good description on screen: a refresh failing during a broker outage
      // is exactly when the user wants to see what was there.
      this.update({ loading: false, error: errorMessage(error) });
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer || this.autoRefreshMs <= 0) return;
    this.timer = setInterval(() => void this.refresh(), this.autoRefreshMs);
    this.timer.unref();
  }
}
