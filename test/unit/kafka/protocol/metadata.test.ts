// Metadata v12 bytes, built by hand from the protocol spec, decoded without throwing on partition errors.
import { describe, expect, it } from 'vitest';
import { decodeMetadataResponse, encodeMetadataRequest } from '../../../../source/kafka/protocol/metadata.js';
import { toClusterMetadata } from '../../../../source/kafka/metadata.js';
import { WireReader } from '../../../../source/kafka/protocol/wire.js';
import { KafkaBytes } from '../../../helpers/kafka-bytes.js';

const int16 = (v: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(v);
  return b;
};

function int32Array(w: KafkaBytes, values: number[]) {
  w.uvarint(values.length + 1);
  for (const v of values) w.int32(v);
}

/** A response with one healthy partition and one offline one (LEADER_NOT_AVAILABLE). */
function sampleResponse(): Buffer {
  const parts: Buffer[] = [];
  const w = () => new KafkaBytes();
  parts.push(w().emptyTags().int32(0).toBuffer()); // header tags, throttle
  const brokers = w().uvarint(3);
  brokers.int32(1).compactString('127.0.0.1').int32(9092).compactString(null).emptyTags();
  brokers.int32(2).compactString('127.0.0.1').int32(9093).compactString('rack-b').emptyTags();
  parts.push(brokers.toBuffer());
  parts.push(w().compactString('cluster-abc').int32(1).uvarint(2).toBuffer()); // cluster id, controller, 1 topic
  parts.push(int16(0));
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  parts.push(w().compactString('orders').uuid(id).boolean(false).uvarint(3).toBuffer());
  for (const p of [
    { error: 0, id: 0, leader: 1, replicas: [1, 2], isr: [1, 2], offline: [] as number[] },
    { error: 5, id: 1, leader: -1, replicas: [2], isr: [], offline: [2] },
  ]) {
    parts.push(int16(p.error));
    const pw = w().int32(p.id).int32(p.leader).int32(0);
    int32Array(pw, p.replicas);
    int32Array(pw, p.isr);
    int32Array(pw, p.offline);
    pw.emptyTags();
    parts.push(pw.toBuffer());
  }
  parts.push(w().int32(-2147483648).emptyTags().emptyTags().toBuffer());
  return Buffer.concat(parts);
}

describe('metadata v12', () => {
  it('encodes a request header tag section, the topic list and the flags', () => {
    const bytes = encodeMetadataRequest(['a.b']);
    const r = new WireReader(bytes);
    r.tags();
    expect(r.uvarint()).toBe(2);
    expect(r.uuid().equals(Buffer.alloc(16))).toBe(true);
    expect(r.compactString()).toBe('a.b');
    r.tags();
    expect(r.boolean()).toBe(false); // no auto-creation
    expect(encodeMetadataRequest(null)[1]).toBe(0); // null array: every topic
    expect(encodeMetadataRequest([])[1]).toBe(1); // empty array: brokers only
  });

  it('decodes brokers, topic ids, and per-partition errors without throwing', () => {
    const raw = decodeMetadataResponse(sampleResponse());
    expect(raw.clusterId).toBe('cluster-abc');
    expect(raw.brokers).toEqual([
      { nodeId: 1, host: '127.0.0.1', port: 9092, rack: null },
      { nodeId: 2, host: '127.0.0.1', port: 9093, rack: 'rack-b' },
    ]);
    const metadata = toClusterMetadata(raw, null);
    expect(metadata.topics[0]!.topicId).toBe(Buffer.from('0123456789abcdef0123456789abcdef', 'hex').toString('base64url'));
    expect(metadata.topics[0]!.partitions).toEqual([
      { partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2], offlineReplicas: [], error: undefined },
      { partition: 1, leader: null, replicas: [2], isr: [], offlineReplicas: [2], error: 'LEADER_NOT_AVAILABLE' },
    ]);
  });

  it('reports an unknown topic as a user error', () => {
    const raw = decodeMetadataResponse(sampleResponse());
    raw.topics[0]!.errorCode = 3;
    expect(() => toClusterMetadata(raw, ['orders'])).toThrow('unknown topic: orders');
  });
});
