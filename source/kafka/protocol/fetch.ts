// Fetch v11 (Kafka 2.3+, still served by 4.x) encoded and decoded by hand. kafkajs's own
// decoder builds several objects and a string offset per record and cannot be told to skip
// work; this one makes one small object per record whose key and value are views into the
// response buffer, and applies read_committed filtering per batch.
import type { BrokerClient } from '../cluster-client.js';
import { decompress, decompressedLimit } from '../codecs.js';
import { crc32c } from './crc32c.js';
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
  CRC,
  CURRENT_MAGIC,
  BASE_TIMESTAMP,
  LAST_OFFSET_DELTA,
  MAGIC,
  PRODUCER_ID,
  RECORD_COUNT,
  readInt64 as int64,
} from './record-batch.js';
import { DecodeError, corruptBatch } from './decode-error.js';
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

/**
 * Decodes a Fetch v11 response body. Every length and count is checked against the bytes
 * there, so a truncated or lying response throws a DecodeError instead of reading past it,
 * looping or allocating on its word. fetchedFrom: the offset asked for per partition; a
 * compressed batch may start before it.
 */
export function decodeFetchResponse(payload: Buffer, topic: string, fetchedFrom: ReadonlyMap<number, number>): FetchedPartition[] {
  let at = 0;
  /** Moves past `bytes` bytes, checked; returns where they start. */
  const take = (bytes: number, what: string): number => {
    if (bytes < 0 || at + bytes > payload.length) {
      throw new DecodeError(`malformed Fetch response for ${topic}: ${what} runs past its end (${payload.length} bytes)`);
    }
    at += bytes;
    return at - bytes;
  };
  take(4, 'the throttle time');
  const errorCode = payload.readInt16BE(take(2, 'the error code'));
  take(4, 'the session id');
  const result: FetchedPartition[] = [];
  // Counts only bound loops whose every turn takes bytes: a lying count runs out of them.
  const topicCount = payload.readInt32BE(take(4, 'the topic count'));
  for (let t = 0; t < topicCount; t++) {
    take(payload.readInt16BE(take(2, 'a topic name length')), 'a topic name');
    const partitionCount = payload.readInt32BE(take(4, 'the partition count'));
    for (let i = 0; i < partitionCount; i++) {
      // Partition, error code, then the high watermark, last stable offset and log start offset,
      // which are not needed: the end offsets come from ListOffsets, and with an error they are -1.
      const header = take(4 + 2 + 8 + 8 + 8, 'a partition header');
      const partition = payload.readInt32BE(header);
      const partitionError = payload.readInt16BE(header + 4) || errorCode;
      const abortedCount = payload.readInt32BE(take(4, 'the aborted transaction count')); // -1: null
      const aborted: AbortedTransaction[] = [];
      for (let a = 0; a < abortedCount; a++) {
        const entry = take(16, 'an aborted transaction');
        aborted.push({ producerId: int64(payload, entry), firstOffset: int64(payload, entry + 8) });
      }
      take(4, 'the preferred read replica');
      const recordsLength = payload.readInt32BE(take(4, 'the records length')); // -1: null
      const start = take(Math.max(recordsLength, 0), `the records of partition ${partition}`);
      const end = at;
      const fromOffset = fetchedFrom.get(partition) ?? 0;
      result.push({
        partition,
        errorCode: partitionError,
        fetchOffset: fromOffset,
        nextOffset: nextOffsetOf(payload, start, end, topic, partition),
        decodeRecords: (until = Infinity) => {
          const records: KafkaRecord[] = [];
          decodeBatches(payload, start, end, topic, partition, records, aborted, fromOffset, until);
          return records;
        },
      });
    }
  }
  return result;
}

/** Fewest bytes after the length field: the rest of a batch header. */
const MIN_BATCH_LENGTH = BATCH_HEADER_BYTES - BATCH_LENGTH_OVERHEAD;

/**
 * Where the batch at `at` ends, or -1 for a partial batch at the end of the records (a response
 * is cut at the byte limit; the rest is fetched next time). A batch too short for its header
 * or of another format than v2 is corrupt.
 */
function batchEndOf(buffer: Buffer, at: number, end: number, topic: string, partition: number): number {
  if (at + BATCH_HEADER_BYTES > end) return -1;
  const length = buffer.readInt32BE(at + BATCH_LENGTH);
  if (length < MIN_BATCH_LENGTH) {
    throw corruptBatch(topic, partition, int64(buffer, at), `its length ${length} is shorter than a batch header`);
  }
  const batchEnd = at + BATCH_LENGTH_OVERHEAD + length;
  if (batchEnd > end) return -1;
  const magic = buffer.readInt8(at + MAGIC);
  if (magic !== CURRENT_MAGIC) {
    throw corruptBatch(topic, partition, int64(buffer, at), `unsupported record format (magic ${magic}; only v2, Kafka 0.11+, is read)`);
  }
  if (buffer.readInt32BE(at + LAST_OFFSET_DELTA) < 0) {
    throw corruptBatch(topic, partition, int64(buffer, at), 'its last offset delta is negative');
  }
  return batchEnd;
}

/** The offset after the last complete batch, from the batch headers alone. */
function nextOffsetOf(buffer: Buffer, start: number, end: number, topic: string, partition: number): number {
  let next = -1;
  for (let at = start, batchEnd: number; (batchEnd = batchEndOf(buffer, at, end, topic, partition)) >= 0; at = batchEnd) {
    next = int64(buffer, at) + buffer.readInt32BE(at + LAST_OFFSET_DELTA) + 1;
  }
  return next;
}

const hex = (value: number) => `0x${value.toString(16).padStart(8, '0')}`;

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
  // Shared by the partition's compressed batches: what one response may make us allocate.
  let decompressBudget = decompressedLimit(end - start);
  let at = start;
  for (let batchEnd: number; (batchEnd = batchEndOf(buffer, at, end, topic, partition)) >= 0;) {
    const baseOffset = int64(buffer, at);
    if (baseOffset >= until) break;
    const corrupt = (what: string) => corruptBatch(topic, partition, baseOffset, what);
    // As the Java consumer does with check.crcs=true (its default): a batch damaged on disk or on
    // the way is an error, not records with wrong bytes.
    const storedCrc = buffer.readUInt32BE(at + CRC);
    const crc = crc32c(buffer.subarray(at + ATTRIBUTES, batchEnd));
    if (crc !== storedCrc) throw corrupt(`CRC-32C mismatch (stored ${hex(storedCrc)}, computed ${hex(crc)})`);
    const attributes = buffer.readInt16BE(at + ATTRIBUTES);
    const lastOffset = baseOffset + buffer.readInt32BE(at + LAST_OFFSET_DELTA);
    const baseTimestamp = int64(buffer, at + BASE_TIMESTAMP);
    const producerId = int64(buffer, at + PRODUCER_ID);
    const count = buffer.readInt32BE(at + RECORD_COUNT);
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
      if (controlType(buffer, records, batchEnd, corrupt) === CONTROL_ABORT) abortedProducers.delete(producerId);
      continue;
    }
    if (attributes & ATTR_TRANSACTIONAL && abortedProducers.has(producerId)) continue;
    const batch: BatchInfo = { count, baseOffset, lastOffset, baseTimestamp, corrupt };
    const codec = attributes & ATTR_COMPRESSION;
    if (codec === 0) {
      decodeRecords(buffer, records, batchEnd, batch, fromOffset, until, topic, partition, into);
    } else {
      let plain: Buffer;
      try {
        plain = decompress(codec, buffer.subarray(records, batchEnd), decompressBudget);
      } catch (error) {
        throw corrupt(`its records do not decompress (codec ${codec}): ${(error as Error).message}`);
      }
      decompressBudget -= plain.length;
      decodeRecords(plain, 0, plain.length, batch, fromOffset, until, topic, partition, into);
    }
  }
}

/** The type field of a control record's key (version int16, type int16). */
function controlType(buffer: Buffer, at: number, end: number, corrupt: (what: string) => DecodeError): number {
  // Record: length varint, attributes int8, timestamp delta varint, offset delta varint, key length varint, key.
  const r = new VarintReader(buffer.subarray(0, end), at);
  try {
    r.unsigned(); // length
    r.at += 1; // attributes
    r.unsigned(); // timestamp delta
    r.unsigned(); // offset delta
    r.unsigned(); // key length
  } catch (error) {
    throw corrupt(`its control record is malformed: ${(error as Error).message}`);
  }
  if (r.at + 4 > end) throw corrupt('its control record key is cut short');
  return buffer.readInt16BE(r.at + 2);
}

interface BatchInfo {
  count: number;
  baseOffset: number;
  lastOffset: number;
  baseTimestamp: number;
  corrupt: (what: string) => DecodeError;
}

/** Varints longer than this many bytes: past any int64 we can hold exactly (2^53). */
const MAX_VARINT_MULTIPLIER = 128 ** 7;

function decodeRecords(
  buffer: Buffer,
  start: number,
  end: number,
  { count, baseOffset, lastOffset, baseTimestamp, corrupt }: BatchInfo,
  fromOffset: number,
  until: number,
  topic: string,
  partition: number,
  out: KafkaRecord[],
): void {
  let at = start;

  // Zigzag varints (varint.ts's readZigzag), inlined as a closure over `at`: this loop runs once
  // per field of every record consumed, and a shared reader object measured slower here.
  // Reading past `end` gives 0s (undefined & 0x7f); the record length check below catches it.
  const varint = (): number => {
    let byte = buffer[at++]!;
    let value = byte & 0x7f;
    for (let multiplier = 128; byte & 0x80; multiplier *= 128) {
      if (multiplier > MAX_VARINT_MULTIPLIER) throw corrupt('a varint is longer than 8 bytes');
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

  if (count < 0 || count > end - start) throw corrupt(`it declares ${count} records in ${end - start} bytes`);
  let i = 0;
  for (; i < count && at < end; i++) {
    const length = varint();
    const recordEnd = at + length;
    if (!(length > 0 && recordEnd <= end)) throw corrupt(`record ${i} has a length of ${length}, past the end of the batch`);
    at += 1; // attributes
    const timestamp = baseTimestamp + varint();
    const offset = baseOffset + varint();
    if (offset < baseOffset || offset > lastOffset) throw corrupt(`record ${i} has offset ${offset}, outside the batch`);
    const keyLength = varint();
    const keyStart = at;
    if (keyLength > 0) at += keyLength;
    const valueLength = varint();
    const valueStart = at;
    if (valueLength > 0) at += valueLength;
    const headerCount = varint();
    if (keyLength < -1 || valueLength < -1 || headerCount < 0 || headerCount > end - at) {
      throw corrupt(`record ${i} has a negative or oversized key, value or header count`);
    }
    let headers = NO_HEADERS;
    if (headerCount > 0) {
      const list: Header[] = [];
      for (let h = 0; h < headerCount; h++) {
        const name = bytes();
        list.push([name ? name.toString('utf8') : '', bytes()]);
      }
      headers = list;
    }
    if (at !== recordEnd) throw corrupt(`record ${i} has fields that do not add up to its length`);
    if (offset >= until) return;
    if (offset >= fromOffset) {
      out.push(
        new KafkaRecord(topic, partition, offset, timestamp, null, null, headers, buffer, keyStart, keyLength, valueStart, valueLength),
      );
    }
  }
  if (i < count) throw corrupt(`it declares ${count} records but holds ${i}`);
  if (at < end) throw corrupt(`it has ${end - at} bytes after its last record`);
}

export async function requestFetch(broker: BrokerClient, request: FetchRequest, timeoutMs: number): Promise<FetchedPartition[]> {
  const fetchedFrom = new Map(request.partitions.map((p) => [p.partition, p.offset]));
  const decode = (payload: Buffer) => decodeFetchResponse(payload, request.topic, fetchedFrom);
  const response = await sendRequest(broker, FETCH_V11, encodeFetchRequest(request), decode, { timeoutMs });
  return response!;
}
