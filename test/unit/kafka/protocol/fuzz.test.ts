// Property-based fuzzing of the decoders (fast-check, fixed seed, bounded runs): the Fetch
// decoder, the Metadata decoder and each codec, on random bytes and on mutated real bytes (a
// response captured from Kafka 4.3.1, and batches of our encoder under every codec). Properties:
// nothing is thrown but a DecodeError, nothing is decoded past what the bytes can hold, and
// every run ends (a hang would fail the test by its timeout).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressorFor, COMPRESSION_CODES, decompress, decompressedLimit, type CompressionName } from '../../../../source/kafka/codecs.js';
import { DecodeError } from '../../../../source/kafka/protocol/decode-error.js';
import { decodeFetchResponse } from '../../../../source/kafka/protocol/fetch.js';
import { decodeMetadataResponse } from '../../../../source/kafka/protocol/metadata.js';
import { NO_IDENTITY, encodeBatch, type BatchRecord } from '../../../../source/kafka/protocol/produce.js';
import { BATCH_LENGTH, BATCH_LENGTH_OVERHEAD } from '../../../../source/kafka/protocol/record-batch.js';
import * as captured from '../../../fixtures/fetch-at-abort-marker.js';
import { FakeCluster } from '../../../helpers/fake-cluster.js';
import { atOffset, fetchResponse, withCrc } from '../../../helpers/fetch-bytes.js';

const SEED = 20261124;
const RUNS = 400;
const CODECS: CompressionName[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** Runs a decoder: it may refuse the bytes, with a DecodeError and nothing else. */
function refusesOrDecodes<T>(decode: () => T): T | undefined {
  try {
    return decode();
  } catch (error) {
    if (error instanceof DecodeError) return undefined;
    throw error;
  }
}

/** Decodes every partition's records; the records can never outnumber the bytes they came from. */
function decodeAll(payload: Buffer, from = 0): void {
  const partitions = refusesOrDecodes(() => decodeFetchResponse(payload, 't', new Map([[0, from]])));
  for (const partition of partitions ?? []) {
    const records = refusesOrDecodes(() => partition.decodeRecords());
    if (records) expect(records.length).toBeLessThanOrEqual(decompressedLimit(payload.length));
  }
}

/** Where each batch of a response's records section lies, to re-sign them after a mutation. */
function batchSpans(payload: Buffer, recordsStart: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let at = recordsStart; at + BATCH_LENGTH_OVERHEAD <= payload.length;) {
    const end = at + BATCH_LENGTH_OVERHEAD + payload.readInt32BE(at + BATCH_LENGTH);
    if (end > payload.length) break;
    spans.push([at, end]);
    at = end;
  }
  return spans;
}

/** A response with its batches' CRCs made right again: so that a mutation reaches the record parser. */
function resigned(payload: Buffer, spans: Array<[number, number]>): Buffer {
  for (const [start, end] of spans) {
    if (end <= payload.length) withCrc(payload.subarray(start, end));
  }
  return payload;
}

const mutation = (length: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(length - 1), bit: fc.nat(7) }),
    fc.record({ kind: fc.constant('byte' as const), at: fc.nat(length - 1), value: fc.nat(255) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(length - 1) }),
    // Lengths and counts are where a decoder trusts its input: 0xff.. and 0x7f.. in 4 bytes.
    fc.record({
      kind: fc.constant('int32' as const),
      at: fc.nat(Math.max(0, length - 4)),
      value: fc.constantFrom(-1, -2, 0x7fffffff, 0, 1, 64, 65536),
    }),
  );

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'int32'; at: number; value: number };

function mutate(original: Buffer, mutations: Mutation[]): Buffer {
  let bytes = Buffer.from(original);
  for (const m of mutations) {
    if (m.at >= bytes.length) continue;
    if (m.kind === 'flip') bytes[m.at]! ^= 1 << m.bit;
    else if (m.kind === 'byte') bytes[m.at] = m.value;
    else if (m.kind === 'int32' && m.at + 4 <= bytes.length) bytes.writeInt32BE(m.value, m.at);
    else if (m.kind === 'truncate') bytes = bytes.subarray(0, m.at);
  }
  return bytes;
}

const sampleRecords: BatchRecord[] = Array.from({ length: 70 }, (_, i) => ({
  key: i % 3 === 0 ? null : Buffer.from(`key-${i}`),
  value: i % 5 === 0 ? null : Buffer.from(`value ${i} `.repeat(i % 7)),
  headers:
    i % 4 === 0
      ? []
      : [
          [`h${i}`, Buffer.from(String(i))],
          ['empty', null],
        ],
  timestamp: 1_700_000_000_000 + i * 1000,
}));

/** Three batches of our encoder under one codec, as a broker would serve them. */
async function encodedResponse(name: CompressionName): Promise<Buffer> {
  const compress = await compressorFor(name);
  const batches = [sampleRecords.slice(0, 3), sampleRecords.slice(3, 40), sampleRecords.slice(40)];
  let offset = 100;
  const encoded = batches.map((records) => {
    const batch = atOffset(encodeBatch(records, NO_IDENTITY, COMPRESSION_CODES[name], compress), offset);
    offset += records.length;
    return batch;
  });
  return fetchResponse(Buffer.concat(encoded));
}

/** Where the records of a one-topic, one-partition response start. */
function recordsStartOf(payload: Buffer): number {
  let at = 4 + 2 + 4 + 4; // throttle, error, session, topic count
  at += 2 + payload.readInt16BE(at) + 4 + 30; // name, partition count, partition header
  const aborted = payload.readInt32BE(at);
  return at + 4 + 16 * Math.max(aborted, 0) + 4 + 4; // aborted transactions, preferred read replica, records length
}

describe('fuzzing the Fetch decoder', () => {
  it('random bytes: a DecodeError or records, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => decodeAll(Buffer.from(bytes))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('random bytes behind a valid response header: the batch walker itself', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => decodeAll(fetchResponse(Buffer.from(bytes)))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a real response from Kafka, mutated: bit flips, bytes, lengths, truncation', () => {
    const original = captured.payload;
    const spans = batchSpans(original, recordsStartOf(original));
    expect(spans.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(fc.array(mutation(original.length), { minLength: 1, maxLength: 6 }), fc.boolean(), (mutations, resign) => {
        const bytes = mutate(original, mutations);
        decodeAll(resign ? resigned(bytes, spans) : bytes, captured.fetchedFrom);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it.each(CODECS)('batches compressed with %s, mutated and re-signed (so the codec and record parser see the damage)', async (name) => {
    const original = await encodedResponse(name);
    const spans = batchSpans(original, recordsStartOf(original));
    expect(spans).toHaveLength(3);
    decodeAll(original); // the unmutated response decodes
    // Mutations aimed at the records sections, after the batch headers.
    fc.assert(
      fc.property(fc.array(mutation(original.length), { minLength: 1, maxLength: 4 }), (mutations) => {
        decodeAll(resigned(mutate(original, mutations), spans));
      }),
      { seed: SEED, numRuns: RUNS / 2 },
    );
  });
});

describe('fuzzing the Metadata decoder', () => {
  const real = new FakeCluster('orders').partition(0, 1, []).partition(1, 2, []).partition(2, null, []).metadataResponse();

  it('decodes the unmutated response', () => {
    expect(decodeMetadataResponse(real).topics[0]!.partitions).toHaveLength(3);
  });

  it('random bytes and mutated responses: a DecodeError or metadata, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void refusesOrDecodes(() => decodeMetadataResponse(Buffer.from(bytes)))),
      { seed: SEED, numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.array(mutation(real.length), { minLength: 1, maxLength: 6 }), (mutations) => {
        const metadata = refusesOrDecodes(() => decodeMetadataResponse(mutate(real, mutations)));
        // Every item of every array took bytes: no count is believed past them.
        if (metadata) expect(metadata.topics.reduce((n, t) => n + t.partitions.length, 0)).toBeLessThanOrEqual(real.length);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('fuzzing each codec', () => {
  const plain = Buffer.from(Array.from({ length: 200 }, (_, i) => `line ${i % 17} of the sample\n`).join(''));
  const LIMIT = 64 << 10;

  it.each(CODECS.filter((name) => name !== 'none'))(
    '%s: mutated frames decompress within the limit or fail with an Error',
    async (name) => {
      const frame = await (await compressorFor(name))(plain);
      const codec = COMPRESSION_CODES[name];
      expect(decompress(codec, frame, LIMIT).equals(plain)).toBe(true);
      const run = (bytes: Buffer) => {
        try {
          expect(decompress(codec, bytes, LIMIT).length).toBeLessThanOrEqual(LIMIT);
        } catch (error) {
          // The fetch decoder turns these into a DecodeError naming the batch; here they must at least be Errors.
          expect(error).toBeInstanceOf(Error);
        }
      };
      fc.assert(
        fc.property(fc.array(mutation(frame.length), { minLength: 1, maxLength: 4 }), (mutations) => run(mutate(frame, mutations))),
        { seed: SEED, numRuns: RUNS / 2 },
      );
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => run(Buffer.from(bytes))),
        { seed: SEED, numRuns: RUNS / 2 },
      );
    },
  );
});
