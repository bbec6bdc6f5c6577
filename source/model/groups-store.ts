// The groups pane's data: every group with its state, members and lag, a lag history per group
// for the sparkline and the ETA, and the one group opened with Enter (its partitions, members,
// and a reset being planned). Refreshed on demand and in the background; a refresh never waits
// on another, and nothing here blocks a key.
import { errorMessage } from '../kafka/errors.js';
import type { Backend, GroupLag, ResetMode, ResetPlan, ResetScope } from './backend.js';
import { addSample, sampleOf, type LagSample } from './group-trend.js';
import { Store } from './store.js';

export const GROUPS_REFRESH_MS = 5_000;
/** Above this many groups the list skips time lag (a fetch per lagging partition); an opened group always has it. */
export const LIST_TIME_LAG_LIMIT = 100;

/** The states in which a group has no live consumer and its offsets may be changed. */
const INACTIVE = new Set(['Empty', 'Dead']);

export interface GroupRow {
  groupId: string;
  state: string;
  type: string;
  members: number;
  /** null until measured, or when no partition has both a commit and a known end. */
  lag: number | null;
  /** The largest partition time lag; null when not measured or not known. */
  timeLagMs: number | null;
}

/** Lag samples per group, shared by the list and the opened group. */
export class LagHistory {
  private samples = new Map<string, LagSample[]>();

  add(lag: GroupLag, at: number): void {
    const sample = sampleOf(lag, at);
    if (sample) this.samples.set(lag.group.groupId, addSample(this.samples.get(lag.group.groupId) ?? [], sample));
  }

  of(groupId: string): readonly LagSample[] {
    return this.samples.get(groupId) ?? [];
  }

  /** After a reset the old samples describe offsets that no longer hold. */
  clear(groupId: string): void {
    this.samples.delete(groupId);
  }
}

export function totalLag(lag: GroupLag): number | null {
  const known = lag.partitions.filter((p) => p.lag !== null);
  return known.length ? known.reduce((sum, p) => sum + p.lag!, 0) : null;
}

export function maxTimeLag(lag: GroupLag): number | null {
  const known = lag.partitions.map((p) => p.timeLagMs).filter((t): t is number => typeof t === 'number');
  return known.length ? Math.max(...known) : null;
}

/** Who holds an active group, as a reason to refuse changing its offsets; undefined when it is inactive. */
export function activeHolders(lag: GroupLag): string | undefined {
  const { group } = lag;
  if (INACTIVE.has(group.state)) return undefined;
  const members = group.members.map((m) => `${m.memberId} (${m.clientId} ${m.host})`);
  return `${group.groupId} is ${group.state}${members.length ? `, held by ${members.join(', ')}` : ''}: stop its consumers first`;
}

export interface GroupsState {
  all: GroupRow[];
  visible: GroupRow[];
  filter: string;
  selected: number;
  loading: boolean;
  error?: string;
  /** Bumped with each refresh, so a view of the history redraws. */
  version: number;
}

type GroupsBackend = Pick<Backend, 'listGroups' | 'describeGroupLag'>;

export class GroupsStore extends Store<GroupsState> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly backend: GroupsBackend,
    readonly history: LagHistory,
    private readonly autoRefreshMs = GROUPS_REFRESH_MS,
    private readonly now: () => number = Date.now,
  ) {
    super({ all: [], visible: [], filter: '', selected: 0, loading: false, version: 0 });
  }

  get selectedGroup(): GroupRow | undefined {
    return this.state.visible[this.state.selected];
  }

  /** Shows the list and keeps it (and the lag history) fresh from now on. */
  show(): Promise<void> {
    if (!this.timer && this.autoRefreshMs > 0) {
      this.timer = setInterval(() => void this.refresh(), this.autoRefreshMs);
      this.timer.unref();
    }
    return this.refresh();
  }

  /** One refresh at a time: a key or a timer during one gets that one. */
  refresh(): Promise<void> {
    this.running ??= this.load().finally(() => (this.running = undefined));
    return this.running;
  }

  setFilter(filter: string): void {
    this.setList(this.state.all, filter);
  }

  select(index: number): void {
    this.update({ selected: Math.max(0, Math.min(this.state.visible.length - 1, index)) });
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async load(): Promise<void> {
    this.update({ loading: true });
    try {
      const listings = await this.backend.listGroups();
      const ids = listings.map((l) => l.groupId);
      const lags = ids.length ? await this.backend.describeGroupLag(ids, { timeLag: ids.length <= LIST_TIME_LAG_LIMIT }) : [];
      const at = this.now();
      const byId = new Map(lags.map((lag) => [lag.group.groupId, lag]));
      for (const lag of lags) this.history.add(lag, at);
      const all = listings
        .map((listing): GroupRow => {
          const lag = byId.get(listing.groupId);
          return {
            groupId: listing.groupId,
            state: lag?.group.state ?? listing.state,
            type: listing.type,
            members: lag?.group.members.length ?? 0,
            lag: lag ? totalLag(lag) : null,
            timeLagMs: lag ? maxTimeLag(lag) : null,
          };
        })
        .sort((a, b) => a.groupId.localeCompare(b.groupId));
      this.setList(all, this.state.filter, { loading: false, error: undefined, version: this.state.version + 1 });
    } catch (error) {
      this.update({ loading: false, error: errorMessage(error) });
    }
  }

  /** Keeps the same group selected when the list changes under it, if it is still there. */
  private setList(all: GroupRow[], filter: string, extra: Partial<GroupsState> = {}): void {
    const current = this.selectedGroup?.groupId;
    const needle = filter.toLowerCase();
    const visible = needle ? all.filter((g) => g.groupId.toLowerCase().includes(needle)) : all;
    const kept = current === undefined ? -1 : visible.findIndex((g) => g.groupId === current);
    const selected = kept >= 0 ? kept : Math.min(this.state.selected, Math.max(0, visible.length - 1));
    this.update({ ...extra, all, visible, filter, selected });
  }
}

/** A reset on its way: planned (a preview), then applied or failed. */
export interface ResetState {
  /** The prompt's words, for the preview's title. */
  text: string;
  plan?: ResetPlan;
  planning: boolean;
  applied: boolean;
  error?: string;
}

export interface GroupState {
  groupId?: string;
  lag?: GroupLag;
  loading: boolean;
  error?: string;
  reset?: ResetState;
}

type GroupBackend = Pick<Backend, 'describeGroupLag' | 'planReset' | 'executeReset'>;

export class GroupStore extends Store<GroupState> {
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;

  constructor(
    private readonly backend: GroupBackend,
    readonly history: LagHistory,
    private readonly autoRefreshMs = GROUPS_REFRESH_MS,
    private readonly now: () => number = Date.now,
  ) {
    super({ loading: false });
  }

  open(groupId: string): Promise<void> {
    if (groupId !== this.state.groupId) this.update({ groupId, lag: undefined, error: undefined, reset: undefined });
    if (!this.timer && this.autoRefreshMs > 0) {
      this.timer = setInterval(() => void this.refresh(), this.autoRefreshMs);
      this.timer.unref();
    }
    return this.refresh();
  }

  close(): void {
    this.dispose();
    this.seq++;
    this.update({ groupId: undefined, lag: undefined, error: undefined, reset: undefined, loading: false });
  }

  async refresh(): Promise<void> {
    const groupId = this.state.groupId;
    if (groupId === undefined) return;
    const seq = ++this.seq;
    this.update({ loading: true });
    try {
      const [lag] = await this.backend.describeGroupLag([groupId], { timeLag: true });
      if (seq !== this.seq || !lag) return;
      this.history.add(lag, this.now());
      this.update({ lag, loading: false, error: undefined });
    } catch (error) {
      if (seq !== this.seq) return;
      // The last good view stays: a failing refresh is when the user most wants to see it.
      this.update({ loading: false, error: errorMessage(error) });
    }
  }

  /** Asks for a preview; the plan (or why there is none) lands in `reset`. */
  async plan(text: string, mode: ResetMode, scope: ResetScope): Promise<void> {
    const groupId = this.state.groupId;
    if (groupId === undefined) return;
    this.update({ reset: { text, planning: true, applied: false } });
    try {
      const plan = await this.backend.planReset({ groupId, mode, scope });
      if (this.state.groupId === groupId) this.update({ reset: { text, plan, planning: false, applied: false } });
    } catch (error) {
      if (this.state.groupId === groupId) this.update({ reset: { text, planning: false, applied: false, error: errorMessage(error) } });
    }
  }

  /** Applies the previewed plan; resolves true when it was applied. */
  async apply(): Promise<boolean> {
    const reset = this.state.reset;
    if (!reset?.plan || reset.applied) return false;
    try {
      await this.backend.executeReset(reset.plan);
      this.history.clear(reset.plan.groupId);
      this.update({ reset: { ...reset, applied: true, error: undefined } });
      void this.refresh();
      return true;
    } catch (error) {
      this.update({ reset: { ...reset, error: errorMessage(error) } });
      return false;
    }
  }

  dropReset(): void {
    this.update({ reset: undefined });
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
