// Fetch v11 response bodies and record batches for decoder tests, built by hand around batches
// from our encoder: a broker's base offset, attributes and a CRC to match.
import { crc32c } from '../../source/kafka/protocol/crc32c.js';
import {
  ATTRIBUTES,
  BATCH_HEADER_BYTES,
  BATCH_LENGTH,
  CRC,
  LAST_OFFSET_DELTA,
  RECORD_COUNT,
} from '../../source/kafka/protocol/record-batch.js';

/** Recomputes a batch's CRC-32C over its bytes from the attributes on, as a broker would have written it. */
export function withCrc(batch: Buffer): Buffer {
  batch.writeUInt32BE(crc32c(batch.subarray(ATTRIBUTES)), CRC);
  return batch;
}

/** A copy of a batch with the base offset a broker would give it (the encoder leaves it 0). */
export function atOffset(batch: Buffer, baseOffset: number): Buffer {
  const copy = Buffer.from(batch);
  copy.writeBigInt64BE(BigInt(baseOffset), 0);
  return copy;
}

/** Sets a batch's attributes, and its CRC to match. */
export function withAttributes(batch: Buffer, attributes: number): Buffer {
  batch.writeInt16BE(attributes, ATTRIBUTES);
  return withCrc(batch);
}

/** The header of `template` around other record bytes: length, count, last offset delta and CRC made to match. */
export function rebatch(template: Buffer, records: Buffer, count: number, lastOffsetDelta = count - 1): Buffer {
  const batch = Buffer.concat([template.subarray(0, BATCH_HEADER_BYTES), records]);
  batch.writeInt32BE(batch.length - 12, BATCH_LENGTH);
  batch.writeInt32BE(count, RECORD_COUNT);
  batch.writeInt32BE(lastOffsetDelta, LAST_OFFSET_DELTA);
  return withCrc(batch);
}

/** A Fetch v11 response body for topic t, partition 0, holding `records`. */
export function fetchResponse(records: Buffer, aborted: Array<[producerId: number, firstOffset: number]> = []): Buffer {
  const topic = Buffer.from('t');
  const head = Buffer.alloc(4 + 2 + 4 + 4 + 2 + topic.length + 4 + 4 + 2 + 8 * 3 + 4);
  let p = 0;
  p = head.writeInt32BE(0, p); // throttle
  p = head.writeInt16BE(0, p); // error
  p = head.writeInt32BE(0, p); // session
  p = head.writeInt32BE(1, p); // topics
  p = head.writeInt16BE(topic.length, p);
  p += topic.copy(head, p);
  p = head.writeInt32BE(1, p); // partitions
  p = head.writeInt32BE(0, p); // partition 0
  p = head.writeInt16BE(0, p);
  p = head.writeBigInt64BE(100n, p); // high watermark
  p = head.writeBigInt64BE(100n, p);
  p = head.writeBigInt64BE(0n, p);
  head.writeInt32BE(aborted.length, p);
  const abortedBytes = Buffer.alloc(aborted.length * 16);
  aborted.forEach(([producerId, first], i) => {
    abortedBytes.writeBigInt64BE(BigInt(producerId), i * 16);
    abortedBytes.writeBigInt64BE(BigInt(first), i * 16 + 8);
  });
  const tail = Buffer.alloc(8);
  tail.writeInt32BE(-1, 0); // preferred read replica
  tail.writeInt32BE(records.length, 4);
  return Buffer.concat([head, abortedBytes, tail, records]);
}
