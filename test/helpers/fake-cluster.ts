// An in-memory ClusterClient for the reader's unit tests: one topic whose partitions have a
// leader (or none), a log per partition, and a hook before every fetch to move leaders, inject
// error codes or break the connection. Requests and responses go through the real codecs.
import type { BrokerClient, ClusterClient, WireRequest } from '../../source/kafka/cluster-client.js';
import {
  LEADER_NOT_AVAILABLE,
  NONE,
  NOT_LEADER_OR_FOLLOWER,
  OFFSET_OUT_OF_RANGE,
  UNKNOWN_TOPIC_OR_PARTITION,
} from '../../source/kafka/protocol/error-codes.js';
import { NO_IDENTITY, encodeBatch } from '../../source/kafka/protocol/produce.js';
import { FETCH_V11, LIST_OFFSETS_V4, METADATA_V12 } from '../../source/kafka/protocol/send-request.js';
import { KafkaBytes } from './kafka-bytes.js';

export interface FakePartition {
  leader: number | null;
  logStart: number;
  /** Values at offsets logStart, logStart + 1, ... */
  values: string[];
}

export interface FetchAttempt {
  broker: number;
  partition: number;
  offset: number;
  /** Fetches so far, this one included. */
  count: number;
}

export class FakeCluster implements ClusterClient {
  readonly requestTimeoutMs = 1_000;
  readonly partitions = new Map<number, FakePartition>();
  /** Brokers that accept connections. */
  readonly live = new Set<number>([1, 2, 3]);
  /** Records per fetched batch: small, so a read takes several fetches. */
  batchSize = 3;
  fetches = 0;
  metadataRequests = 0;
  /** The topic is gone: metadata and fetches answer UNKNOWN_TOPIC_OR_PARTITION. */
  deleted = false;
  /** Changes when the topic is deleted and created again. */
  topicId = Buffer.alloc(16, 1);
  /** Called before each partition of each fetch: may change the cluster, return an error code, or throw (a broken connection). */
  beforeFetch: (attempt: FetchAttempt) => number | void = () => {};

  constructor(readonly topic: string) {}

  partition(id: number, leader: number | null, values: string[], logStart = 0): this {
    this.partitions.set(id, { leader, logStart, values });
    return this;
  }

  anyBroker<T>(request: (broker: BrokerClient) => Promise<T>): Promise<T> {
    const [id] = [...this.live];
    if (id === undefined) return Promise.reject(new Error('no broker reachable'));
    return request(new FakeBroker(this, id));
  }

  async broker(nodeId: number): Promise<BrokerClient> {
    if (!this.live.has(nodeId)) throw new Error(`Connection error: connect ECONNREFUSED (broker ${nodeId})`);
    return new FakeBroker(this, nodeId);
  }

  async syncBrokers(): Promise<void> {}

  metadataResponse(): Buffer {
    this.metadataRequests++;
    const w = new KafkaBytes().uvarint(0).int32(0); // header tags, throttle
    w.uvarint(this.live.size + 1);
    for (const id of this.live)
      w.int32(id)
        .compactString('127.0.0.1')
        .int32(9000 + id)
        .compactString(null)
        .uvarint(0);
    w.compactString('fake-cluster').int32(1).uvarint(2); // cluster id, controller, one topic
    w.int16(this.deleted ? UNKNOWN_TOPIC_OR_PARTITION : NONE)
      .compactString(this.topic)
      .push(this.deleted ? Buffer.alloc(16) : this.topicId)
      .push(Buffer.from([0])); // error, name, id, internal
    const partitions = this.deleted ? [] : [...this.partitions];
    w.uvarint(partitions.length + 1);
    for (const [id, p] of partitions) {
      const leader = p.leader ?? -1;
      w.int16(p.leader === null ? LEADER_NOT_AVAILABLE : NONE)
        .int32(id)
        .int32(leader)
        .int32(0);
      w.int32s([1, 2, 3])
        .int32s(p.leader === null ? [] : [leader])
        .int32s([])
        .uvarint(0);
    }
    return w.int32(0).uvarint(0).uvarint(0).toBuffer();
  }

  async fetchResponse(broker: number, body: Buffer): Promise<Buffer> {
    const maxWaitMs = body.readInt32BE(4);
    let at = 4 * 4 + 1 + 4 + 4 + 4;
    at += 2 + body.readInt16BE(at); // the one topic's name
    const count = body.readInt32BE(at);
    at += 4;
    const asked: Array<{ partition: number; offset: number }> = [];
    for (let i = 0; i < count; i++, at += 28) {
      asked.push({ partition: body.readInt32BE(at), offset: Number(body.readBigInt64BE(at + 8)) });
    }
    this.fetches++;
    const topic = Buffer.from(this.topic);
    const w = new KafkaBytes().int32(0).int16(NONE).int32(0).int32(1).int16(topic.length).push(topic).int32(asked.length);
    let empty = true;
    for (const { partition, offset } of asked) {
      const p = this.partitions.get(partition)!;
      let error = this.beforeFetch({ broker, partition, offset, count: this.fetches }) ?? NONE;
      if (error === NONE && this.deleted) error = UNKNOWN_TOPIC_OR_PARTITION;
      if (error === NONE && p.leader !== broker) error = NOT_LEADER_OR_FOLLOWER;
      const end = p.logStart + p.values.length;
      if (error === NONE && (offset < p.logStart || offset > end)) error = OFFSET_OUT_OF_RANGE;
      let records = Buffer.alloc(0);
      if (error === NONE && offset < end) {
        const values = p.values.slice(offset - p.logStart, offset - p.logStart + this.batchSize);
        records = encodeBatch(
          values.map((v) => ({ key: null, value: Buffer.from(v), headers: [] })),
          NO_IDENTITY,
          0,
          (d) => d,
        );
        records.writeBigInt64BE(BigInt(offset), 0);
        empty = false;
      }
      w.int32(partition).int16(error).int64(end).int64(end).int64(p.logStart).int32(0).int32(-1).int32(records.length).push(records);
    }
    // Like a broker holding an empty fetch open for maxWait (kept short for tests).
    if (empty) await new Promise((resolve) => setTimeout(resolve, Math.min(maxWaitMs, 20)));
    return w.toBuffer();
  }

  /** ListOffsets v4 requests each broker received: how many partitions each asked for. */
  readonly listOffsetsRequests: Array<{ broker: number; partitions: number }> = [];
  /** Called per partition of each ListOffsets: an error code for it, or nothing. */
  offsetsError: (partition: number, broker: number) => number | void = () => {};

  /** Answers ListOffsets v4 from the logs: the leader answers, any other broker says NOT_LEADER_OR_FOLLOWER. */
  listOffsetsResponse(broker: number, body: Buffer): Buffer {
    let at = 4 + 1;
    const topics = body.readInt32BE(at);
    at += 4;
    const w = new KafkaBytes().int32(0).int32(topics);
    let asked = 0;
    for (let t = 0; t < topics; t++) {
      const nameLength = body.readInt16BE(at);
      const name = body.toString('utf8', at + 2, at + 2 + nameLength);
      at += 2 + nameLength;
      const count = body.readInt32BE(at);
      at += 4;
      w.int16(nameLength).push(Buffer.from(name)).int32(count);
      for (let i = 0; i < count; i++, at += 16) {
        const partition = body.readInt32BE(at);
        const timestamp = Number(body.readBigInt64BE(at + 8));
        const known = name === this.topic && this.partitions.has(partition);
        const error = !known
          ? UNKNOWN_TOPIC_OR_PARTITION
          : this.partitions.get(partition)!.leader !== broker
            ? NOT_LEADER_OR_FOLLOWER
            : (this.offsetsError(partition, broker) ?? NONE);
        w.int32(partition)
          .int16(error)
          .int64(-1)
          .int64(error === NONE ? this.offsets(partition, timestamp) : -1)
          .int32(0);
        asked++;
      }
    }
    this.listOffsetsRequests.push({ broker, partitions: asked });
    return w.toBuffer();
  }

  offsets(partition: number, timestamp: number): number {
    const p = this.partitions.get(partition)!;
    return timestamp === -2 ? p.logStart : p.logStart + p.values.length;
  }
}

class FakeBroker implements BrokerClient {
  constructor(
    private readonly cluster: FakeCluster,
    private readonly id: number,
  ) {}

  versions() {
    return { minVersion: 0, maxVersion: 12 };
  }

  async send<T>(request: WireRequest<T>): Promise<T | undefined> {
    if (!this.cluster.live.has(this.id)) throw new Error(`Connection error: socket hang up (broker ${this.id})`);
    if (request.apiKey === METADATA_V12.key) return request.decode(this.cluster.metadataResponse());
    if (request.apiKey === FETCH_V11.key) return request.decode(await this.cluster.fetchResponse(this.id, request.body));
    if (request.apiKey === LIST_OFFSETS_V4.key) return request.decode(this.cluster.listOffsetsResponse(this.id, request.body));
    throw new Error(`the fake cluster does not answer API ${request.apiKey}`);
  }

  async initProducerId(): Promise<never> {
    throw new Error('the fake cluster has no producer ids');
  }

  async describeConfigs(): Promise<never> {
    throw new Error('the fake cluster has no configs');
  }
}
