// The record batch v2 (magic 2) layout, shared by the produce encoder and the fetch decoder.
// https://kafka.apache.org/documentation/#recordbatch

/** Byte positions of the header fields within a batch. */
export const BASE_OFFSET = 0; // int64
export const BATCH_LENGTH = 8; // int32: the bytes after this field
export const PARTITION_LEADER_EPOCH = 12; // int32
export const MAGIC = 16; // int8
export const CRC = 17; // uint32, CRC-32C of everything from ATTRIBUTES on
export const ATTRIBUTES = 21; // int16
export const LAST_OFFSET_DELTA = 23; // int32
export const BASE_TIMESTAMP = 27; // int64
export const MAX_TIMESTAMP = 35; // int64
export const PRODUCER_ID = 43; // int64
export const PRODUCER_EPOCH = 51; // int16
export const BASE_SEQUENCE = 53; // int32
export const RECORD_COUNT = 57; // int32
export const BATCH_HEADER_BYTES = 61;
/** Bytes not counted by BATCH_LENGTH: the base offset and the length itself. */
export const BATCH_LENGTH_OVERHEAD = 12;

export const CURRENT_MAGIC = 2;

/** Attribute bits. */
export const ATTR_COMPRESSION = 0x07;
export const ATTR_TRANSACTIONAL = 0x10;
export const ATTR_CONTROL = 0x20;

/** A control record's type: the second int16 of its key. */
export const CONTROL_ABORT = 0;

/** An int64 read as a JS number: exact up to 2^53, which offsets, ids and timestamps stay under. */
export function readInt64(buffer: Buffer, at: number): number {
  return buffer.readInt32BE(at) * 4294967296 + buffer.readUInt32BE(at + 4);
}
