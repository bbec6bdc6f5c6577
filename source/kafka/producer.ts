// Writing records to a topic in batches, with every message accounted for: each one ends up
// either sent (its partition and offset known) or failed (with the broker's reason).
// Batches are encoded and sent by hand (see produce-protocol.ts) straight to each partition's
// leader; with acks=all the producer is idempotent: a retried batch keeps its sequence
// number, so a retry after a lost response cannot write it twice.
import type { BrokerClient, ClusterClient } from './cluster-client.js';
import { COMPRESSION_CODES, compressorFor, type CompressionName } from './codecs.js';
import { KafkaUserError, errorMessage } from './errors.js';
import { partitionForKey } from './partitioner.js';
import { fetchTopic } from './metadata.js';
import { DUPLICATE_SEQUENCE_NUMBER, NONE, PRODUCE_RETRIABLE, TOO_LARGE, errorName } from './protocol/error-codes.js';
import { NO_IDENTITY, encodeBatch, requestProduce, type BatchIdentity } from './protocol/produce.js';
import type { Header } from './record.js';
import { sleep } from './timing.js';

export type Acks = 'all' | '1' | '0';

export interface OutgoingMessage {
  key: Buffer | null;
  value: Buffer | null;
  headers: readonly Header[];
  /** Where the message came from, for failure reports (a line number for the CLI). */
  source: number;
  timestamp?: number;
}

export interface ProducerOptions {
  topic: string;
  acks: Acks;
  compression: CompressionName;
  /** Send every message to this partition. */
  partition?: number;
  /** Queued bytes (roughly, as encoded) that make a batch go out; below the default max.message.bytes. */
  batchBytes?: number;
  /** How long a message may wait for its batch to fill before it is sent anyway (for slow input). */
  lingerMs?: number;
  /** How long a batch may keep being retried (leader changes, too few replicas) before it fails. */
  deliveryTimeoutMs?: number;
}

export interface SendFailure {
  source: number;
  reason: string;
}

export interface WriteSummary {
  sent: number;
  failed: number;
  /** The last offset written per partition (empty with acks=0, which has no answer). */
  lastOffsets: Map<number, number>;
}

export interface WriteListener {
  onFailure?(failure: SendFailure): void;
  onSent?(count: number): void;
}

const ACKS: Record<Acks, number> = { all: -1, '1': 1, '0': 0 };
const TOPIC_CONFIG_RESOURCE = 2;
const RECORD_OVERHEAD_BYTES = 12;
/** Bytes handed over and not yet acknowledged before write() holds the caller back: about three full batches. */
const MAX_IN_FLIGHT_BYTES = 2_700_000;

/** A partition the topic does not have: the same words from the producer and the UI's fakes. */
export function refuseMissingPartition(topic: string, partition: number, count: number): void {
  if (partition < 0 || partition >= count) {
    throw new KafkaUserError(`topic ${topic} has no partition ${partition} (it has ${count}: 0-${count - 1})`);
  }
}

export class MessageWriter {
  private partitionCount = 0;
  private leaders = new Map<number, number | null>();
  private leaderRefresh?: Promise<void>;
  private compress: (data: Buffer) => Buffer = (data) => data;
  private identity?: { producerId: number; producerEpoch: number };
  /** Set when a batch's fate is unknown: its sequence numbers cannot be reused, so a new producer id is needed. */
  private identityStale = false;
  private readonly sequences = new Map<number, number>();
  private queued = new Map<number, OutgoingMessage[]>();
  private queuedBytes = 0;
  /** Per partition, the last batch handed over: the next one of that partition starts after it. */
  private readonly partitionTails = new Map<number, Promise<void>>();
  /** Batches handed over and not yet sent or failed, and their bytes. */
  private readonly inFlight = new Set<Promise<void>>();
  private inFlightBytes = 0;
  private identityRenewal?: Promise<void>;
  private stickyPartition = 0;
  private sent = 0;
  private failed = 0;
  private readonly lastOffsets = new Map<number, number>();
  private messageLimit?: string;
  private lingerTimer?: NodeJS.Timeout;

  constructor(
    private readonly client: ClusterClient,
    private readonly options: ProducerOptions,
    private readonly listener: WriteListener = {},
  ) {}

  /** Checks the topic (and partition), learns the leaders and, for acks=all, gets a producer id. */
  async open(): Promise<void> {
    await this.refreshLeaders();
    const { partition } = this.options;
    if (partition !== undefined) refuseMissingPartition(this.options.topic, partition, this.partitionCount);
    this.stickyPartition = Math.floor(Math.random() * this.partitionCount);
    this.compress = await compressorFor(this.options.compression);
    if (this.options.acks === 'all') await this.initProducerId();
  }

  /** Queues a message; when a batch is full, returns a promise that settles once there is room again. */
  write(message: OutgoingMessage): Promise<void> | undefined {
    const partition = this.partitionOf(message);
    let list = this.queued.get(partition);
    if (!list) this.queued.set(partition, (list = []));
    list.push(message);
    this.queuedBytes += (message.key?.length ?? 0) + (message.value?.length ?? 0) + RECORD_OVERHEAD_BYTES;
    for (const [key, value] of message.headers) this.queuedBytes += key.length + (value?.length ?? 0) + 2;
    if (this.queuedBytes >= (this.options.batchBytes ?? 900_000)) return this.flush();
    this.lingerTimer ??= setTimeout(() => this.flush(), this.options.lingerMs ?? 20);
    return undefined;
  }

  /**
   * Hands what is queued over to be sent: each partition's messages as one batch, after that
   * partition's batch before it. Batches of one partition never overlap: with idempotence, two
   * sent at once would carry the same sequence number and the broker would drop the second as a
   * duplicate. Batches of different partitions do overlap (keyless batches go to the partitions
   * in turn), so the brokers work while the next batch fills. Resolves once no more than
   * MAX_IN_FLIGHT_BYTES are in flight, so a caller that awaits it is held back.
   */
  flush(): Promise<void> {
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    if (this.queued.size > 0) {
      const batch = this.queued;
      const bytes = this.queuedBytes;
      this.queued = new Map();
      this.queuedBytes = 0;
      // Keyless messages stick to one partition per batch, as Java's sticky partitioner does.
      this.stickyPartition = (this.stickyPartition + 1) % this.partitionCount;
      for (const [partition, messages] of batch) {
        const share = Math.ceil((bytes * messages.length) / this.countOf(batch));
        const previous = this.partitionTails.get(partition) ?? Promise.resolve();
        const sent = previous.then(() => this.sendPartition(partition, messages));
        this.partitionTails.set(partition, sent);
        this.inFlight.add(sent);
        this.inFlightBytes += share;
        void sent.then(() => {
          this.inFlight.delete(sent);
          this.inFlightBytes -= share;
        });
      }
    }
    return this.room();
  }

  /** Sends what is queued and waits until every batch so far is sent or failed. */
  async drain(): Promise<void> {
    this.flush();
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  private countOf(batch: ReadonlyMap<number, OutgoingMessage[]>): number {
    let count = 0;
    for (const messages of batch.values()) count += messages.length;
    return count;
  }

  /** Settles once the batches in flight are under the limit again. */
  private async room(): Promise<void> {
    while (this.inFlightBytes > MAX_IN_FLIGHT_BYTES && this.inFlight.size > 0) await Promise.race(this.inFlight);
  }

  async close(): Promise<WriteSummary> {
    await this.drain();
    return { sent: this.sent, failed: this.failed, lastOffsets: this.lastOffsets };
  }

  private partitionOf(message: OutgoingMessage): number {
    if (this.options.partition !== undefined) return this.options.partition;
    if (message.key !== null) return partitionForKey(message.key, this.partitionCount);
    return this.stickyPartition;
  }

  /** A new producer id after a batch whose fate is unknown; one renewal for every partition that finds it stale. */
  private renewIdentity(): Promise<void> {
    this.identityRenewal ??= this.initProducerId()
      .catch(() => {}) // if this fails too, the sends report why
      .finally(() => {
        this.identityStale = false;
        this.identityRenewal = undefined;
      });
    return this.identityRenewal;
  }

  private async initProducerId(): Promise<void> {
    const deadline = Date.now() + this.client.requestTimeoutMs;
    let result: { producerId: string; producerEpoch: number };
    for (let backoff = 100; ; backoff = Math.min(backoff * 2, 1_000)) {
      try {
        result = await this.client.anyBroker((broker) => broker.initProducerId({ transactionTimeout: 60_000 }));
        break;
      } catch (error) {
        // A fresh cluster answers COORDINATOR_LOAD_IN_PROGRESS and the like for a moment.
        if (!(error as { retriable?: boolean }).retriable || Date.now() + backoff > deadline) throw error;
        await sleep(backoff);
      }
    }
    this.identity = { producerId: Number(result.producerId), producerEpoch: result.producerEpoch };
    this.sequences.clear();
  }

  private identityFor(partition: number): BatchIdentity {
    if (!this.identity) return NO_IDENTITY;
    return { ...this.identity, baseSequence: this.sequences.get(partition) ?? 0 };
  }

  private async refreshLeaders(): Promise<void> {
    this.leaderRefresh ??= fetchTopic(this.client, this.options.topic, 'produce to')
      .then((info) => {
        this.partitionCount = info.partitions.length;
        this.leaders = new Map(info.partitions.map((p) => [p.partition, p.leader]));
      })
      .finally(() => (this.leaderRefresh = undefined));
    return this.leaderRefresh;
  }

  private async leaderOf(partition: number): Promise<BrokerClient> {
    let leader = this.leaders.get(partition) ?? null;
    if (leader === null) {
      await this.refreshLeaders();
      leader = this.leaders.get(partition) ?? null;
      if (leader === null) throw new Error(`partition ${partition} has no leader`);
    }
    return this.client.broker(leader);
  }

  /** Sends one partition's messages as one batch until it succeeds, fails for good, or runs out of time. */
  private async sendPartition(partition: number, messages: OutgoingMessage[]): Promise<void> {
    const deadline = Date.now() + (this.options.deliveryTimeoutMs ?? 60_000);
    const timeoutMs = this.client.requestTimeoutMs;
    let backoff = 100;
    let lastProblem = '';
    for (;;) {
      let retriable = true;
      try {
        if (this.identityStale) await this.renewIdentity();
        const broker = await this.leaderOf(partition);
        const current = this.identity;
        const identity = this.identityFor(partition);
        const encoded = encodeBatch(messages, identity, COMPRESSION_CODES[this.options.compression], this.compress);
        const [result] = await requestProduce(
          broker,
          this.options.topic,
          ACKS[this.options.acks],
          new Map([[partition, encoded]]),
          timeoutMs,
        );
        if (!result || result.errorCode === NONE || result.errorCode === DUPLICATE_SEQUENCE_NUMBER) {
          // Under a producer id renewed meanwhile, this partition starts again at sequence 0.
          if (current && current === this.identity) this.sequences.set(partition, identity.baseSequence + messages.length);
          if (result && result.baseOffset >= 0) {
            const last = result.baseOffset + messages.length - 1;
            this.lastOffsets.set(partition, Math.max(last, this.lastOffsets.get(partition) ?? -1));
          }
          this.sent += messages.length;
          this.listener.onSent?.(messages.length);
          return;
        }
        if (TOO_LARGE.has(result.errorCode) && messages.length > 1) {
          // One oversized record fails the whole batch: halve until it stands alone, so the
          // others still go out and the report names the right message.
          const middle = messages.length >> 1;
          await this.sendPartition(partition, messages.slice(0, middle));
          await this.sendPartition(partition, messages.slice(middle));
          return;
        }
        if (result.recordErrors.length > 0 && result.recordErrors.length < messages.length) {
          // The broker rejected the batch because of these records; the rest can go again.
          const bad = new Set(result.recordErrors.map((e) => e.index));
          for (const e of result.recordErrors) {
            this.fail([messages[e.index]!], `${errorName(result.errorCode)}: ${e.message ?? result.errorMessage ?? ''}`);
          }
          await this.sendPartition(
            partition,
            messages.filter((_, i) => !bad.has(i)),
          );
          return;
        }
        retriable = PRODUCE_RETRIABLE.has(result.errorCode);
        lastProblem = await this.reasonOf(result.errorCode, result.errorMessage);
        if (retriable) this.leaders.set(partition, null);
      } catch (error) {
        if (error instanceof KafkaUserError) {
          retriable = false;
        } else {
          // A connection that broke mid-request: the batch may or may not have been written.
          this.leaders.set(partition, null);
          if (this.identity) this.identityStale = true;
        }
        lastProblem = errorMessage(error);
      }
      if (!retriable || Date.now() + backoff > deadline) {
        this.fail(messages, retriable ? `${lastProblem} (gave up after retrying)` : lastProblem);
        return;
      }
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 1_000);
    }
  }

  private fail(messages: readonly OutgoingMessage[], reason: string): void {
    this.failed += messages.length;
    for (const message of messages) this.listener.onFailure?.({ source: message.source, reason });
  }

  private async reasonOf(code: number, brokerMessage: string | null): Promise<string> {
    const base = `${errorName(code)}${brokerMessage ? `: ${brokerMessage}` : ''}`;
    if (!TOO_LARGE.has(code)) return base;
    this.messageLimit ??= await this.topicMessageLimit().catch(() => 'unknown');
    return `${base} (record larger than the topic's max.message.bytes=${this.messageLimit})`;
  }

  /** The effective max.message.bytes of the topic (its override or the broker default). */
  private async topicMessageLimit(): Promise<string> {
    const described = await this.client.anyBroker((broker) =>
      broker.describeConfigs({ resources: [{ type: TOPIC_CONFIG_RESOURCE, name: this.options.topic }], includeSynonyms: false }),
    );
    const entry = described.resources[0]?.configEntries.find((e) => e.configName === 'max.message.bytes');
    return entry?.configValue ?? 'unknown';
  }
}
