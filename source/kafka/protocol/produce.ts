// Produce v8 (Kafka 2.4+) and record batch v2 encoding, by hand. kafkajs's producer groups a
// batch's messages with an array copy per message (quadratic in the batch size) and builds
// several buffers per record; encoding one batch into one buffer is what makes the
// console producer fast. Produce v8 also returns per-record errors for failure reports.
import type { BrokerClient } from '../cluster-client.js';
import { crc32c } from './crc32c.js';
import type { Header } from '../record.js';
import {
  ATTRIBUTES,
  BASE_SEQUENCE,
  BASE_TIMESTAMP,
  BATCH_HEADER_BYTES,
  BATCH_LENGTH,
  BATCH_LENGTH_OVERHEAD,
  CRC,
  CURRENT_MAGIC,
  LAST_OFFSET_DELTA,
  MAGIC,
  MAX_TIMESTAMP,
  PARTITION_LEADER_EPOCH,
  PRODUCER_EPOCH,
  PRODUCER_ID,
  RECORD_COUNT,
} from './record-batch.js';
import { PRODUCE_V8, sendRequest } from './send-request.js';
import { writeZigzag as writeVarint, zigzagSize as varintSize } from './varint.js';

export interface BatchRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: readonly Header[];
  timestamp?: number;
}

export interface BatchIdentity {
  producerId: number;
  producerEpoch: number;
  /** The sequence number of the batch's first record; -1 without idempotence. */
  baseSequence: number;
}

export const NO_IDENTITY: BatchIdentity = { producerId: -1, producerEpoch: -1, baseSequence: -1 };

const bytesSize = (bytes: Buffer | null) => (bytes === null ? 1 : varintSize(bytes.length) + bytes.length);

function writeBytes(buffer: Buffer, at: number, bytes: Buffer | null): number {
  if (bytes === null) return writeVarint(buffer, at, -1);
  at = writeVarint(buffer, at, bytes.length);
  return at + bytes.copy(buffer, at);
}

/** The records section of a batch, uncompressed, after `prefix` bytes left for the batch header. */
function encodeRecords(records: readonly BatchRecord[], baseTimestamp: number, prefix: number): Buffer {
  const sizes = new Array<number>(records.length);
  const headerKeys: Array<Buffer[] | undefined> = new Array(records.length);
  let total = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    let size = 1 + varintSize((record.timestamp ?? baseTimestamp) - baseTimestamp) + varintSize(i);
    size += bytesSize(record.key) + bytesSize(record.value) + varintSize(record.headers.length);
    if (record.headers.length > 0) {
      const keys = record.headers.map(([key]) => Buffer.from(key, 'utf8'));
      headerKeys[i] = keys;
      for (let h = 0; h < keys.length; h++) size += bytesSize(keys[h]!) + bytesSize(record.headers[h]![1]);
    }
    sizes[i] = size;
    total += varintSize(size) + size;
  }
  const buffer = Buffer.allocUnsafe(prefix + total);
  let at = prefix;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    at = writeVarint(buffer, at, sizes[i]!);
    buffer[at++] = 0; // record attributes: unused
    at = writeVarint(buffer, at, (record.timestamp ?? baseTimestamp) - baseTimestamp);
    at = writeVarint(buffer, at, i);
    at = writeBytes(buffer, at, record.key);
    at = writeBytes(buffer, at, record.value);
    at = writeVarint(buffer, at, record.headers.length);
    const keys = headerKeys[i];
    if (keys) {
      for (let h = 0; h < keys.length; h++) {
        at = writeBytes(buffer, at, keys[h]!);
        at = writeBytes(buffer, at, record.headers[h]![1]);
      }
    }
  }
  return buffer;
}

/**
 * A complete record batch. `compress` turns the records section into the codec's bytes
 * (identity for none); `codec` is the attributes' compression number.
 */
export function encodeBatch(
  records: readonly BatchRecord[],
  identity: BatchIdentity,
  codec: number,
  compress: (data: Buffer) => Buffer,
  now = Date.now(),
): Buffer {
  let baseTimestamp = Infinity;
  let maxTimestamp = -Infinity;
  for (const record of records) {
    const timestamp = record.timestamp ?? now;
    if (timestamp < baseTimestamp) baseTimestamp = timestamp;
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
  }
  // Uncompressed, the records are written straight after the header's room; compressed, the
  // codec's output is copied in after it.
  const plain = encodeRecords(records, baseTimestamp, codec === 0 ? BATCH_HEADER_BYTES : 0);
  const body = codec === 0 ? plain.subarray(BATCH_HEADER_BYTES) : compress(plain);
  const batch = codec === 0 ? plain : Buffer.allocUnsafe(BATCH_HEADER_BYTES + body.length);
  batch.writeBigInt64BE(0n, 0); // base offset: the broker assigns it
  batch.writeInt32BE(BATCH_HEADER_BYTES - BATCH_LENGTH_OVERHEAD + body.length, BATCH_LENGTH);
  batch.writeInt32BE(-1, PARTITION_LEADER_EPOCH);
  batch.writeInt8(CURRENT_MAGIC, MAGIC);
  batch.writeInt16BE(codec, ATTRIBUTES);
  batch.writeInt32BE(records.length - 1, LAST_OFFSET_DELTA);
  batch.writeBigInt64BE(BigInt(baseTimestamp), BASE_TIMESTAMP);
  batch.writeBigInt64BE(BigInt(maxTimestamp), MAX_TIMESTAMP);
  batch.writeBigInt64BE(BigInt(identity.producerId), PRODUCER_ID);
  batch.writeInt16BE(identity.producerEpoch, PRODUCER_EPOCH);
  batch.writeInt32BE(identity.baseSequence, BASE_SEQUENCE);
  batch.writeInt32BE(records.length, RECORD_COUNT);
  if (batch !== plain) body.copy(batch, BATCH_HEADER_BYTES);
  batch.writeUInt32BE(crc32c(batch.subarray(ATTRIBUTES)), CRC);
  return batch;
}

export interface ProducePartitionResult {
  partition: number;
  errorCode: number;
  baseOffset: number;
  /** Per-record errors (INVALID_RECORD and the like): index in the batch and the broker's text. */
  recordErrors: Array<{ index: number; message: string | null }>;
  errorMessage: string | null;
}

function encodeProduceRequest(topic: string, acks: number, timeoutMs: number, batches: ReadonlyMap<number, Buffer>): Buffer {
  const name = Buffer.from(topic, 'utf8');
  let size = 2 + 2 + 4 + 4 + 2 + name.length + 4;
  for (const batch of batches.values()) size += 4 + 4 + batch.length;
  const b = Buffer.allocUnsafe(size);
  let at = b.writeInt16BE(-1, 0); // transactional id: none
  at = b.writeInt16BE(acks, at);
  at = b.writeInt32BE(timeoutMs, at);
  at = b.writeInt32BE(1, at);
  at = b.writeInt16BE(name.length, at);
  at += name.copy(b, at);
  at = b.writeInt32BE(batches.size, at);
  for (const [partition, batch] of batches) {
    at = b.writeInt32BE(partition, at);
    at = b.writeInt32BE(batch.length, at);
    at += batch.copy(b, at);
  }
  return b;
}

function decodeProduceResponse(payload: Buffer): ProducePartitionResult[] {
  let at = 0;
  const nullableString = (): string | null => {
    const length = payload.readInt16BE(at);
    at += 2;
    if (length < 0) return null;
    const text = payload.toString('utf8', at, at + length);
    at += length;
    return text;
  };
  const results: ProducePartitionResult[] = [];
  const topics = payload.readInt32BE(at);
  at += 4;
  for (let t = 0; t < topics; t++) {
    nullableString(); // topic name
    const partitions = payload.readInt32BE(at);
    at += 4;
    for (let p = 0; p < partitions; p++) {
      const partition = payload.readInt32BE(at);
      const errorCode = payload.readInt16BE(at + 4);
      const baseOffset = Number(payload.readBigInt64BE(at + 6));
      at += 4 + 2 + 8 + 8 + 8; // partition, error, base offset, log append time, log start offset
      const errorCount = payload.readInt32BE(at);
      at += 4;
      const recordErrors: ProducePartitionResult['recordErrors'] = [];
      for (let e = 0; e < errorCount; e++) {
        const index = payload.readInt32BE(at);
        at += 4;
        recordErrors.push({ index, message: nullableString() });
      }
      results.push({ partition, errorCode, baseOffset, recordErrors, errorMessage: nullableString() });
    }
  }
  return results;
}

/** Sends one Produce request; with acks=0 the broker does not answer and the result is empty. */
export async function requestProduce(
  broker: BrokerClient,
  topic: string,
  acks: number,
  batches: ReadonlyMap<number, Buffer>,
  timeoutMs: number,
): Promise<ProducePartitionResult[]> {
  const results = await sendRequest(broker, PRODUCE_V8, encodeProduceRequest(topic, acks, timeoutMs, batches), decodeProduceResponse, {
    // The broker's own timeout is in the request; ours leaves it room to answer.
    timeoutMs: timeoutMs + 5_000,
    expectResponse: acks !== 0,
  });
  return results ?? [];
}
