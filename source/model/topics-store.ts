// The topic list: loading, the live filter, the internal-topics toggle and the selection.
import { errorMessage } from '../kafka/errors.js';
import type { Backend, TopicSummary } from './backend.js';
import { Store } from './store.js';

export interface TopicsState {
  all: TopicSummary[];
  /** `all` after the internal toggle and the filter: what the list shows. */
  visible: TopicSummary[];
  filter: string;
  showInternal: boolean;
  selected: number;
  loading: boolean;
  error?: string;
  /** Why some MSGS counts are '?': how many topics, and the first one's reason. */
  countsUnknown?: string;
}

function countsUnknown(all: readonly TopicSummary[]): string | undefined {
  const unknown = all.filter((t) => t.messagesUnknown !== undefined);
  if (unknown.length === 0) return undefined;
  const first = unknown[0]!;
  const which = unknown.length === 1 ? '' : ` (${unknown.length} topics, e.g. ${first.name})`;
  return `MSGS ? ${first.messagesUnknown}${which}`;
}

/** How often the list (and its MSGS counts) refreshes by itself once loaded. */
export const TOPICS_AUTO_REFRESH_MS = 15_000;

export class TopicsStore extends Store<TopicsState> {
  private loadSeq = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly backend: Pick<Backend, 'listTopics'>,
    private readonly autoRefreshMs = TOPICS_AUTO_REFRESH_MS,
  ) {
    super({ all: [], visible: [], filter: '', showInternal: false, selected: 0, loading: false });
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Every autoRefreshMs, refreshes in the background unless a load is under way. The request is
   * I/O, so keys are never waiting on it; the filter, the selection and the internal toggle are
   * applied to the new list as to the old one.
   */
  private schedule(): void {
    if (this.timer || this.autoRefreshMs <= 0) return;
    this.timer = setInterval(() => {
      if (!this.state.loading) void this.refresh();
    }, this.autoRefreshMs);
    this.timer.unref();
  }

  get selectedTopic(): TopicSummary | undefined {
    return this.state.visible[this.state.selected];
  }

  async refresh(): Promise<void> {
    this.schedule();
    const seq = ++this.loadSeq;
    this.update({ loading: true });
    try {
      // Internal topics are always fetched so that the toggle needs no round trip.
      const all = await this.backend.listTopics(true);
      if (seq !== this.loadSeq) return;
      this.setList(all, this.state.filter, this.state.showInternal, {
        loading: false,
        error: undefined,
        countsUnknown: countsUnknown(all),
      });
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.update({ loading: false, error: errorMessage(error) });
    }
  }

  setFilter(filter: string): void {
    this.setList(this.state.all, filter, this.state.showInternal);
  }

  toggleInternal(): void {
    this.setList(this.state.all, this.state.filter, !this.state.showInternal);
  }

  select(index: number): void {
    const last = this.state.visible.length - 1;
    this.update({ selected: Math.max(0, Math.min(last, index)) });
  }

  selectName(name: string): boolean {
    const index = this.state.visible.findIndex((t) => t.name === name);
    if (index >= 0) this.update({ selected: index });
    return index >= 0;
  }

  /** Keeps the same topic selected when the list changes under it, if it is still there. */
  private setList(all: TopicSummary[], filter: string, showInternal: boolean, extra: Partial<TopicsState> = {}): void {
    const current = this.selectedTopic?.name;
    const needle = filter.toLowerCase();
    const visible = all.filter((t) => (showInternal || !t.isInternal) && (needle === '' || t.name.toLowerCase().includes(needle)));
    const kept = current === undefined ? -1 : visible.findIndex((t) => t.name === current);
    const selected = kept >= 0 ? kept : Math.min(this.state.selected, Math.max(0, visible.length - 1));
    this.update({ ...extra, all, visible, filter, showInternal, selected });
  }
}
