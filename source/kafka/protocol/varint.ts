// Kafka's varints, in one place: unsigned (the flexible versions' lengths and tag counts) and
// zigzag-signed (inside records). Values stay below 2^53, so plain arithmetic is exact.
// (The fetch decoder inlines its own copy of readZigzag: see decodeRecords in fetch.ts.)
import { DecodeError } from './decode-error.js';

/** Java reads at most 10 bytes for a varlong; longer is malformed, and past 2^53 we cannot hold it anyway. */
const MAX_VARINT_BYTES = 10;

export function unsignedSize(value: number): number {
  let size = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

/** Writes at `at`; returns the position after. */
export function writeUnsigned(buffer: Buffer, at: number, value: number): number {
  while (value >= 128) {
    buffer[at++] = (value % 128) | 0x80;
    value = Math.floor(value / 128);
  }
  buffer[at++] = value;
  return at;
}

const zigzag = (value: number): number => (value >= 0 ? value * 2 : -value * 2 - 1);
const unzigzag = (value: number): number => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);

export const zigzagSize = (value: number): number => unsignedSize(zigzag(value));

export const writeZigzag = (buffer: Buffer, at: number, value: number): number => writeUnsigned(buffer, at, zigzag(value));

/** A varint read from a buffer; `at` moves past it. */
export class VarintReader {
  constructor(
    readonly buffer: Buffer,
    public at = 0,
  ) {}

  unsigned(): number {
    let value = 0;
    for (let i = 0, multiplier = 1; i < MAX_VARINT_BYTES; i++, multiplier *= 128) {
      const byte = this.buffer[this.at++];
      if (byte === undefined) throw new DecodeError('truncated varint');
      value += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) return value;
    }
    throw new DecodeError(`varint longer than ${MAX_VARINT_BYTES} bytes`);
  }

  zigzag(): number {
    return unzigzag(this.unsigned());
  }
}
