// Minimal readers/writers for Kafka's flexible (KIP-482) encoding, which kafkajs lacks.
import { DecodeError } from './decode-error.js';
import { VarintReader, unsignedSize, writeUnsigned } from './varint.js';

export class WireWriter {
  private chunks: Buffer[] = [];

  int8(value: number): this {
    const b = Buffer.alloc(1);
    b.writeInt8(value);
    return this.push(b);
  }

  boolean(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  int32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value);
    return this.push(b);
  }

  uvarint(value: number): this {
    const b = Buffer.alloc(unsignedSize(value));
    writeUnsigned(b, 0, value);
    return this.push(b);
  }

  compactString(value: string | null): this {
    if (value === null) return this.uvarint(0);
    const bytes = Buffer.from(value, 'utf8');
    return this.uvarint(bytes.length + 1).push(bytes);
  }

  uuid(bytes: Buffer): this {
    return this.push(bytes);
  }

  /** A compact array; null writes the null array (length 0). */
  compactArray<T>(items: readonly T[] | null, write: (item: T) => void): this {
    if (items === null) return this.uvarint(0);
    this.uvarint(items.length + 1);
    for (const item of items) write(item);
    return this;
  }

  emptyTags(): this {
    return this.uvarint(0);
  }

  int16(value: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(value);
    return this.push(b);
  }

  int64(value: number | bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(value));
    return this.push(b);
  }

  /** A non-flexible (int16-length) string. */
  string(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    return this.int16(bytes.length).push(bytes);
  }

  /** A non-flexible (int32-length) array. */
  array<T>(items: readonly T[], write: (item: T) => void): this {
    this.int32(items.length);
    for (const item of items) write(item);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }

  private push(b: Buffer): this {
    this.chunks.push(b);
    return this;
  }
}

/** Reads a response; any length or count that runs past the bytes there is a DecodeError. */
export class WireReader {
  private readonly varints: VarintReader;

  constructor(private readonly buffer: Buffer) {
    this.varints = new VarintReader(buffer);
  }

  private get offset(): number {
    return this.varints.at;
  }

  private set offset(at: number) {
    this.varints.at = at;
  }

  /** Checks that `bytes` more bytes are there; returns where they start. */
  private need(bytes: number): number {
    if (bytes < 0 || this.offset + bytes > this.buffer.length) {
      throw new DecodeError(`malformed response: ${bytes} bytes wanted at ${this.offset} of ${this.buffer.length}`);
    }
    return this.offset;
  }

  int8(): number {
    const value = this.buffer.readInt8(this.need(1));
    this.offset += 1;
    return value;
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    const value = this.buffer.readInt16BE(this.need(2));
    this.offset += 2;
    return value;
  }

  int32(): number {
    const value = this.buffer.readInt32BE(this.need(4));
    this.offset += 4;
    return value;
  }

  /** An int64 as a JS number: exact up to 2^53, which offsets and timestamps stay under. */
  int64(): number {
    const value = this.buffer.readInt32BE(this.offset) * 4294967296 + this.buffer.readUInt32BE(this.offset + 4);
    this.offset += 8;
    return value;
  }

  uvarint(): number {
    return this.varints.unsigned();
  }

  /** Compact (nullable) bytes, as a view into the response; null reads as empty. */
  compactBytes(): Buffer {
    const length = this.uvarint() - 1;
    if (length < 0) return Buffer.alloc(0);
    const value = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  compactNullableString(): string | null {
    const length = this.uvarint() - 1;
    if (length < 0) return null;
    const value = this.buffer.toString('utf8', this.need(length), this.offset + length);
    this.offset += length;
    return value;
  }

  compactString(): string {
    return this.compactNullableString() ?? '';
  }

  uuid(): Buffer {
    const value = this.buffer.subarray(this.need(16), this.offset + 16);
    this.offset += 16;
    return value;
  }

  compactArray<T>(item: () => T): T[] {
    const length = this.uvarint() - 1;
    // Each item takes at least a byte: a longer count is a lie, and would loop on it.
    if (length > 0) this.need(length);
    const items: T[] = [];
    for (let i = 0; i < length; i++) items.push(item());
    return items;
  }

  /** A non-flexible (int16-length) string. */
  string(): string {
    const length = this.int16();
    if (length < 0) return '';
    const value = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  /** A non-flexible (int32-length) array. */
  array<T>(item: () => T): T[] {
    const length = this.int32();
    const items: T[] = [];
    for (let i = 0; i < length; i++) items.push(item());
    return items;
  }

  /** Skips a tagged-field section; no field we read is tagged. */
  tags(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint();
      const size = this.uvarint();
      this.need(size);
      this.offset += size;
    }
  }
}

/** Kafka prints Uuids as URL-safe base64 without padding. */
export function formatUuid(bytes: Buffer): string {
  return bytes.toString('base64url');
}

export const ZERO_UUID = Buffer.alloc(16);
