// The Fetch and Metadata decoders at the edges of their formats: a fetch that starts inside a
// compressed batch, offsets and timestamps past 2^32, a timestamp of -1, varints of 3 and 4
// bytes, more than 64 records and headers in a batch, and Metadata v12 with 130 partitions and
// tagged fields that are not empty.
import { describe, expect, it } from 'vitest';
import { compressorFor, COMPRESSION_CODES, type CompressionName } from '../../../../source/kafka/codecs.js';
import { decodeFetchResponse } from '../../../../source/kafka/protocol/fetch.js';
import { decodeMetadataResponse } from '../../../../source/kafka/protocol/metadata.js';
import { NO_IDENTITY, encodeBatch, type BatchRecord } from '../../../../source/kafka/protocol/produce.js';
import { atOffset, fetchResponse } from '../../../helpers/fetch-bytes.js';
import { KafkaBytes } from '../../../helpers/kafka-bytes.js';

const plain = (records: BatchRecord[], baseOffset: number, now = 1_700_000_000_000) =>
  atOffset(
    encodeBatch(records, NO_IDENTITY, 0, (d) => d, now),
    baseOffset,
  );

const decode = (records: Buffer, from: number) => {
  const [partition] = decodeFetchResponse(fetchResponse(records), 't', new Map([[0, from]]));
  return { nextOffset: partition!.nextOffset, records: partition!.decodeRecords() };
};

const values = (count: number) => Array.from({ length: count }, (_, i) => ({ key: null, value: Buffer.from(`v${i}`), headers: [] }));

describe('Fetch decoder edges', () => {
  it.each(['gzip', 'snappy', 'lz4', 'zstd'] as CompressionName[])(
    'a fetch from inside a %s batch: the broker sends the whole batch, records before the offset are left out',
    async (name) => {
      const batch = atOffset(encodeBatch(values(5), NO_IDENTITY, COMPRESSION_CODES[name], await compressorFor(name)), 10);
      const { nextOffset, records } = decode(batch, 12);
      expect(records.map((r) => [r.offset, r.value?.toString()])).toEqual([
        [12, 'v2'],
        [13, 'v3'],
        [14, 'v4'],
      ]);
      expect(nextOffset).toBe(15);
    },
  );

  it('offsets and timestamps above 2^32, exact, and a timestamp of -1 (none) beside a real one', () => {
    const base = 2 ** 40 + 7;
    const batch = plain(
      [
        { key: null, value: Buffer.from('no time'), headers: [], timestamp: -1 },
        { key: null, value: Buffer.from('far'), headers: [], timestamp: 2 ** 42 + 3 },
      ],
      base,
    );
    const { nextOffset, records } = decode(batch, base);
    expect(records.map((r) => [r.offset, r.timestamp])).toEqual([
      [base, -1],
      [base + 1, 2 ** 42 + 3],
    ]);
    expect(nextOffset).toBe(base + 2);
  });

  it('lengths that take 2, 3 and 4 varint bytes', () => {
    const sizes = [200, 20_000, 3_000_000]; // 400 → 2 bytes, 40,000 → 3 bytes, 6,000,000 → 4 bytes zigzagged
    const batch = plain(
      sizes.map((size, i) => ({
        key: Buffer.alloc(size, 65 + i),
        value: Buffer.alloc(size, 97 + i),
        headers: [['h', Buffer.alloc(size, 48 + i)]],
      })),
      0,
    );
    const { records } = decode(batch, 0);
    expect(records.map((r) => [r.key!.length, r.value!.length, r.headers[0]![1]!.length])).toEqual(sizes.map((s) => [s, s, s]));
    expect(records.every((r, i) => r.value!.equals(Buffer.alloc(sizes[i]!, 97 + i)))).toBe(true);
  });

  it('more than 64 records in a batch and more than 64 headers in a record', () => {
    const headers: Array<[string, Buffer | null]> = Array.from({ length: 100 }, (_, i) => [
      `h${i}`,
      i % 10 === 0 ? null : Buffer.from(String(i)),
    ]);
    const batch = plain([...values(199), { key: null, value: Buffer.from('last'), headers }], 0);
    const { records } = decode(batch, 0);
    expect(records).toHaveLength(200);
    expect(records.map((r) => r.offset)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(records[199]!.headers).toEqual(headers);
  });
});

/** A tagged-field section with one field: a reader must skip what it does not know. */
const someTags = (w: KafkaBytes) =>
  w
    .uvarint(1)
    .uvarint(7)
    .uvarint(3)
    .push(Buffer.from([1, 2, 3]));

describe('Metadata v12 edges', () => {
  it('130 partitions, replicas over 128 brokers and tagged fields everywhere', () => {
    const w = new KafkaBytes();
    someTags(w).int32(0); // response header tags, throttle
    w.uvarint(131); // 130 brokers
    for (let id = 0; id < 130; id++) someTags(w.int32(id).compactString(`broker-${id}.example`).int32(9092).compactString(null));
    w.compactString('cluster').int32(0).uvarint(2); // cluster id, controller, 1 topic
    w.int16(0).compactString('wide').uuid(Buffer.alloc(16, 9)).boolean(false);
    w.uvarint(131);
    for (let p = 0; p < 130; p++) {
      const replicas = [p, (p + 1) % 130, (p + 2) % 130];
      someTags(w.int16(0).int32(p).int32(p).int32(5).int32s(replicas).int32s(replicas).int32s([]));
    }
    someTags(w.int32(0)); // topic authorized operations, topic tags
    someTags(w); // response tags
    const metadata = decodeMetadataResponse(w.toBuffer());
    expect(metadata.brokers).toHaveLength(130);
    expect(metadata.brokers[129]).toEqual({ nodeId: 129, host: 'broker-129.example', port: 9092, rack: null });
    const [topic] = metadata.topics;
    expect(topic!.partitions).toHaveLength(130);
    expect(topic!.partitions[129]).toMatchObject({ partition: 129, leader: 129, replicas: [129, 0, 1], isr: [129, 0, 1] });
  });
});
