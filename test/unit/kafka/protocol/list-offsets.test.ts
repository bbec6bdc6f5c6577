// ListOffsets v4: splitting big requests, and the bytes each way against independently built fixtures.
import { describe, expect, it } from 'vitest';
import { decodeListOffsetsResponse, encodeListOffsetsRequest, splitPartitions } from '../../../../source/kafka/protocol/list-offsets.js';
import { KafkaBytes } from '../../../helpers/kafka-bytes.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('splitPartitions', () => {
  it('keeps every partition exactly once, in order, at most max per request', () => {
    const asked = new Map([
      ['a', range(5)],
      ['b', range(3)],
      ['c', range(9)],
    ]);
    const chunks = splitPartitions(asked, 4);
    expect(chunks.map((chunk) => [...chunk.values()].reduce((n, list) => n + list.length, 0))).toEqual([4, 4, 4, 4, 1]);
    const flat = chunks.flatMap((chunk) => [...chunk].flatMap(([topic, list]) => list.map((p) => `${topic}${p}`)));
    expect(flat).toEqual([...asked].flatMap(([topic, list]) => list.map((p) => `${topic}${p}`)));
  });

  it('sends 20,000 partitions (2,000 topics × 10) as 10 requests of 2,000', () => {
    const asked = new Map(range(2000).map((t) => [`big-${t}`, range(10)]));
    const chunks = splitPartitions(asked);
    expect(chunks).toHaveLength(10);
    expect(chunks.every((chunk) => chunk.size === 200)).toBe(true);
  });

  it('sends a small request whole, and nothing for nothing', () => {
    expect(splitPartitions(new Map([['t', [0, 1]]]))).toEqual([new Map([['t', [0, 1]]])]);
    expect(splitPartitions(new Map())).toEqual([]);
  });
});

describe('ListOffsets v4 bytes', () => {
  it('encodes replica id, isolation level, and per partition the unknown leader epoch and the timestamp', () => {
    const body = encodeListOffsetsRequest({ timestamp: -2, isolationLevel: 1, partitions: new Map([['ab', [0, 7]]]) });
    const expected = new KafkaBytes()
      .int32(-1)
      .push(Buffer.from([1]))
      .int32(1)
      .int16(2)
      .push(Buffer.from('ab'));
    expected.int32(2).int32(0).int32(-1).int64(-2).int32(7).int32(-1).int64(-2);
    expect(body).toEqual(expected.toBuffer());
  });

  it('decodes every partition with its own error code', () => {
    const payload = new KafkaBytes().int32(0).int32(2);
    payload.int16(1).push(Buffer.from('a')).int32(2);
    payload.int32(0).int16(0).int64(-1).int64(42).int32(3);
    payload.int32(1).int16(6).int64(-1).int64(-1).int32(-1);
    payload
      .int16(1)
      .push(Buffer.from('b'))
      .int32(1)
      .int32(4)
      .int16(0)
      .int64(1_700_000_000_000)
      .int64(2 ** 40)
      .int32(0);
    expect(decodeListOffsetsResponse(payload.toBuffer())).toEqual([
      { topic: 'a', partition: 0, errorCode: 0, offset: 42 },
      { topic: 'a', partition: 1, errorCode: 6, offset: -1 },
      { topic: 'b', partition: 4, errorCode: 0, offset: 2 ** 40 },
    ]);
  });
});
