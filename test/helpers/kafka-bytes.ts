// Builds Kafka protocol bytes for tests: big-endian integers and the flexible versions' compact
// forms. Independent of the encoders under test, so fixtures do not share their bugs.
export class KafkaBytes {
  private readonly parts: Buffer[] = [];

  boolean(v: boolean): this {
    return this.push(Buffer.from([v ? 1 : 0]));
  }

  int16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    return this.push(b);
  }

  int32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    return this.push(b);
  }

  int64(v: number): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(v));
    return this.push(b);
  }

  uvarint(v: number): this {
    const out: number[] = [];
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.push(v);
    return this.push(Buffer.from(out));
  }

  compactString(s: string | null): this {
    if (s === null) return this.uvarint(0);
    const b = Buffer.from(s);
    return this.uvarint(b.length + 1).push(b);
  }

  /** A compact array of int32. */
  int32s(values: number[]): this {
    this.uvarint(values.length + 1);
    for (const v of values) this.int32(v);
    return this;
  }

  uuid(bytes: Buffer): this {
    return this.push(bytes);
  }

  emptyTags(): this {
    return this.uvarint(0);
  }

  push(b: Buffer): this {
    this.parts.push(b);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}
