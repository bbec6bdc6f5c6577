// Reading a topic: a group-free partition reader (assign-style, like kcat) and a group consumer.
// Both push decoded, unformatted records to a sink one fetched batch at a time, so a UI can
// buffer them and redraw at its own pace; nothing here knows about terminals or React.
import type { Consumer, EachBatchPayload, IHeaders } from 'kafkajs';
import type { BrokerClient, ClusterClient } from './cluster-client.js';
import type { ConnectionManager } from './connection.js';
import { registerCodecs } from './codecs.js';
import { KafkaUserError } from './errors.js';
import { fetchCommittedOffsets } from './groups.js';
import { UnknownTopicError, fetchTopic, notAuthorized, type TopicInfo } from './metadata.js';
import { EARLIEST, LATEST, READ_COMMITTED, READ_UNCOMMITTED, describeFailures, groupByLeader, listLeaderOffsets } from './offsets.js';
import { FETCH_REROUTE, NONE, OFFSET_OUT_OF_RANGE, TOPIC_AUTHORIZATION_FAILED, errorName } from './protocol/error-codes.js';
import { DecodeError } from './protocol/decode-error.js';
import { requestFetch, type FetchedPartition } from './protocol/fetch.js';
import { KafkaRecord, type Header } from './record.js';
import { sleep, withTimeout } from './timing.js';

export { KafkaRecord, type Header } from './record.js';

export type StartPosition =
  { kind: 'earliest' } | { kind: 'latest' } | { kind: 'offset'; offset: number } | { kind: 'timestamp'; timestamp: number };

export interface ReaderOptions {
  topic: string;
  /** Partitions to read; all of the topic's when omitted. */
  partitions?: readonly number[];
  start: StartPosition;
  /** Stop each partition once it reaches its end offset as of the start (kcat -e). */
  stopAtEnd?: boolean;
  /** Stop after delivering this many records. */
  maxRecords?: number;
  /**
   * Stop each partition at its first record at or after this time (kcat's -o e@TS). A partition with no
   * record that late yet ends as stopAtEnd says, or reads on.
   */
  endTimestamp?: number;
  /** Hide records of aborted transactions (default true, like the Java consumer's read_committed). */
  readCommitted?: boolean;
  /** Bytes per fetch response and per partition within it. */
  fetchMaxBytes?: number;
  partitionMaxBytes?: number;
  /** How long the broker may hold a fetch open waiting for new data. */
  maxWaitMs?: number;
  /**
   * A start offset outside a partition's range starts that partition at the nearer end of it,
   * reported through onClamped, instead of failing the read (the TUI's offset over all partitions).
   */
  clampStart?: boolean;
  /**
   * How often a reader that follows every partition (no stopAtEnd, no partition list) asks
   * for the topic's partitions, to pick up added ones. The Java consumer's metadata.max.age
   * is 5 minutes; a user watching a topic grow should see the new partitions within seconds.
   */
  metadataRefreshMs?: number;
}

/** A partition whose start offset was moved into its range. */
export interface StartClamp {
  partition: number;
  /** Where it starts: the nearer end of low..end. */
  offset: number;
  low: number;
  end: number;
}

export interface ReaderSink {
  /**
   * One call per fetched batch, records in offset order within each partition.
   * Return a promise to hold further deliveries until it settles (backpressure).
   */
  onBatch(records: KafkaRecord[]): void | Promise<void>;
  /** Transient trouble the reader is working around, e.g. a leader change. */
  onNotice?(message: string): void;
  /** A change the user should see though reading goes on: partitions added, offsets skipped. */
  onWarning?(message: string): void;
  /** With clampStart: the partitions that start elsewhere than asked, once, before any record. */
  onClamped?(clamps: StartClamp[]): void;
}

export interface PartitionPosition {
  partition: number;
  /** The next offset to read: the offset after the last record delivered (or skipped as a marker). */
  nextOffset: number;
  /** The end offset as of the start, when reading stops at the end. */
  endOffset?: number;
}

export interface ReadSummary {
  messages: number;
  positions: PartitionPosition[];
}

/** What every reader offers a caller: run to completion, stop, pause, and report where it is. */
export interface TopicReader {
  run(): Promise<ReadSummary>;
  stop(): void;
  pause(): void;
  resume(): void;
  summary(): ReadSummary;
}

interface PartitionState {
  partition: number;
  next: number;
  end?: number;
}

const REROUTE_TIMEOUT_MS = 5_000;
const METADATA_REFRESH_MS = 5_000;
/** One broker's metadata may lag another's: an unknown topic is asked about again after this before it counts as deleted. */
const DELETION_CONFIRM_MS = 1_000;
/** OFFSET_OUT_OF_RANGE for an offset that ListOffsets says is in range: retried this often, then an error (no loop). */
const MAX_IN_RANGE_RESETS = 3;

/** Resolves start (and optionally end) offsets by asking each partition's leader. */
export async function listOffsets(
  client: ClusterClient,
  topic: TopicInfo,
  partitions: readonly number[],
  timestamp: number,
  readCommitted: boolean,
): Promise<Map<number, number>> {
  for (const partition of partitions) {
    const leader = topic.partitions.find((p) => p.partition === partition)?.leader;
    if (leader === null || leader === undefined) {
      throw new KafkaUserError(`partition ${partition} of ${topic.name} has no leader right now`);
    }
  }
  const wanted = new Set(partitions);
  const byLeader = groupByLeader([topic], (_, partition) => wanted.has(partition));
  const isolation = readCommitted ? READ_COMMITTED : READ_UNCOMMITTED;
  const result = new Map<number, number>();
  await Promise.all(
    [...byLeader].map(async ([leader, led]) => {
      const { offsets, failures } = await listLeaderOffsets(client, leader, led, timestamp, isolation);
      if (failures.length > 0) throw new Error(`offsets of ${topic.name}: ${describeFailures(failures)}`);
      for (const p of offsets) result.set(p.partition, Number(p.offset));
    }),
  );
  return result;
}

function choosePartitions(info: TopicInfo, requested: readonly number[] | undefined): number[] {
  const all = info.partitions.map((p) => p.partition);
  if (!requested || requested.length === 0) return all;
  for (const partition of requested) {
    if (!all.includes(partition)) {
      throw new KafkaUserError(`topic ${info.name} has no partition ${partition} (it has ${all.length}: 0-${all.length - 1})`);
    }
  }
  return [...new Set(requested)].sort((a, b) => a - b);
}

/**
 * Reads partitions directly from their leaders, without a consumer group: nothing is
 * created on the cluster and the first record does not wait for a group join.
 * One fetch loop per leader broker; the next fetch is in flight while the sink handles the
 * previous batch. Partitions whose leader moves are re-routed after a metadata refresh.
 */
/** The topic went away under the reader; `recreated` when a new topic of that name already exists. */
export class TopicDeletedError extends KafkaUserError {
  constructor(
    readonly topic: string,
    readonly recreated: boolean,
  ) {
    super(recreated ? `topic ${topic} was deleted (a new topic of that name exists now)` : `topic ${topic} was deleted`);
  }
}

export class PartitionReader implements TopicReader {
  private readonly states = new Map<number, PartitionState>();
  /** Which leader broker's loop owns each partition. */
  private readonly owners = new Map<number, Set<number>>();
  private readonly loops = new Map<number, Promise<void>>();
  private readonly orphans = new Set<number>();
  /** Orphans whose last fetch was OFFSET_OUT_OF_RANGE: their range is asked for before they are fetched again. */
  private readonly outOfRange = new Set<number>();
  /** Consecutive out-of-range answers per partition for an offset the leader's range holds. */
  private readonly inRangeResets = new Map<number, number>();
  /** The topic read, as opposed to a topic of the same name created after it was deleted. */
  private topicId?: string;
  private delivered = 0;
  private stopped = false;
  private failure: unknown;
  private wake: () => void = () => {};
  private resumed: Promise<void> = Promise.resolve();
  private release: () => void = () => {};
  private isPaused = false;
  /** Wake-ups for loops waiting on a fetch, called on stop. */
  private readonly onStop = new Set<() => void>();

  constructor(
    private readonly client: ClusterClient,
    private readonly options: ReaderOptions,
    private readonly sink: ReaderSink,
  ) {}

  async run(): Promise<ReadSummary> {
    const { topic } = this.options;
    const info = await fetchTopic(this.client, topic, 'consume');
    this.topicId = info.topicId;
    const partitions = choosePartitions(info, this.options.partitions);
    await this.resolveStart(info, partitions);
    for (const partition of partitions) if (!this.isDone(partition)) this.orphans.add(partition);

    const followsAll = !this.options.stopAtEnd && (this.options.partitions ?? []).length === 0;
    const refreshMs = this.options.metadataRefreshMs ?? METADATA_REFRESH_MS;
    let refreshAt = Date.now() + refreshMs;
    let backoff = 100;
    while (!this.stopped && this.failure === undefined && this.remaining() > 0) {
      const changed = new Promise<void>((resolve) => (this.wake = resolve));
      if (followsAll && Date.now() >= refreshAt) {
        await this.addNewPartitions();
        refreshAt = Date.now() + refreshMs;
        if (this.stopped) break;
      }
      if (this.orphans.size > 0) {
        const routed = await this.route().catch((error: unknown) => {
          this.sink.onNotice?.(`cannot refresh metadata: ${(error as Error).message}`);
          return false;
        });
        if (!routed) {
          await Promise.race([changed, sleep(backoff)]);
          backoff = Math.min(backoff * 2, 2_000);
          continue;
        }
        backoff = 100;
      }
      await (followsAll ? Promise.race([changed, sleep(Math.max(0, refreshAt - Date.now()))]) : changed);
    }
    this.markStopped();
    this.release();
    await Promise.allSettled(this.loops.values());
    if (this.failure !== undefined) throw this.failure;
    return this.summary();
  }

  stop(): void {
    this.markStopped();
    this.release();
    this.wake();
  }

  private markStopped(): void {
    this.stopped = true;
    for (const wake of this.onStop) wake();
    this.onStop.clear();
  }

  /**
   * The promise's value, or undefined as soon as the reader stops. (Not Promise.race with one
   * long-lived "stopped" promise: each race would leave a reaction on it that keeps its
   * response, and so every fetched buffer, alive until the end.)
   */
  private untilStopped<T>(promise: Promise<T>): Promise<T | undefined> {
    if (this.stopped) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const wake = () => resolve(undefined);
      this.onStop.add(wake);
      promise.then(
        (value) => {
          this.onStop.delete(wake);
          resolve(value);
        },
        (error: unknown) => {
          this.onStop.delete(wake);
          reject(error);
        },
      );
    });
  }

  pause(): void {
    if (this.isPaused) return;
    this.resumed = new Promise((resolve) => (this.release = resolve));
    this.isPaused = true;
  }

  resume(): void {
    this.isPaused = false;
    this.release();
  }

  summary(): ReadSummary {
    return {
      messages: this.delivered,
      positions: [...this.states.values()]
        .sort((a, b) => a.partition - b.partition)
        .map(({ partition, next, end }) =>
          end === undefined ? { partition, nextOffset: next } : { partition, nextOffset: next, endOffset: end },
        ),
    };
  }

  private remaining(): number {
    let count = 0;
    for (const state of this.states.values()) if (!this.isDone(state.partition)) count++;
    return count;
  }

  private isDone(partition: number): boolean {
    const state = this.states.get(partition)!;
    return state.end !== undefined && state.next >= state.end;
  }

  private async resolveStart(info: TopicInfo, partitions: number[]): Promise<void> {
    const { start, stopAtEnd } = this.options;
    const readCommitted = this.options.readCommitted ?? true;
    const needsBounds = stopAtEnd || start.kind === 'offset';
    const [ends, lows] = await Promise.all([
      needsBounds || start.kind !== 'earliest' ? listOffsets(this.client, info, partitions, LATEST, readCommitted) : undefined,
      needsBounds || start.kind === 'earliest' ? listOffsets(this.client, info, partitions, EARLIEST, readCommitted) : undefined,
    ]);
    const [byTimestamp, byEndTimestamp] = await Promise.all([
      start.kind === 'timestamp' ? listOffsets(this.client, info, partitions, start.timestamp, readCommitted) : undefined,
      this.options.endTimestamp !== undefined
        ? listOffsets(this.client, info, partitions, this.options.endTimestamp, readCommitted)
        : undefined,
    ]);
    const clamps: StartClamp[] = [];
    for (const partition of partitions) {
      const low = lows?.get(partition) ?? 0;
      const end = ends?.get(partition) ?? 0;
      let next: number;
      switch (start.kind) {
        case 'earliest':
          next = low;
          break;
        case 'latest':
          next = end;
          break;
        case 'timestamp': {
          // -1: no record at or after the timestamp, so start at the end.
          const found = byTimestamp?.get(partition) ?? -1;
          next = found >= 0 ? found : end;
          break;
        }
        case 'offset':
          if ((start.offset < low || start.offset > end) && this.options.clampStart) {
            next = start.offset < low ? low : end;
            clamps.push({ partition, offset: next, low, end });
            break;
          }
          if (start.offset < low || start.offset > end) {
            throw new KafkaUserError(
              `offset ${start.offset} is out of range for ${info.name} partition ${partition} (it holds ${low} to ${end})`,
            );
          }
          next = start.offset;
          break;
      }
      // -1: no record at or after endTimestamp yet.
      const endAtTime = byEndTimestamp?.get(partition) ?? -1;
      const stopAt = endAtTime >= 0 ? endAtTime : stopAtEnd ? end : undefined;
      this.states.set(partition, stopAt === undefined ? { partition, next } : { partition, next, end: stopAt });
    }
    if (clamps.length > 0) this.sink.onClamped?.(clamps);
  }

  /** Assigns partitions without a loop to their current leaders. False if some have no leader yet. */
  private async route(): Promise<boolean> {
    const info = await this.currentTopic();
    if (!info) return false; // deleted: the read has failed
    const resets = [...this.outOfRange].filter((partition) => this.leaderOf(info, partition) !== null);
    if (resets.length > 0) await this.resetOutOfRange(info, resets);
    for (const partition of [...this.orphans]) {
      const leader = this.leaderOf(info, partition);
      if (leader === null || this.outOfRange.has(partition)) continue;
      this.sink.onNotice?.(`partition ${partition}: reading from leader ${leader}`);
      this.orphans.delete(partition);
      let owned = this.owners.get(leader);
      if (!owned) this.owners.set(leader, (owned = new Set()));
      owned.add(partition);
      if (!this.loops.has(leader)) {
        const loop = this.fetchLoop(leader, owned).finally(() => {
          this.loops.delete(leader);
          this.owners.delete(leader);
          for (const left of owned) if (!this.isDone(left)) this.orphans.add(left);
          this.wake();
        });
        this.loops.set(leader, loop);
      }
    }
    return this.orphans.size === 0;
  }

  private leaderOf(info: TopicInfo, partition: number): number | null {
    return info.partitions.find((p) => p.partition === partition)?.leader ?? null;
  }

  /**
   * The topic's metadata now, or undefined once the read has failed because the topic was
   * deleted (or deleted and created again: a new topic id). One line, no retries after it.
   */
  private async currentTopic(): Promise<TopicInfo | undefined> {
    const { topic } = this.options;
    // Bounded: a broker in the middle of shutting down can hold a request open for a long time.
    const ask = () =>
      withTimeout(
        fetchTopic(this.client, topic, 'consume'),
        REROUTE_TIMEOUT_MS,
        () => new Error(`timed out after ${REROUTE_TIMEOUT_MS / 1000}s asking who leads the partitions`),
      );
    let info: TopicInfo;
    try {
      info = await ask();
    } catch (error) {
      if (!(error instanceof UnknownTopicError)) throw error;
      await sleep(DELETION_CONFIRM_MS);
      try {
        info = await ask();
      } catch (again) {
        if (!(again instanceof UnknownTopicError)) throw again;
        this.fail(new TopicDeletedError(topic, false));
        return undefined;
      }
    }
    if (this.topicId !== undefined && info.topicId !== undefined && info.topicId !== this.topicId) {
      this.fail(new TopicDeletedError(topic, true));
      return undefined;
    }
    return info;
  }

  /** Partitions added to the topic since the read started join it. */
  private async addNewPartitions(): Promise<void> {
    let info: TopicInfo | undefined;
    try {
      info = await this.currentTopic();
    } catch (error) {
      this.sink.onNotice?.(`cannot refresh metadata: ${(error as Error).message}`);
      return;
    }
    const added = (info?.partitions ?? []).filter((p) => !this.states.has(p.partition) && p.leader !== null).map((p) => p.partition);
    if (!info || added.length === 0) return;
    // From their beginning, whatever the start position: they did not exist when the read
    // started, so each of their records is newer than it, and starting at their end would lose
    // what was written between their creation and this refresh.
    const lows = await listOffsets(this.client, info, added, EARLIEST, this.options.readCommitted ?? true).catch((error: unknown) => {
      this.sink.onNotice?.(`cannot ask where new partitions start: ${(error as Error).message}`);
      return undefined;
    });
    if (!lows || this.stopped) return;
    for (const partition of added) {
      this.states.set(partition, { partition, next: lows.get(partition) ?? 0 });
      this.orphans.add(partition);
    }
    this.sink.onWarning?.(
      added.length === 1
        ? `${this.options.topic} has a new partition ${added[0]}: reading it from its beginning`
        : `${this.options.topic} has new partitions ${added.join(', ')}: reading them from their beginning`,
    );
    this.wake();
  }

  /**
   * Like auto.offset.reset=earliest: a position below the log start (retention or
   * delete-records overtook the reader) moves to the log start, with a warning that counts
   * what was skipped. A position past the end (the log was truncated, e.g. after an unclean
   * leader election) moves to the end rather than to the start: rereading the partition would
   * show its records twice.
   */
  private async resetOutOfRange(info: TopicInfo, partitions: number[]): Promise<void> {
    // Uncommitted: the broker checks a fetch offset against the log end, not the last stable offset.
    const [lows, ends] = await Promise.all([
      listOffsets(this.client, info, partitions, EARLIEST, false),
      listOffsets(this.client, info, partitions, LATEST, false),
    ]);
    for (const partition of partitions) {
      const state = this.states.get(partition)!;
      const low = lows.get(partition)!;
      const end = ends.get(partition)!;
      this.outOfRange.delete(partition);
      if (state.next < low) {
        const skipped = low - state.next;
        this.sink.onWarning?.(
          `partition ${partition}: ${skipped} offset${skipped === 1 ? '' : 's'} skipped (${state.next} to ${low - 1}): ` +
            `removed by retention or delete-records before they were read; continuing from ${low}`,
        );
        state.next = low;
      } else if (state.next > end) {
        this.sink.onWarning?.(
          `partition ${partition}: offset ${state.next} is past the partition's end ${end} (its log was truncated); continuing from ${end}`,
        );
        state.next = end;
      } else {
        const resets = (this.inRangeResets.get(partition) ?? 0) + 1;
        this.inRangeResets.set(partition, resets);
        if (resets >= MAX_IN_RANGE_RESETS) {
          this.fail(
            new KafkaUserError(
              `partition ${partition}: offset ${state.next} is out of range for its leader, though it holds ${low} to ${end}`,
            ),
          );
        }
      }
      if (this.isDone(partition)) this.orphans.delete(partition);
    }
  }

  private async fetchLoop(leader: number, owned: Set<number>): Promise<void> {
    let broker: BrokerClient;
    try {
      broker = await this.client.broker(leader);
    } catch (error) {
      this.sink.onNotice?.(`broker ${leader} unreachable: ${(error as Error).message}`);
      await sleep(250);
      return;
    }
    const maxWaitMs = this.options.maxWaitMs ?? 500;
    // A fetch answers within maxWait unless the broker is in trouble; then move on quickly.
    const timeout = Math.min(this.client.requestTimeoutMs, REROUTE_TIMEOUT_MS) + maxWaitMs;
    const fetchOnce = (): Promise<FetchedPartition[]> =>
      requestFetch(
        broker,
        {
          topic: this.options.topic,
          partitions: [...owned].map((partition) => ({
            partition,
            offset: this.states.get(partition)!.next,
            maxBytes: this.options.partitionMaxBytes ?? 512 << 10,
          })),
          maxWaitMs,
          minBytes: 1,
          maxBytes: this.options.fetchMaxBytes ?? 2 << 20,
          readCommitted: this.options.readCommitted ?? true,
        },
        timeout,
      );

    const fetchNext = (): Promise<FetchedPartition[]> | undefined => {
      const next = owned.size > 0 && !this.stopped ? fetchOnce() : undefined;
      next?.catch(() => {}); // handled when awaited; must not become unhandled if we stop first
      return next;
    };
    let pending = fetchNext();
    while (pending && !this.stopped) {
      let response: FetchedPartition[] | undefined;
      try {
        // A stop must not wait for a fetch the broker may hold open for maxWaitMs.
        response = await this.untilStopped(pending);
        if (!response) return;
      } catch (error) {
        if (error instanceof DecodeError) {
          this.fail(error); // the same bytes would come again
          return;
        }
        if (!this.stopped) this.sink.onNotice?.(`fetch from broker ${leader} failed: ${(error as Error).message}`);
        await sleep(100);
        return; // the partitions go back to routing
      }
      const { decoders, span } = this.advance(response, owned);
      // Near maxRecords, decode first: a fetch sent now would only be waited for (up to
      // maxWaitMs) when the connection closes.
      const nearLimit = this.options.maxRecords !== undefined && this.delivered + span >= this.options.maxRecords;
      if (!nearLimit) pending = fetchNext();
      let records: KafkaRecord[];
      try {
        records = this.limit(decoders.length === 1 ? decoders[0]!() : decoders.flatMap((decode) => decode()));
      } catch (error) {
        this.fail(error); // a batch we cannot decode (corrupt, or an unknown format)
        return;
      }
      if (nearLimit) pending = fetchNext();
      this.delivered += records.length;
      if (records.length > 0) {
        // Positions already count these records, so they are delivered even when a stop came in meanwhile.
        if (this.isPaused) await this.resumed;
        if (this.failure !== undefined) return;
        try {
          await this.sink.onBatch(records);
        } catch (error) {
          this.fail(error);
          return;
        }
      }
      if (this.remaining() === 0) this.wake();
    }
  }

  /**
   * Applies one response to the positions (cheap: batch headers only) and drops partitions that
   * finished or moved. Returns what to decode, so that decoding can overlap the next fetch.
   */
  private advance(response: FetchedPartition[], owned: Set<number>): { decoders: Array<() => KafkaRecord[]>; span: number } {
    const decoders: Array<() => KafkaRecord[]> = [];
    let span = 0; // offsets covered: at least as many as the records that will decode
    for (const fetched of response) {
      const state = this.states.get(fetched.partition);
      if (!state || !owned.has(fetched.partition)) continue;
      if (fetched.errorCode !== NONE) {
        if (fetched.errorCode === OFFSET_OUT_OF_RANGE) {
          // An answer to a fetch sent before an earlier reset moved the position says nothing.
          if (fetched.fetchOffset !== state.next) continue;
          // Routing asks for the partition's range (the error carries no log start) and moves it.
          owned.delete(fetched.partition);
          this.outOfRange.add(fetched.partition);
          this.orphans.add(fetched.partition);
          this.wake();
        } else if (FETCH_REROUTE.has(fetched.errorCode)) {
          this.sink.onNotice?.(`partition ${state.partition}: ${errorName(fetched.errorCode)}, finding its leader again`);
          owned.delete(fetched.partition);
          this.orphans.add(fetched.partition);
          this.wake();
        } else if (fetched.errorCode === TOPIC_AUTHORIZATION_FAILED) {
          this.fail(notAuthorized(this.options.topic, 'consume'));
        } else {
          this.fail(new KafkaUserError(`partition ${state.partition}: ${errorName(fetched.errorCode)}`));
        }
        continue;
      }
      if (fetched.nextOffset <= state.next) continue;
      this.inRangeResets.delete(fetched.partition);
      const end = state.end;
      decoders.push(() => fetched.decodeRecords(end));
      span += fetched.nextOffset - state.next;
      state.next = fetched.nextOffset;
      if (end !== undefined && state.next >= end) {
        // Stopped mid-batch: the position is the end, not past records we did not deliver.
        state.next = end;
        owned.delete(fetched.partition);
      }
    }
    return { decoders, span };
  }

  /** Cuts a batch at maxRecords; positions go back to the first record not delivered. */
  private limit(records: KafkaRecord[]): KafkaRecord[] {
    const max = this.options.maxRecords;
    if (max === undefined || this.delivered + records.length < max) return records;
    const kept = records.slice(0, Math.max(0, max - this.delivered));
    for (let i = records.length - 1; i >= kept.length; i--) {
      const record = records[i]!;
      this.states.get(record.partition)!.next = record.offset;
    }
    this.markStopped();
    this.wake();
    return kept;
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.markStopped();
    this.release();
    this.wake();
  }
}

export interface GroupReaderOptions {
  topic: string;
  groupId: string;
  /** Where to start when the group has no committed offset for a partition. */
  fromBeginning: boolean;
  stopAtEnd?: boolean;
  /** Stop after delivering (and committing) this many records. */
  maxRecords?: number;
  /** Hide records of aborted transactions (default true). */
  readCommitted?: boolean;
}

function headersOf(headers: IHeaders | undefined): Header[] {
  const list: Header[] = [];
  for (const [key, value] of Object.entries(headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      list.push([key, one === undefined ? null : Buffer.isBuffer(one) ? one : Buffer.from(String(one))]);
    }
  }
  return list;
}

/**
 * Reads as a member of a consumer group (kafkajs's consumer), committing each delivered batch,
 * so a later run with the same group resumes after it.
 */
export class GroupConsumer implements TopicReader {
  private consumer?: Consumer;
  private delivered = 0;
  private readonly positions = new Map<number, PartitionPosition>();
  private stopRequested = false;
  private finished: () => void = () => {
    this.stopRequested = true;
  };
  private failed: (error: unknown) => void = () => {};

  constructor(
    private readonly connection: ConnectionManager,
    private readonly options: GroupReaderOptions,
    private readonly sink: ReaderSink,
  ) {}

  async run(): Promise<ReadSummary> {
    try {
      return await this.read();
    } catch (error) {
      throw groupFailure(error, this.options.groupId) ?? error;
    }
  }

  private async read(): Promise<ReadSummary> {
    registerCodecs();
    const { topic, groupId, stopAtEnd } = this.options;
    const info = await fetchTopic(this.connection.cluster, topic, 'consume');
    const partitions = info.partitions.map((p) => p.partition);
    if (stopAtEnd) {
      const readCommitted = this.options.readCommitted ?? true;
      const [ends, lows, committed] = await Promise.all([
        listOffsets(this.connection.cluster, info, partitions, LATEST, readCommitted),
        listOffsets(this.connection.cluster, info, partitions, EARLIEST, readCommitted),
        // Our OffsetFetch asks the coordinator again while it moves (a new __consumer_offsets answers NOT_COORDINATOR at first).
        fetchCommittedOffsets(this.connection.cluster, groupId),
      ]);
      const committedOf = new Map(committed.filter((c) => c.topic === topic).map((c) => [c.partition, c.offset]));
      for (const partition of partitions) {
        const saved = committedOf.get(partition) ?? -1;
        const next = saved >= 0 ? saved : this.options.fromBeginning ? lows.get(partition)! : ends.get(partition)!;
        this.positions.set(partition, { partition, nextOffset: next, endOffset: ends.get(partition)! });
      }
      if (this.atEnd()) return this.summary();
    }
    if (this.stopRequested) return this.summary();
    const done = new Promise<void>((resolve, reject) => {
      this.finished = resolve;
      this.failed = reject;
    });
    const consumer = (this.consumer = this.connection.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      maxBytes: 4 << 20,
      maxBytesPerPartition: 1 << 20,
      readUncommitted: this.options.readCommitted === false,
    }));
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: this.options.fromBeginning });
      // A batch's position runs past the last record shown when it ends in commit or abort markers or
      // aborted records, and kafkajs hands over no batch at all for a fetch of only those: without
      // this, `-e` never ends on a transactional topic, as the end offset counts the markers.
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        const position = this.positions.get(payload.partition);
        // Not past records cut off by --max-messages or by the end.
        if (!position || this.delivered >= (this.options.maxRecords ?? Infinity)) return;
        const next = Math.min(Number(payload.lastOffset) + 1, position.endOffset ?? Infinity);
        if (next <= position.nextOffset) return;
        this.positions.set(payload.partition, { ...position, nextOffset: next });
        if (this.atEnd()) this.finished();
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) this.failed(payload.error);
      });
      await consumer.run({
        autoCommit: true,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.onBatch(payload),
      });
      await done;
    } finally {
      await consumer.disconnect().catch(() => {});
    }
    return this.summary();
  }

  private async onBatch({ batch, resolveOffset, commitOffsetsIfNecessary, isRunning }: EachBatchPayload): Promise<void> {
    const partition = batch.partition;
    const position = this.positions.get(partition);
    const end = position?.endOffset;
    const records: KafkaRecord[] = [];
    const room = this.options.maxRecords === undefined ? Infinity : this.options.maxRecords - this.delivered;
    for (const message of batch.messages) {
      const offset = Number(message.offset);
      if ((end !== undefined && offset >= end) || records.length >= room) break;
      records.push(
        new KafkaRecord(
          batch.topic,
          partition,
          offset,
          Number(message.timestamp),
          message.key ?? null,
          message.value ?? null,
          headersOf(message.headers),
        ),
      );
    }
    if (records.length === 0 || !isRunning()) return;
    this.delivered += records.length;
    await this.sink.onBatch(records);
    const last = records[records.length - 1]!.offset;
    resolveOffset(String(last));
    await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition, offset: String(last + 1) }] }] });
    this.positions.set(partition, { partition, nextOffset: last + 1, ...(end === undefined ? {} : { endOffset: end }) });
    if (this.atEnd() || this.delivered >= (this.options.maxRecords ?? Infinity)) this.finished();
  }

  private atEnd(): boolean {
    if (!this.options.stopAtEnd) return false;
    return [...this.positions.values()].every((p) => p.endOffset === undefined || p.nextOffset >= p.endOffset);
  }

  stop(): void {
    this.finished();
  }

  pause(): void {
    this.consumer?.pause([{ topic: this.options.topic }]);
  }

  resume(): void {
    this.consumer?.resume([{ topic: this.options.topic }]);
  }

  summary(): ReadSummary {
    return {
      messages: this.delivered,
      positions: [...this.positions.values()].sort((a, b) => a.partition - b.partition),
    };
  }
}

/**
 * A denied group in one line naming it. kafkajs reports a FindCoordinator that the broker refused
 * (GROUP_AUTHORIZATION_FAILED) only as "Failed to find group coordinator", so that says both.
 */
function groupFailure(error: unknown, groupId: string): KafkaUserError | undefined {
  const { name, type } = error as { name?: string; type?: string };
  if (type === 'GROUP_AUTHORIZATION_FAILED') return new KafkaUserError(`not authorized to use group ${groupId}`);
  if (name === 'KafkaJSGroupCoordinatorNotFound') {
    return new KafkaUserError(
      `cannot find the coordinator of group ${groupId}: not authorized to use the group, or the broker cannot host it`,
    );
  }
  return undefined;
}
