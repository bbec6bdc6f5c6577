// The fetch decoder on a real broker response (test/fixtures/README.md says how it was captured):
// a read_committed fetch that starts exactly at an abort marker, followed by the same producer's
// committed transaction, must show what Kafka's ConsoleConsumer showed for those offsets.
import { describe, expect, it } from 'vitest';
import { decodeFetchResponse } from '../../../../source/kafka/protocol/fetch.js';
import { fetchedFrom, javaReadCommitted, nextOffset, partition, payload, topic } from '../../../fixtures/fetch-at-abort-marker.js';

/** The fixture's one partition, read straight from the Fetch v11 layout: its aborted list and first batch. */
function layoutOf(body: Buffer) {
  let at = 4 + 2 + 4 + 4; // throttle time, error code, session id, topic count
  at += 2 + body.readInt16BE(at) + 4 + 4 + 2 + 8 + 8 + 8; // topic name, partition count, partition, error, three offsets
  const aborted: Array<{ producerId: bigint; firstOffset: bigint }> = [];
  for (let count = body.readInt32BE(at), i = 0, entry = at + 4; i < count; i++, entry += 16) {
    aborted.push({ producerId: body.readBigInt64BE(entry), firstOffset: body.readBigInt64BE(entry + 8) });
  }
  const batch = at + 4 + aborted.length * 16 + 4 + 4; // preferred read replica, records length
  return {
    aborted,
    firstBatch: {
      baseOffset: body.readBigInt64BE(batch),
      attributes: body.readInt16BE(batch + 21),
      producerId: body.readBigInt64BE(batch + 43),
      // A control record's key is (version int16, type int16): type 0 is an abort. The record starts with
      // five one-byte fields here (length, attributes, timestamp delta, offset delta, key length).
      controlType: body.readInt16BE(batch + 61 + 5 + 2),
    },
  };
}

const shown = (records: ReturnType<ReturnType<typeof decodeFetchResponse>[number]['decodeRecords']>) =>
  records.map((record) => [record.offset, record.value!.toString('utf8')]);

describe('fetch decoder on real bytes', () => {
  it('the fixture starts at an abort marker whose aborted transaction the broker still lists', () => {
    const { aborted, firstBatch } = layoutOf(payload);
    expect(firstBatch.baseOffset).toBe(BigInt(fetchedFrom));
    expect(firstBatch.attributes & 0x30).toBe(0x30); // transactional control batch
    expect(firstBatch.controlType).toBe(0);
    expect(aborted).toContainEqual({ producerId: firstBatch.producerId, firstOffset: BigInt(fetchedFrom - 1) });
    // ...and the same producer's next records, right after the marker, were committed.
    expect(javaReadCommitted[0]![0]).toBe(fetchedFrom + 1);
  });

  it('read_committed shows exactly what ConsoleConsumer showed, and the same again on a second decode', () => {
    const [fetched] = decodeFetchResponse(payload, topic, new Map([[partition, fetchedFrom]]));
    expect(fetched).toMatchObject({ partition, errorCode: 0, nextOffset });
    expect(javaReadCommitted.length).toBeGreaterThan(3);
    expect(shown(fetched!.decodeRecords())).toEqual(javaReadCommitted);
    expect(shown(fetched!.decodeRecords())).toEqual(javaReadCommitted);
  });
});
