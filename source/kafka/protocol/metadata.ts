// Metadata v12 (Kafka 3.1+): topic ids, offline replicas, and per-partition error codes
// that we decode instead of throwing on, so one offline partition cannot hide the rest.
import type { BrokerClient } from '../cluster-client.js';
import { METADATA_V12, sendRequest } from './send-request.js';
import { WireReader, WireWriter, ZERO_UUID, formatUuid } from './wire.js';

export interface RawBroker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface RawPartition {
  errorCode: number;
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface RawTopic {
  errorCode: number;
  name: string;
  topicId?: string;
  isInternal: boolean;
  partitions: RawPartition[];
}

export interface RawMetadata {
  brokers: RawBroker[];
  clusterId: string | null;
  controllerId: number;
  topics: RawTopic[];
}

/** topics: null asks for every topic. */
export function encodeMetadataRequest(topics: readonly string[] | null): Buffer {
  const w = new WireWriter();
  // Request header v2 adds a tagged-field section after the client id kafkajs writes.
  w.emptyTags();
  if (topics === null) {
    w.uvarint(0);
  } else {
    w.uvarint(topics.length + 1);
    for (const name of topics) w.uuid(ZERO_UUID).compactString(name).emptyTags();
  }
  return w.boolean(false).boolean(false).emptyTags().toBuffer();
}

export function decodeMetadataResponse(payload: Buffer): RawMetadata {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const brokers = r.compactArray(() => {
    const broker = { nodeId: r.int32(), host: r.compactString(), port: r.int32(), rack: r.compactNullableString() };
    r.tags();
    return broker;
  });
  const clusterId = r.compactNullableString();
  const controllerId = r.int32();
  const topics = r.compactArray((): RawTopic => {
    const errorCode = r.int16();
    const name = r.compactString();
    const id = r.uuid();
    const isInternal = r.boolean();
    const partitions = r.compactArray((): RawPartition => {
      const partition = {
        errorCode: r.int16(),
        partition: r.int32(),
        leader: r.int32(),
        leaderEpoch: r.int32(),
        replicas: r.compactArray(() => r.int32()),
        isr: r.compactArray(() => r.int32()),
        offlineReplicas: r.compactArray(() => r.int32()),
      };
      r.tags();
      return partition;
    });
    r.int32(); // topic authorized operations
    r.tags();
    return { errorCode, name, topicId: id.equals(ZERO_UUID) ? undefined : formatUuid(id), isInternal, partitions };
  });
  r.tags();
  return { brokers, clusterId, controllerId, topics };
}

export async function requestMetadata(broker: BrokerClient, topics: readonly string[] | null, timeoutMs: number): Promise<RawMetadata> {
  const metadata = await sendRequest(broker, METADATA_V12, encodeMetadataRequest(topics), decodeMetadataResponse, { timeoutMs });
  return metadata!;
}
