// Fetch v11 (Kafka 2.3+, still served by 4.x) encoded and decoded by hand. kafkajs's own
// decoder builds several objects and a string offset per record and cannot be told to skip
// work; this one makes one small object per record whose key and value are views into the
// response buffer, and applies read_committed filtering per batch.
import type { BrokerClient } from '../cluster-client.js';
import { decompress } from '../codecs.js';
import { KafkaRecord, type Header } from '../record.js';
import {
  ATTR_COMPRESSION,
  ATTR_CONTROL,
  ATTR_TRANSACTIONAL,
  ATTRIBUTES,
  BATCH_HEADER_BYTES,
  BATCH_LENGTH,
  BATCH_LENGTH_OVERHEAD,
  CONTROL_ABORT,
  CURRENT_MAGIC,
  BASE_TIMESTAMP,
  LAST_OFFSET_DELTA,
  MAGIC,
  PRODUCER_ID,
  RECORD_COUNT,
  readInt64 as int64,
} from './record-batch.js';
import { FETCH_V11, sendRequest } from './send-request.js';
import { VarintReader } from './varint.js';

export interface FetchPartitionRequest {
  partition: number;
  offset: number;
  maxBytes: number;
}

export interface FetchRequest {
  topic: string;
  partitions: FetchPartitionRequest[];
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  readCommitted: boolean;
}

export interface FetchedPartition {
  partition: number;
  errorCode: number;
  /** The offset this partition was fetched from. */
  fetchOffset: number;
  /** The offset to fetch next: past every complete batch, including control and aborted ones; -1 if none. */
  nextOffset: number;
  /**
   * Decodes the records (the costly part, kept apart so the next fetch can be on its way
   * meanwhile), with read_committed filtering applied. `end`: leave out offsets from here on.
   */
  decodeRecords(end?: number): KafkaRecord[];
}

const NO_HEADERS: readonly Header[] = Object.freeze([]);

function encodeFetchRequest(request: FetchRequest): Buffer {
  const topic = Buffer.from(request.topic, 'utf8');
  const size = 4 * 4 + 1 + 4 + 4 + 4 + 2 + topic.length + 4 + request.partitions.length * 28 + 4 + 2;
  const b = Buffer.alloc(size);
  let at = 0;
  at = b.writeInt32BE(-1, at); // replica id: a consumer
  at = b.writeInt32BE(request.maxWaitMs, at);
  at = b.writeInt32BE(request.minBytes, at);
  at = b.writeInt32BE(request.maxBytes, at);
  at = b.writeInt8(request.readCommitted ? 1 : 0, at);
  at = b.writeInt32BE(0, at); // session id: no incremental fetch session
  at = b.writeInt32BE(-1, at); // session epoch -1: full fetch, do not create a session
  at = b.writeInt32BE(1, at); // one topic
  at = b.writeInt16BE(topic.length, at);
  at += topic.copy(b, at);
  at = b.writeInt32BE(request.partitions.length, at);
  for (const p of request.partitions) {
    at = b.writeInt32BE(p.partition, at);
    at = b.writeInt32BE(-1, at); // current leader epoch: unknown
    at = b.writeBigInt64BE(BigInt(p.offset), at);
    at = b.writeBigInt64BE(-1n, at); // log start offset: only followers send it
    at = b.writeInt32BE(p.maxBytes, at);
  }
  at = b.writeInt32BE(0, at); // no forgotten topics
  b.writeInt16BE(0, at); // empty rack id
  return b;
}

interface AbortedTransaction {
  producerId: number;
  firstOffset: number;
}

/** Decodes a Fetch v11 response body; throws only on a malformed response. */
/** fetchedFrom: the offset asked for per partition; a compressed batch may start before it. */
export function decodeFetchResponse(payload: Buffer, topic: string, fetchedFrom: ReadonlyMap<number, number>): FetchedPartition[] {
  let at = 4; // throttle time
  const errorCode = payload.readInt16BE(at);
  at += 2 + 4; // error code, session id
  const result: FetchedPartition[] = [];
  const topicCount = payload.readInt32BE(at);
  at += 4;
  for (let t = 0; t < topicCount; t++) {
    const nameLength = payload.readInt16BE(at);
    at += 2 + nameLength;
    const partitionCount = payload.readInt32BE(at);
    at += 4;
    for (let i = 0; i < partitionCount; i++) {
      const partition = payload.readInt32BE(at);
      const partitionError = payload.readInt16BE(at + 4) || errorCode;
      // The high watermark, last stable offset and log start offset (at + 6, 14, 22) are not
      // needed: the end offsets come from ListOffsets, and with an error they are -1.
      at += 30;
      const abortedCount = payload.readInt32BE(at);
      at += 4;
      const aborted: AbortedTransaction[] = [];
      for (let a = 0; a < abortedCount; a++) {
        aborted.push({ producerId: int64(payload, at), firstOffset: int64(payload, at + 8) });
        at += 16;
      }
      at += 4; // preferred read replica
      const recordsLength = payload.readInt32BE(at);
      at += 4;
      const start = at;
      const end = at + Math.max(recordsLength, 0);
      const fromOffset = fetchedFrom.get(partition) ?? 0;
      const fetched: FetchedPartition = {
        partition,
        errorCode: partitionError,
        fetchOffset: fromOffset,
        nextOffset: nextOffsetOf(payload, start, end),
        decodeRecords: (until = Infinity) => {
          const records: KafkaRecord[] = [];
          decodeBatches(payload, start, end, topic, partition, records, aborted, fromOffset, until);
          return records;
        },
      };
      at = end;
      result.push(fetched);
    }
  }
  return result;
}

/** The offset after the last complete batch, from the batch headers alone. */
function nextOffsetOf(buffer: Buffer, start: number, end: number): number {
  let next = -1;
  for (let at = start; at + BATCH_HEADER_BYTES <= end;) {
    const batchEnd = at + BATCH_LENGTH_OVERHEAD + buffer.readInt32BE(at + BATCH_LENGTH);
    if (batchEnd > end) break;
    next = int64(buffer, at) + buffer.readInt32BE(at + LAST_OFFSET_DELTA) + 1;
    at = batchEnd;
  }
  return next;
}

function decodeBatches(
  buffer: Buffer,
  start: number,
  end: number,
  topic: string,
  partition: number,
  into: KafkaRecord[],
  aborted: readonly AbortedTransaction[],
  fromOffset: number,
  until: number,
): void {
  // Each call walks its own copy: decoding the same response twice must filter the same way.
  const pending = [...aborted].sort((a, b) => a.firstOffset - b.firstOffset);
  const abortedProducers = new Set<number>();
  let at = start;
  // A response may end in a partial batch (cut at the byte limit): it is fetched again next time.
  while (at + BATCH_HEADER_BYTES <= end) {
    const baseOffset = int64(buffer, at);
    const batchEnd = at + BATCH_LENGTH_OVERHEAD + buffer.readInt32BE(at + BATCH_LENGTH);
    if (batchEnd > end) break;
    const magic = buffer.readInt8(at + MAGIC);
    if (magic !== CURRENT_MAGIC) throw new Error(`unsupported record format (magic ${magic}) at offset ${baseOffset}`);
    const attributes = buffer.readInt16BE(at + ATTRIBUTES);
    const lastOffset = baseOffset + buffer.readInt32BE(at + LAST_OFFSET_DELTA);
    const baseTimestamp = int64(buffer, at + BASE_TIMESTAMP);
    const producerId = int64(buffer, at + PRODUCER_ID);
    const count = buffer.readInt32BE(at + RECORD_COUNT);
    if (baseOffset >= until) break;
    const records = at + BATCH_HEADER_BYTES;
    at = batchEnd;

    // As the Java consumer does: first open every aborted transaction that starts at or before
    // this batch, then let a marker close its producer's. The other way round, a response that
    // starts at an abort marker keeps that transaction open and hides the producer's next commit.
    if (attributes & (ATTR_TRANSACTIONAL | ATTR_CONTROL)) {
      while (pending.length > 0 && pending[0]!.firstOffset <= lastOffset) {
        abortedProducers.add(pending.shift()!.producerId);
      }
    }
    if (attributes & ATTR_CONTROL) {
      // A commit or abort marker: never shown; an abort ends the producer's aborted transaction.
      if (controlType(buffer, records) === CONTROL_ABORT) abortedProducers.delete(producerId);
      continue;
    }
    if (attributes & ATTR_TRANSACTIONAL && abortedProducers.has(producerId)) continue;
    const codec = attributes & ATTR_COMPRESSION;
    if (codec === 0) {
      decodeRecords(buffer, records, batchEnd, count, baseOffset, baseTimestamp, fromOffset, until, topic, partition, into);
    } else {
      const plain = decompress(codec, buffer.subarray(records, batchEnd));
      decodeRecords(plain, 0, plain.length, count, baseOffset, baseTimestamp, fromOffset, until, topic, partition, into);
    }
  }
}

/** The type field of a control record's key (version int16, type int16). */
function controlType(buffer: Buffer, at: number): number {
  // Record: length varint, attributes int8, timestamp delta varint, offset delta varint, key length varint, key.
  const r = new VarintReader(buffer, at);
  r.unsigned(); // length
  r.at += 1; // attributes
  r.unsigned(); // timestamp delta
  r.unsigned(); // offset delta
  r.unsigned(); // key length
  return buffer.readInt16BE(r.at + 2);
}

function decodeRecords(
  buffer: Buffer,
  start: number,
  end: number,
  count: number,
  baseOffset: number,
  baseTimestamp: number,
  fromOffset: number,
  until: number,
  topic: string,
  partition: number,
  out: KafkaRecord[],
): void {
  let at = start;

  // Zigzag varints (varint.ts's readZigzag), inlined as a closure over `at`: this loop runs once
  // per field of every record consumed, and a shared reader object measured slower here.
  const varint = (): number => {
    let byte = buffer[at++]!;
    let value = byte & 0x7f;
    for (let multiplier = 128; byte & 0x80; multiplier *= 128) {
      byte = buffer[at++]!;
      value += (byte & 0x7f) * multiplier;
    }
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  };
  const bytes = (): Buffer | null => {
    const length = varint();
    if (length < 0) return null;
    const value = buffer.subarray(at, at + length);
    at += length;
    return value;
  };

  for (let i = 0; i < count && at < end; i++) {
    varint(); // record length
    at += 1; // attributes
    const timestamp = baseTimestamp + varint();
    const offset = baseOffset + varint();
    const keyLength = varint();
    const keyStart = at;
    if (keyLength > 0) at += keyLength;
    const valueLength = varint();
    const valueStart = at;
    if (valueLength > 0) at += valueLength;
    const headerCount = varint();
    let headers = NO_HEADERS;
    if (headerCount > 0) {
      const list: Header[] = [];
      for (let h = 0; h < headerCount; h++) {
        const name = bytes();
        list.push([name ? name.toString('utf8') : '', bytes()]);
      }
      headers = list;
    }
    if (offset >= until) return;
    if (offset >= fromOffset) {
      out.push(
        new KafkaRecord(topic, partition, offset, timestamp, null, null, headers, buffer, keyStart, keyLength, valueStart, valueLength),
      );
    }
  }
}

export async function requestFetch(broker: BrokerClient, request: FetchRequest, timeoutMs: number): Promise<FetchedPartition[]> {
  const fetchedFrom = new Map(request.partitions.map((p) => [p.partition, p.offset]));
  const decode = (payload: Buffer) => decodeFetchResponse(payload, request.topic, fetchedFrom);
  const response = await sendRequest(broker, FETCH_V11, encodeFetchRequest(request), decode, { timeoutMs });
  return response!;
}
