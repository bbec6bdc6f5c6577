// The last N records of a stream plus a count of all of them. Writers push as fast as
// records arrive; readers hear about it at most `maxHz` times a second, so nothing per
// record reaches React. Records carry a sequence number (0 = first ever received), which
// lets a scrolled-up view stay anchored while older records fall out of the ring.
export class MessageBuffer<T> {
  private readonly slots: Array<T | undefined>;
  private next = 0;
  private received = 0;
  private listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private lastNotify = 0;
  /** Bumps once per notification, not per record: the snapshot React compares. */
  version = 0;

  constructor(
    readonly capacity: number,
    private readonly maxHz = 20,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be at least 1 (got ${capacity})`);
    this.slots = new Array<T | undefined>(capacity);
  }

  /** How many records ever arrived (not reset by eviction). */
  get total(): number {
    return this.received;
  }

  get size(): number {
    return Math.min(this.received, this.capacity);
  }

  /** Sequence number of the oldest record still held. */
  get firstSeq(): number {
    return this.received - this.size;
  }

  push(record: T): void {
    this.slots[this.next] = record;
    this.next = (this.next + 1) % this.capacity;
    this.received++;
    this.changed();
  }

  pushAll(records: readonly T[]): void {
    for (const record of records) {
      this.slots[this.next] = record;
      this.next = (this.next + 1) % this.capacity;
    }
    this.received += records.length;
    if (records.length > 0) this.changed();
  }

  /** The record with this sequence number, or undefined when it was evicted or never arrived. */
  at(seq: number): T | undefined {
    if (seq < this.firstSeq || seq >= this.received) return undefined;
    const fromNewest = this.received - 1 - seq;
    return this.slots[(this.next - 1 - fromNewest + this.capacity * 2) % this.capacity];
  }

  clear(): void {
    this.slots.fill(undefined);
    this.next = 0;
    this.received = 0;
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops any pending notification (on shutdown, so no timer keeps the process alive). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  private changed(): void {
    if (this.timer) return;
    const interval = 1000 / this.maxHz;
    const wait = Math.max(0, this.lastNotify + interval - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastNotify = Date.now();
      this.version++;
      for (const listener of this.listeners) listener();
    }, wait);
  }
}
