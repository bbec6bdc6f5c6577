// A record as the readers deliver it, before any formatting.

export type Header = [key: string, value: Buffer | null];

const EMPTY = Buffer.alloc(0);

/**
 * One record as stored: key, value and header values are raw bytes (null when absent).
 * Records decoded from a fetch keep key and value as positions in the response bytes and make
 * Buffers only when asked, so output that copies bytes straight through allocates nothing per record.
 */
export class KafkaRecord {
  /** Where the key is: bytes, start, length (-1: null key). */
  readonly keySource: Buffer;
  readonly keyStart: number;
  readonly keyLength: number;
  /** Where the value is: bytes, start, length (-1: null value, a tombstone). */
  readonly valueSource: Buffer;
  readonly valueStart: number;
  readonly valueLength: number;

  /** `source` and the positions after it are for the fetch decoder; then `key` and `value` are ignored. */
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
    readonly timestamp: number,
    key: Buffer | null,
    value: Buffer | null,
    readonly headers: readonly Header[],
    source?: Buffer,
    keyStart = 0,
    keyLength = -1,
    valueStart = 0,
    valueLength = -1,
  ) {
    if (source) {
      this.keySource = this.valueSource = source;
      this.keyStart = keyStart;
      this.keyLength = keyLength;
      this.valueStart = valueStart;
      this.valueLength = valueLength;
    } else {
      this.keySource = key ?? EMPTY;
      this.keyStart = 0;
      this.keyLength = key ? key.length : -1;
      this.valueSource = value ?? EMPTY;
      this.valueStart = 0;
      this.valueLength = value ? value.length : -1;
    }
  }

  get key(): Buffer | null {
    return this.keyLength < 0 ? null : this.keySource.subarray(this.keyStart, this.keyStart + this.keyLength);
  }

  get value(): Buffer | null {
    return this.valueLength < 0 ? null : this.valueSource.subarray(this.valueStart, this.valueStart + this.valueLength);
  }
}
