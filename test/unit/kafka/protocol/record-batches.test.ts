// Our record batch encoder against our Fetch decoder: offsets, timestamps, nulls, headers,
// compression, aborted transactions and partial batches.
import { describe, expect, it } from 'vitest';
import { compressorFor, COMPRESSION_CODES, type CompressionName } from '../../../../source/kafka/codecs.js';
import { decodeFetchResponse } from '../../../../source/kafka/protocol/fetch.js';
import { NO_IDENTITY, encodeBatch, type BatchRecord } from '../../../../source/kafka/protocol/produce.js';
import { atOffset as at, fetchResponse as response, withAttributes } from '../../../helpers/fetch-bytes.js';

const sample: BatchRecord[] = [
  {
    key: Buffer.from('k1'),
    value: Buffer.from('v1'),
    headers: [
      ['h', Buffer.from('x')],
      ['h', null],
    ],
    timestamp: 1_700_000_000_000,
  },
  { key: null, value: null, headers: [], timestamp: 1_700_000_000_500 },
  { key: Buffer.alloc(0), value: Buffer.alloc(300, 7), headers: [], timestamp: 1_699_999_999_000 },
];

describe('record batches', () => {
  it.each(['none', 'gzip', 'snappy', 'lz4', 'zstd'] as CompressionName[])('round-trip with %s', async (name) => {
    const batch = encodeBatch(sample, NO_IDENTITY, COMPRESSION_CODES[name], await compressorFor(name));
    const [partition] = decodeFetchResponse(response(at(batch, 10)), 't', new Map([[0, 10]]));
    expect(partition!.nextOffset).toBe(13);
    expect(partition!.decodeRecords().map((r) => [r.offset, r.timestamp, r.key, r.value, r.headers])).toEqual([
      [
        10,
        1_700_000_000_000,
        Buffer.from('k1'),
        Buffer.from('v1'),
        [
          ['h', Buffer.from('x')],
          ['h', null],
        ],
      ],
      [11, 1_700_000_000_500, null, null, []],
      [12, 1_699_999_999_000, Buffer.alloc(0), Buffer.alloc(300, 7), []],
    ]);
  });

  it('skips records before the fetched offset inside a batch', async () => {
    const batch = encodeBatch(sample, NO_IDENTITY, 0, (d) => d);
    const [partition] = decodeFetchResponse(response(at(batch, 10)), 't', new Map([[0, 12]]));
    expect(partition!.decodeRecords().map((r) => r.offset)).toEqual([12]);
  });

  it('leaves a partial last batch for the next fetch', () => {
    const first = at(
      encodeBatch(sample.slice(0, 1), NO_IDENTITY, 0, (d) => d),
      0,
    );
    const second = at(
      encodeBatch(sample.slice(1), NO_IDENTITY, 0, (d) => d),
      1,
    );
    const cut = Buffer.concat([first, second.subarray(0, second.length - 5)]);
    const [partition] = decodeFetchResponse(response(cut), 't', new Map([[0, 0]]));
    expect(partition!.decodeRecords().map((r) => r.offset)).toEqual([0]);
    expect(partition!.nextOffset).toBe(1);
  });

  const transactional = (offset: number, producerId: number, value: string) => {
    const batch = at(
      encodeBatch([{ key: null, value: Buffer.from(value), headers: [] }], { producerId, producerEpoch: 0, baseSequence: 0 }, 0, (d) => d),
      offset,
    );
    return withAttributes(batch, 0x10); // transactional
  };
  const marker = (offset: number, producerId: number, type: number) => {
    const key = Buffer.alloc(4);
    key.writeInt16BE(0, 0);
    key.writeInt16BE(type, 2);
    const batch = at(
      encodeBatch([{ key, value: Buffer.alloc(6), headers: [] }], { producerId, producerEpoch: 0, baseSequence: -1 }, 0, (d) => d),
      offset,
    );
    return withAttributes(batch, 0x30); // transactional + control
  };

  it('hides records of aborted transactions and control batches', () => {
    const records = Buffer.concat([
      transactional(0, 7, 'aborted-1'),
      transactional(1, 8, 'committed-1'),
      marker(2, 7, 0), // abort for producer 7
      marker(3, 8, 1), // commit for producer 8
      transactional(4, 7, 'committed-2'),
      marker(5, 7, 1),
    ]);
    const [partition] = decodeFetchResponse(response(records, [[7, 0]]), 't', new Map([[0, 0]]));
    expect(partition!.decodeRecords().map((r) => r.value!.toString())).toEqual(['committed-1', 'committed-2']);
    expect(partition!.nextOffset).toBe(6);
  });

  it('closes an aborted transaction whose marker starts the response (a fetch boundary)', () => {
    // The broker lists producer 7's aborted transaction from offset 0, but this fetch starts at its
    // abort marker; the same producer's next transaction commits and must be shown.
    const records = Buffer.concat([marker(2, 7, 0), transactional(3, 7, 'committed-next'), marker(4, 7, 1)]);
    const [partition] = decodeFetchResponse(response(records, [[7, 0]]), 't', new Map([[0, 2]]));
    expect(partition!.decodeRecords().map((r) => r.value!.toString())).toEqual(['committed-next']);
  });

  it('filters the same way when a response is decoded twice', () => {
    const records = Buffer.concat([transactional(0, 7, 'aborted-1'), marker(1, 7, 0)]);
    const [partition] = decodeFetchResponse(response(records, [[7, 0]]), 't', new Map([[0, 0]]));
    expect(partition!.decodeRecords().map((r) => r.value!.toString())).toEqual([]);
    expect(partition!.decodeRecords().map((r) => r.value!.toString())).toEqual([]);
  });
});
