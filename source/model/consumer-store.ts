// The live consumer: one subscription feeding a bounded MessageBuffer, pause/resume, a filter
// over what is buffered and what arrives (the `consume` filter language), a bounded find that
// buffers only matches, and the cursor, anchored by sequence number so that new records never
// move a view the user scrolled up.
import { TopicDeletedError } from '../kafka/consumer.js';
import { errorMessage } from '../kafka/errors.js';
import type { Backend, ConsumeRequest, ConsumedRecord, StartClamp, Subscription } from './backend.js';
import { clampIndex } from './list-window.js';
import { MessageBuffer } from './message-buffer.js';
import { compileFilter, parseFilterQuery, type RecordMatcher } from './record-filter.js';
import { Store } from './store.js';

export const DEFAULT_BUFFER_SIZE = 10_000;

export interface ConsumerState {
  request?: ConsumeRequest;
  paused: boolean;
  error?: string;
  /** Something the user should know about this consume that is not an error (a clamped start, added partitions, skipped offsets). */
  notice?: string;
  search: string;
  /** Why the search text does not compile (the previous search stays applied meanwhile). */
  searchError?: string;
  /** The bounded find this consume is, if it is one. */
  find?: FindProgress;
  /** Follows the newest record until the user moves up. */
  follow: boolean;
  /** Sequence number of the selected record (meaningful when not following). */
  cursorSeq: number;
  /** Sequence number of the record open in the detail view. */
  detailSeq?: number;
}

export interface FindProgress {
  /** The filter as typed. */
  query: string;
  limit: number;
  scanned: number;
  matched: number;
  startedAt: number;
  /** When it ended (its bounds, or Esc), or undefined while it runs. */
  endedAt?: number;
  stopped?: boolean;
}

/** What a find reads: where from, which partitions, up to how many records, and what to keep. */
export interface FindRequest extends ConsumeRequest {
  query: string;
  limit: number;
}

/** Progress is redrawn at most this often: a fast scan would otherwise redraw per batch. */
const FIND_PROGRESS_MS = 100;

/** The rows the pane lists: every buffered record, or only the search matches. */
export interface RowSource {
  count: number;
  seqAt(index: number): number;
  /** The index of the first row whose seq is ≥ seq. */
  indexAtOrAfter(seq: number): number;
}

/** "offset 7 is out of range, started partition 0 at 0 (it holds 0 to 0)". */
export function clampNotice(offset: number, clamps: readonly StartClamp[]): string {
  const parts = clamps.map(({ partition, offset: start, low, end }) => `partition ${partition} at ${start} (it holds ${low} to ${end})`);
  return `offset ${offset} is out of range, started ${parts.join(', ')}`;
}

export class ConsumerStore extends Store<ConsumerState> {
  readonly buffer: MessageBuffer<ConsumedRecord>;
  private subscription?: Subscription;
  private matches: number[] = [];
  private scannedUpTo = 0;
  /** The compiled search; undefined shows every buffered record. */
  private matcher?: RecordMatcher;

  /** While the topic read is deleted: the check for a new topic of its name. */
  private recreationWatch?: ReturnType<typeof setInterval>;

  constructor(
    private readonly backend: Pick<Backend, 'consume' | 'listTopics'>,
    capacity = DEFAULT_BUFFER_SIZE,
    maxHz = 20,
    /** How often a deleted topic is looked for again, to offer reading its successor. */
    private readonly recreationCheckMs = 5_000,
  ) {
    super({ paused: false, search: '', follow: true, cursorSeq: 0 });
    this.buffer = new MessageBuffer(capacity, maxHz);
    this.buffer.subscribe(() => this.scanMatches());
  }

  async start(request: ConsumeRequest): Promise<void> {
    await this.begin(request, undefined);
    this.subscription = this.backend.consume(request, {
      records: (records) => this.buffer.pushAll(records),
      error: (error) => this.readerFailed(request, error),
      clamped: (clamps) => this.reportClamped(request, clamps),
      notice: (notice) => this.reportNotice(request, notice),
    });
  }

  /**
   * A bounded scan: reads from where asked up to the partitions' ends or `limit` records, and buffers only
   * the records the query matches, with progress (scanned, matched) in `find`. Throws on a query that
   * does not compile, before anything is read.
   */
  async find(request: FindRequest): Promise<void> {
    const matcher = compileFilter(parseFilterQuery(request.query));
    const { query, limit, ...consume } = request;
    const read: ConsumeRequest = { ...consume, stopAtEnd: true, maxRecords: limit };
    let progress: FindProgress = { query, limit, scanned: 0, matched: 0, startedAt: Date.now() };
    await this.begin(read, progress);
    let shownAt = 0;
    let pending: NodeJS.Timeout | undefined;
    const flush = () => {
      pending = undefined;
      shownAt = Date.now();
      // A late report from a find since replaced is not about what is on screen.
      if (this.state.request === read) this.update({ find: progress });
    };
    const show = (patch: Partial<FindProgress>, force = false) => {
      progress = { ...progress, ...patch };
      const wait = FIND_PROGRESS_MS - (Date.now() - shownAt);
      if (force || wait <= 0) {
        clearTimeout(pending);
        flush();
      } else {
        // The last count of a burst is shown too, a moment later.
        pending ??= setTimeout(flush, wait);
      }
    };
    this.subscription = this.backend.consume(read, {
      records: (records) => {
        const kept = matcher ? records.filter(matcher) : records;
        if (kept.length > 0) this.buffer.pushAll(kept);
        show({ scanned: progress.scanned + records.length, matched: progress.matched + kept.length });
      },
      error: (error) => this.update({ error: errorMessage(error) }),
      clamped: (clamps) => this.reportClamped(read, clamps),
      notice: (notice) => this.reportNotice(read, notice),
      done: () => show({ endedAt: progress.endedAt ?? Date.now(), stopped: this.state.find?.stopped }, true),
    });
  }

  /** Ends a running find where it is (Esc); false when none runs. */
  stopFind(): boolean {
    const find = this.state.find;
    if (!find || find.endedAt !== undefined) return false;
    this.update({ find: { ...find, endedAt: Date.now(), stopped: true } });
    void this.stop();
    return true;
  }

  private async begin(request: ConsumeRequest, find: FindProgress | undefined): Promise<void> {
    await this.stop();
    this.buffer.clear();
    this.matches = [];
    this.scannedUpTo = 0;
    this.update({ request, find, paused: false, error: undefined, notice: undefined, follow: true, cursorSeq: 0, detailSeq: undefined });
  }

  private reportClamped(request: ConsumeRequest, clamps: StartClamp[]): void {
    // A late report from a consume since replaced is not about what is on screen.
    if (this.state.request === request && request.from.kind === 'offset') {
      this.update({ notice: clampNotice(request.from.offset, clamps) });
    }
  }

  private reportNotice(request: ConsumeRequest, notice: string): void {
    if (this.state.request === request) this.update({ notice });
  }

  private readerFailed(request: ConsumeRequest, error: unknown): void {
    this.update({ error: errorMessage(error) });
    if (!(error instanceof TopicDeletedError) || this.state.request !== request) return;
    clearInterval(this.recreationWatch);
    if (error.recreated) return this.offerSuccessor(request);
    this.recreationWatch = setInterval(() => {
      void this.backend.listTopics(true).then(
        (topics) => topics.some((t) => t.name === request.topic) && this.offerSuccessor(request),
        () => {}, // the next check asks again
      );
    }, this.recreationCheckMs);
    this.recreationWatch.unref?.();
  }

  /** The deleted topic's name is taken again: `c` (consume.start) reads the new topic. */
  private offerSuccessor(request: ConsumeRequest): void {
    clearInterval(this.recreationWatch);
    if (this.state.request === request) this.update({ notice: `a new topic ${request.topic} exists now: c reads it from its beginning` });
  }

  async stop(): Promise<void> {
    clearInterval(this.recreationWatch);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  togglePause(): void {
    if (!this.subscription) return;
    if (this.state.paused) this.subscription.resume();
    else this.subscription.pause();
    this.update({ paused: !this.state.paused });
  }

  /** Applies the `/` line (the consume filter language) to the buffer and to what arrives. */
  setSearch(search: string): void {
    let matcher: RecordMatcher | undefined;
    try {
      matcher = compileFilter(parseFilterQuery(search));
    } catch (error) {
      // Mid-typing (`a(`): say why, keep the last good filter on screen.
      this.update({ search, searchError: errorMessage(error) });
      return;
    }
    this.matcher = matcher;
    this.matches = [];
    this.scannedUpTo = this.buffer.firstSeq;
    this.state = { ...this.state, search, searchError: undefined };
    this.scanMatches();
    this.update({ follow: true });
  }

  /** What the pane lists: the buffer, or the search's matches, oldest first. */
  shownRecords(): ConsumedRecord[] {
    const rows = this.rows();
    return Array.from({ length: rows.count }, (_, i) => this.buffer.at(rows.seqAt(i))).filter((r): r is ConsumedRecord => r !== undefined);
  }

  rows(): RowSource {
    const buffer = this.buffer;
    if (this.matcher === undefined) {
      const first = buffer.firstSeq;
      return {
        count: buffer.size,
        seqAt: (index) => first + index,
        indexAtOrAfter: (seq) => Math.max(0, seq - first),
      };
    }
    this.dropEvictedMatches();
    const matches = this.matches;
    return {
      count: matches.length,
      seqAt: (index) => matches[index]!,
      indexAtOrAfter: (seq) => lowerBound(matches, seq),
    };
  }

  /** The selected row index, after eviction or a new search may have moved things. */
  cursorIndex(rows: RowSource = this.rows()): number {
    if (this.state.follow) return Math.max(0, rows.count - 1);
    return clampIndex(rows.indexAtOrAfter(this.state.cursorSeq), rows.count);
  }

  /** Moves the cursor by delta rows; reaching the newest row resumes following. */
  move(delta: number): void {
    const rows = this.rows();
    if (rows.count === 0) return;
    const index = clampIndex(this.cursorIndex(rows) + delta, rows.count);
    this.update({ follow: index === rows.count - 1 && delta > 0, cursorSeq: rows.seqAt(index) });
  }

  moveToTop(): void {
    const rows = this.rows();
    if (rows.count > 0) this.update({ follow: false, cursorSeq: rows.seqAt(0) });
  }

  moveToBottom(): void {
    this.update({ follow: true });
  }

  /** The message open in the detail view, else the one under the cursor. */
  selectedRecord(): ConsumedRecord | undefined {
    const rows = this.rows();
    if (this.state.detailSeq !== undefined) return this.buffer.at(this.state.detailSeq);
    return rows.count > 0 ? this.buffer.at(rows.seqAt(this.cursorIndex(rows))) : undefined;
  }

  openDetail(): void {
    const rows = this.rows();
    if (rows.count > 0) {
      const seq = rows.seqAt(this.cursorIndex(rows));
      // Opening a record pins the list on it, so closing the detail returns to the same place.
      this.update({ detailSeq: seq, follow: false, cursorSeq: seq });
    }
  }

  closeDetail(): void {
    this.update({ detailSeq: undefined });
  }

  dispose(): Promise<void> {
    this.buffer.dispose();
    return this.stop();
  }

  private scanMatches(): void {
    const matcher = this.matcher;
    if (matcher === undefined) return;
    const from = Math.max(this.scannedUpTo, this.buffer.firstSeq);
    for (let seq = from; seq < this.buffer.total; seq++) {
      const record = this.buffer.at(seq);
      if (record && matcher(record)) this.matches.push(seq);
    }
    this.scannedUpTo = this.buffer.total;
    this.dropEvictedMatches();
  }

  private dropEvictedMatches(): void {
    const drop = lowerBound(this.matches, this.buffer.firstSeq);
    if (drop > 0) this.matches.splice(0, drop);
  }
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
