// The Fetch decoder on bytes it did not expect: a batch that fails its CRC, lengths and counts
// that lie, over-long and negative varints, an old record format, and codec frames that would
// expand without bound. Each is one DecodeError that names the topic, partition and offset.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressorFor, decompress, decompressedLimit } from '../../../../source/kafka/codecs.js';
import { DecodeError } from '../../../../source/kafka/protocol/decode-error.js';
import { decodeFetchResponse } from '../../../../source/kafka/protocol/fetch.js';
import { NO_IDENTITY, encodeBatch } from '../../../../source/kafka/protocol/produce.js';
import { MAGIC } from '../../../../source/kafka/protocol/record-batch.js';
import { writeZigzag, zigzagSize } from '../../../../source/kafka/protocol/varint.js';
import { atOffset, fetchResponse, rebatch, withCrc } from '../../../helpers/fetch-bytes.js';

const template = atOffset(
  encodeBatch([{ key: null, value: Buffer.from('abc'), headers: [] }], NO_IDENTITY, 0, (d) => d, 1_700_000_000_000),
  10,
);

const zigzag = (value: number) => {
  const b = Buffer.alloc(zigzagSize(value));
  writeZigzag(b, 0, value);
  return b;
};

/** One record's bytes; `length` defaults to the true length of what follows it. */
function record(fields: { offsetDelta?: number; key?: number; value?: string; headerCount?: number; length?: number; raw?: Buffer }) {
  const value = Buffer.from(fields.value ?? 'v');
  const body = Buffer.concat([
    Buffer.from([0]), // attributes
    zigzag(0), // timestamp delta
    fields.raw ?? zigzag(fields.offsetDelta ?? 0),
    zigzag(fields.key ?? -1),
    zigzag(value.length),
    value,
    zigzag(fields.headerCount ?? 0),
  ]);
  return Buffer.concat([zigzag(fields.length ?? body.length), body]);
}

const decode = (records: Buffer) => decodeFetchResponse(fetchResponse(records), 't', new Map([[0, 10]]))[0]!.decodeRecords();

function failure(run: () => unknown): DecodeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    return error as DecodeError;
  }
  throw new Error('decoded without an error');
}

describe('hostile fetch responses', () => {
  it('reads a well-formed hand-built batch (so that the cases below fail for their one flaw)', () => {
    expect(decode(rebatch(template, record({ value: 'ok' }), 1)).map((r) => r.value?.toString())).toEqual(['ok']);
  });

  it('checks the batch CRC-32C, as the Java consumer does with check.crcs=true', () => {
    const batch = Buffer.from(template);
    batch[batch.length - 2] ^= 0x01; // one bit of the value
    expect(failure(() => decode(batch)).message).toMatch(
      /^corrupt record batch in t partition 0 at offset 10: CRC-32C mismatch \(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\)$/,
    );
  });

  it('rejects a response cut short, and a records length longer than the response', () => {
    const whole = fetchResponse(template);
    for (const cut of [3, 20, 40, 60]) {
      expect(failure(() => decodeFetchResponse(whole.subarray(0, cut), 't', new Map())).message).toMatch(
        /^malformed Fetch response for t: /,
      );
    }
    expect(failure(() => decodeFetchResponse(whole.subarray(0, whole.length - 1), 't', new Map())).message).toBe(
      `malformed Fetch response for t: the records of partition 0 runs past its end (${whole.length - 1} bytes)`,
    );
  });

  it('rejects a batch length shorter than a batch header (it would walk backwards)', () => {
    const batch = Buffer.from(template);
    batch.writeInt32BE(-20, 8);
    expect(failure(() => decode(batch)).message).toBe(
      'corrupt record batch in t partition 0 at offset 10: its length -20 is shorter than a batch header',
    );
  });

  it('rejects another record format than v2', () => {
    const batch = Buffer.from(template);
    batch.writeInt8(1, MAGIC);
    expect(failure(() => decode(withCrc(batch))).message).toBe(
      'corrupt record batch in t partition 0 at offset 10: unsupported record format (magic 1; only v2, Kafka 0.11+, is read)',
    );
  });

  it.each([
    [
      'a record length past the batch',
      rebatch(template, record({ length: 40 }), 1),
      /record 0 has a length of 40, past the end of the batch/,
    ],
    [
      'a record length shorter than its fields',
      rebatch(template, record({ length: 6 }), 1),
      /record 0 has fields that do not add up to its length/,
    ],
    [
      'a negative key length other than -1',
      rebatch(template, record({ key: -5 }), 1),
      /record 0 has a negative or oversized key, value or header count/,
    ],
    [
      'a huge header count',
      rebatch(template, record({ headerCount: 2 ** 40 }), 1),
      /record 0 has a negative or oversized key, value or header count/,
    ],
    [
      'a negative header count',
      rebatch(template, record({ headerCount: -3 }), 1),
      /record 0 has a negative or oversized key, value or header count/,
    ],
    [
      'a varint of 9 bytes',
      rebatch(template, record({ raw: Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]) }), 1),
      /a varint is longer than 8 bytes/,
    ],
    ['an offset delta past the last offset', rebatch(template, record({ offsetDelta: 5 }), 1), /record 0 has offset 15, outside the batch/],
    ['more records declared than held', rebatch(template, record({}), 5, 4), /it declares 5 records but holds 1/],
    ['a negative record count', rebatch(template, record({}), -1, 0), /it declares -1 records in/],
    [
      'bytes after the last record',
      rebatch(template, Buffer.concat([record({}), Buffer.from([0, 0])]), 1),
      /it has 2 bytes after its last record/,
    ],
  ])('rejects %s', (_, batch, message) => {
    expect(failure(() => decode(batch)).message).toMatch(
      new RegExp(`^corrupt record batch in t partition 0 at offset 10: ${message.source}`),
    );
  });
});

/** A zstd frame of `blocks` RLE blocks of 128 KB each: 4 bytes a block, whatever they expand to. */
function zstdRle(blocks: number): Buffer {
  const header = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38]); // magic, no content size, 128 KB window
  const block = (last: boolean) => {
    const b = Buffer.alloc(4);
    b.writeUIntLE(((128 << 10) << 3) | (1 << 1) | (last ? 1 : 0), 0, 3);
    b[3] = 0x61; // 'a'
    return b;
  };
  return Buffer.concat([header, ...Array.from({ length: blocks }, (_, i) => block(i === blocks - 1))]);
}

describe('codec frames that expand without bound', () => {
  it('decompresses a crafted zstd frame within the limit, and refuses a bigger one before allocating it', () => {
    // Buffer.equals: vitest's deep equality walks a large buffer byte by byte.
    expect(decompress(4, zstdRle(8)).equals(Buffer.alloc(8 * (128 << 10), 0x61))).toBe(true);
    // 2.4 KB that would be 75 MB: refused at the 513th block, the first past the 64 MB floor of the limit.
    expect(() => decompress(4, zstdRle(600))).toThrow(
      `it would decompress to ${513 * (128 << 10)} bytes or more, past the limit of ${64 << 20}`,
    );
  });

  it('names the batch whose records would expand past the limit', () => {
    const frame = zstdRle(600);
    const batch = rebatch(template, frame, 1);
    batch.writeInt16BE(4, 21); // zstd
    expect(failure(() => decode(withCrc(batch))).message).toMatch(
      /^corrupt record batch in t partition 0 at offset 10: its records do not decompress \(codec 4\): it would decompress to \d+ bytes or more, past the limit of 67108864$/,
    );
  });

  it.each([
    ['gzip', 1],
    ['snappy', 2],
    ['lz4', 3],
    ['zstd', 4],
  ] as const)('bounds %s output by the limit it is given, and lets what fits through', async (name, codec) => {
    const plain = Buffer.alloc(4 << 20, 0x61);
    const compressed = name === 'gzip' ? gzipSync(plain) : (await compressorFor(name))(plain);
    expect(decompress(codec, compressed, plain.length).equals(plain)).toBe(true);
    expect(() => decompress(codec, compressed, plain.length - 1)).toThrow(/past the limit of 4194303/);
  });

  it('scales the limit with the compressed bytes, from a floor', () => {
    expect(decompressedLimit(1000)).toBe(64 << 20);
    expect(decompressedLimit(2 << 20)).toBe(512 << 20);
  });
});
