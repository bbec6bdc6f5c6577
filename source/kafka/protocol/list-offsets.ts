// ListOffsets v4 (Kafka 2.1+, still served by 4.x) encoded and decoded by hand, so that each
// partition's error code reaches us. kafkajs's ListOffsets parser throws the first partition
// error for the whole response: one partition its leader has not loaded yet (a broker creating
// thousands of new partitions answers NOT_LEADER_OR_FOLLOWER for minutes) lost the offsets of
// every other partition in the request.
import type { BrokerClient } from '../cluster-client.js';
import { readInt64 } from './record-batch.js';
import { LIST_OFFSETS_V4, sendRequest } from './send-request.js';

/** A broker answers any size, but smaller requests let one slow or failing chunk spoil less, and leaders work on them in turn. */
export const MAX_PARTITIONS_PER_REQUEST = 2_000;

export interface OffsetsQuery {
  /** EARLIEST (-2), LATEST (-1) or epoch ms. */
  timestamp: number;
  isolationLevel: number;
  /** topic → partitions */
  partitions: ReadonlyMap<string, readonly number[]>;
}

export interface PartitionOffsetAnswer {
  topic: string;
  partition: number;
  errorCode: number;
  /** -1 when the broker has none (e.g. no message at or after the timestamp). */
  offset: number;
}

/** Splits topic → partitions into maps of at most `max` partitions, keeping a topic's partitions together where they fit. */
export function splitPartitions(
  partitions: ReadonlyMap<string, readonly number[]>,
  max = MAX_PARTITIONS_PER_REQUEST,
): Array<Map<string, number[]>> {
  const chunks: Array<Map<string, number[]>> = [];
  let chunk = new Map<string, number[]>();
  let size = 0;
  for (const [topic, list] of partitions) {
    for (let from = 0; from < list.length;) {
      if (size === max) {
        chunks.push(chunk);
        chunk = new Map();
        size = 0;
      }
      const take = list.slice(from, from + (max - size));
      chunk.set(topic, take);
      size += take.length;
      from += take.length;
    }
  }
  if (size > 0) chunks.push(chunk);
  return chunks;
}

export function encodeListOffsetsRequest(query: OffsetsQuery): Buffer {
  let size = 4 + 1 + 4;
  const names = new Map<string, Buffer>();
  for (const [topic, list] of query.partitions) {
    const name = Buffer.from(topic, 'utf8');
    names.set(topic, name);
    size += 2 + name.length + 4 + list.length * 16;
  }
  const b = Buffer.alloc(size);
  let at = b.writeInt32BE(-1, 0); // replica id: a client
  at = b.writeInt8(query.isolationLevel, at);
  at = b.writeInt32BE(query.partitions.size, at);
  for (const [topic, list] of query.partitions) {
    const name = names.get(topic)!;
    at = b.writeInt16BE(name.length, at);
    at += name.copy(b, at);
    at = b.writeInt32BE(list.length, at);
    for (const partition of list) {
      at = b.writeInt32BE(partition, at);
      at = b.writeInt32BE(-1, at); // current leader epoch: unknown, so no epoch check
      at = b.writeBigInt64BE(BigInt(query.timestamp), at);
    }
  }
  return b;
}

export function decodeListOffsetsResponse(payload: Buffer): PartitionOffsetAnswer[] {
  const answers: PartitionOffsetAnswer[] = [];
  let at = 4; // throttle time
  const topics = payload.readInt32BE(at);
  at += 4;
  for (let t = 0; t < topics; t++) {
    const nameLength = payload.readInt16BE(at);
    const topic = payload.toString('utf8', at + 2, at + 2 + nameLength);
    at += 2 + nameLength;
    const partitions = payload.readInt32BE(at);
    at += 4;
    for (let i = 0; i < partitions; i++) {
      // partition, error code, timestamp, offset, leader epoch
      answers.push({
        topic,
        partition: payload.readInt32BE(at),
        errorCode: payload.readInt16BE(at + 4),
        offset: readInt64(payload, at + 14),
      });
      at += 4 + 2 + 8 + 8 + 4;
    }
  }
  return answers;
}

/** One ListOffsets request to one broker; every partition comes back with its own error code. */
export async function sendListOffsets(broker: BrokerClient, query: OffsetsQuery, timeoutMs: number): Promise<PartitionOffsetAnswer[]> {
  return (await sendRequest(broker, LIST_OFFSETS_V4, encodeListOffsetsRequest(query), decodeListOffsetsResponse, { timeoutMs })) ?? [];
}
