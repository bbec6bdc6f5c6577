// Writing records to a topic in batches, with every message accounted for: each one ends up
// either sent (with its partition and offset known) or failed (with the broker's reason).
// Partitioning happens here rather than in kafkajs, so that we know how many messages of a
// batch went to each partition and can turn the broker's base offsets into per-partition ends.
import { createRequire } from 'node:module';
import kafkajs, { type Message, type Producer } from 'kafkajs';
import type { ConnectionManager } from './connection.js';
import { registerCodecs, type CompressionName } from './codecs.js';
import { KafkaUserError, errorMessage } from './errors.js';
import type { Header } from './fetch-protocol.js';
import { fetchMetadata, withAnyBroker } from './metadata.js';

const require = createRequire(import.meta.url);
const murmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer) => number;

export type Acks = 'all' | '1' | '0';

export interface OutgoingMessage {
  key: Buffer | null;
  value: Buffer | null;
  headers: readonly Header[];
  /** Where the message came from, for failure reports (a line number for the CLI). */
  source: number;
  partition?: number;
  timestamp?: number;
}

export interface ProducerOptions {
  topic: string;
  acks: Acks;
  compression: CompressionName;
  /** Send every message to this partition. */
  partition?: number;
  /** A batch is sent once it holds this many messages or bytes. */
  batchMessages?: number;
  batchBytes?: number;
}

export interface SendFailure {
  source: number;
  reason: string;
}

export interface WriteSummary {
  sent: number;
  failed: number;
  /** The last offset written per partition (unknown with acks=0). */
  lastOffsets: Map<number, number>;
}

export interface WriteListener {
  onFailure?(failure: SendFailure): void;
  onSent?(count: number): void;
}

const ACKS: Record<Acks, number> = { all: -1, '1': 1, '0': 0 };
const COMPRESSION: Record<CompressionName, number> = {
  none: kafkajs.CompressionTypes.None,
  gzip: kafkajs.CompressionTypes.GZIP,
  snappy: kafkajs.CompressionTypes.Snappy,
  lz4: kafkajs.CompressionTypes.LZ4,
  zstd: kafkajs.CompressionTypes.ZSTD,
};
const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);
const TOPIC_CONFIG_RESOURCE = 2;

/** Java's default partitioner for keyed records: murmur2 of the key, so keys land where Java clients put them. */
export function partitionForKey(key: Buffer, partitionCount: number): number {
  return (murmur2(key) & 0x7fffffff) % partitionCount;
}

function errorType(error: unknown): string | undefined {
  let current = error as { type?: string; originalError?: unknown; errors?: unknown[] } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.type) return current.type;
    current = (current.originalError ?? current.errors?.[0]) as typeof current;
  }
  return undefined;
}

export class MessageWriter {
  private producer?: Producer;
  private partitionCount = 0;
  private batch: OutgoingMessage[] = [];
  private batchSize = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private stickyPartition = 0;
  private sent = 0;
  private failed = 0;
  private readonly lastOffsets = new Map<number, number>();
  private messageLimit?: string;

  constructor(
    private readonly connection: ConnectionManager,
    private readonly options: ProducerOptions,
    private readonly listener: WriteListener = {},
  ) {}

  /** Connects and checks the topic (and partition) exist; call before write(). */
  async open(): Promise<void> {
    registerCodecs();
    const [info] = (await fetchMetadata(this.connection, [this.options.topic])).topics;
    if (!info) throw new KafkaUserError(`unknown topic: ${this.options.topic}`);
    this.partitionCount = info.partitions.length;
    const { partition } = this.options;
    if (partition !== undefined && (partition < 0 || partition >= this.partitionCount)) {
      throw new KafkaUserError(`topic ${info.name} has no partition ${partition} (it has ${this.partitionCount}: 0-${this.partitionCount - 1})`);
    }
    this.stickyPartition = Math.floor(Math.random() * this.partitionCount);
    const idempotent = this.options.acks === 'all';
    this.producer = await this.connection.producer({ idempotent, maxInFlightRequests: idempotent ? 5 : undefined, allowAutoTopicCreation: false });
  }

  /** Queues a message; the returned promise settles once there is room for more (backpressure). */
  write(message: OutgoingMessage): Promise<void> | undefined {
    this.batch.push(message);
    this.batchSize += (message.key?.length ?? 0) + (message.value?.length ?? 0) + 24;
    if (this.batch.length >= (this.options.batchMessages ?? 20_000) || this.batchSize >= (this.options.batchBytes ?? 1 << 20)) {
      return this.flush();
    }
    return undefined;
  }

  /** Sends what is queued. One batch is in flight while the next one fills. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return this.inFlight;
    const batch = this.batch;
    this.batch = [];
    this.batchSize = 0;
    const previous = this.inFlight;
    await previous;
    this.inFlight = this.sendAccounted(batch);
  }

  async close(): Promise<WriteSummary> {
    await this.flush();
    await this.inFlight;
    return { sent: this.sent, failed: this.failed, lastOffsets: this.lastOffsets };
  }

  private partitionOf(message: OutgoingMessage): number {
    if (this.options.partition !== undefined) return this.options.partition;
    if (message.partition !== undefined && message.partition < this.partitionCount) return message.partition;
    if (message.key !== null) return partitionForKey(message.key, this.partitionCount);
    return this.stickyPartition;
  }

  private async sendAccounted(batch: OutgoingMessage[]): Promise<void> {
    // Keyless messages stick to one partition per batch, as Java's sticky partitioner does.
    this.stickyPartition = (this.stickyPartition + 1) % this.partitionCount;
    const partitioned = batch.map((message) => ({ message, partition: this.partitionOf(message) }));
    await this.sendOrSplit(partitioned);
  }

  private async sendOrSplit(batch: Array<{ message: OutgoingMessage; partition: number }>): Promise<void> {
    try {
      await this.send(batch);
    } catch (error) {
      // One oversized record fails its whole request; halve until it stands alone, so the
      // others still go out and the report names the right line.
      if (TOO_LARGE.has(errorType(error) ?? '') && batch.length > 1) {
        const middle = batch.length >> 1;
        await this.sendOrSplit(batch.slice(0, middle));
        await this.sendOrSplit(batch.slice(middle));
        return;
      }
      const reason = await this.reasonOf(error);
      this.failed += batch.length;
      for (const { message } of batch) this.listener.onFailure?.({ source: message.source, reason });
    }
  }

  private async send(batch: Array<{ message: OutgoingMessage; partition: number }>): Promise<void> {
    const counts = new Map<number, number>();
    const messages: Message[] = batch.map(({ message, partition }) => {
      counts.set(partition, (counts.get(partition) ?? 0) + 1);
      const headers: Record<string, Buffer | Buffer[]> = {};
      for (const [key, value] of message.headers) {
        const bytes = value ?? Buffer.alloc(0);
        const existing = headers[key];
        headers[key] = existing === undefined ? bytes : Array.isArray(existing) ? [...existing, bytes] : [existing, bytes];
      }
      return {
        key: message.key,
        value: message.value,
        partition,
        headers: message.headers.length > 0 ? headers : undefined,
        timestamp: message.timestamp === undefined ? undefined : String(message.timestamp),
      };
    });
    const metadata = await this.producer!.send({
      topic: this.options.topic,
      messages,
      acks: ACKS[this.options.acks],
      compression: COMPRESSION[this.options.compression],
    });
    for (const entry of metadata ?? []) {
      const count = counts.get(entry.partition);
      if (count === undefined || entry.baseOffset === undefined || Number(entry.baseOffset) < 0) continue;
      const last = Number(entry.baseOffset) + count - 1;
      this.lastOffsets.set(entry.partition, Math.max(last, this.lastOffsets.get(entry.partition) ?? -1));
    }
    this.sent += batch.length;
    this.listener.onSent?.(batch.length);
  }

  private async reasonOf(error: unknown): Promise<string> {
    const message = errorMessage(error);
    if (!TOO_LARGE.has(errorType(error) ?? '')) return message;
    this.messageLimit ??= await this.topicMessageLimit().catch(() => 'unknown');
    return `${message} (the topic's max.message.bytes is ${this.messageLimit})`;
  }

  /** The effective max.message.bytes of the topic (its override or the broker default). */
  private async topicMessageLimit(): Promise<string> {
    const cluster = await this.connection.cluster();
    const described = await withAnyBroker(cluster, (broker) =>
      broker.describeConfigs({ resources: [{ type: TOPIC_CONFIG_RESOURCE, name: this.options.topic }], includeSynonyms: false }),
    );
    const entry = described.resources[0]?.configEntries.find((e) => e.configName === 'max.message.bytes');
    return entry?.configValue ?? 'unknown';
  }
}
