// Metadata v12 (Kafka 3.1+): topic ids, offline replicas, and per-partition error codes
// that we decode instead of throwing on, so one offline partition cannot hide the rest.
import type { BrokerClient } from './cluster-client.js';
import { WireReader, WireWriter, ZERO_UUID, formatUuid } from './wire.js';

const METADATA_API_KEY = 3;
const METADATA_VERSION = 12;

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

function supportsMetadataV12(broker: BrokerClient): boolean {
  const range = broker.versions(METADATA_API_KEY);
  return range !== undefined && range.maxVersion >= METADATA_VERSION;
}

export async function requestMetadata(broker: BrokerClient, topics: readonly string[] | null, timeoutMs: number): Promise<RawMetadata> {
  if (!supportsMetadataV12(broker)) {
    throw new Error('the broker is older than Kafka 3.1 (it does not support Metadata v12)');
  }
  const metadata = await broker.send({
    apiKey: METADATA_API_KEY,
    apiName: 'Metadata',
    apiVersion: METADATA_VERSION,
    body: encodeMetadataRequest(topics),
    decode: decodeMetadataResponse,
    expectResponse: true,
    timeoutMs,
  });
  return metadata!;
}
