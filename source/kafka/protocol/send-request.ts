// One way to send a request we encode ourselves: check the broker accepts the version we speak,
// then hand the bytes to the ClusterClient.
import type { BrokerClient } from '../cluster-client.js';

/** One API at the one version we encode, and the Kafka release that brought it. */
export interface ApiVersion {
  key: number;
  name: string;
  version: number;
  since: string;
}

export const METADATA_V12: ApiVersion = { key: 3, name: 'Metadata', version: 12, since: 'Kafka 3.1' };
export const FETCH_V11: ApiVersion = { key: 1, name: 'Fetch', version: 11, since: 'Kafka 2.3' };
export const LIST_OFFSETS_V4: ApiVersion = { key: 2, name: 'ListOffsets', version: 4, since: 'Kafka 2.1' };
export const PRODUCE_V8: ApiVersion = { key: 0, name: 'Produce', version: 8, since: 'Kafka 2.4' };
export const FIND_COORDINATOR_V4: ApiVersion = { key: 10, name: 'FindCoordinator', version: 4, since: 'Kafka 3.0' };
export const LIST_GROUPS_V4: ApiVersion = { key: 16, name: 'ListGroups', version: 4, since: 'Kafka 2.6' };
export const LIST_GROUPS_V5: ApiVersion = { key: 16, name: 'ListGroups', version: 5, since: 'Kafka 3.8' };
export const DESCRIBE_GROUPS_V5: ApiVersion = { key: 15, name: 'DescribeGroups', version: 5, since: 'Kafka 2.4' };
export const CONSUMER_GROUP_DESCRIBE_V0: ApiVersion = { key: 69, name: 'ConsumerGroupDescribe', version: 0, since: 'Kafka 3.7' };
export const CONSUMER_GROUP_DESCRIBE_V1: ApiVersion = { key: 69, name: 'ConsumerGroupDescribe', version: 1, since: 'Kafka 4.0' };
export const OFFSET_FETCH_V8: ApiVersion = { key: 9, name: 'OffsetFetch', version: 8, since: 'Kafka 3.0' };
export const DESCRIBE_CLUSTER_V2: ApiVersion = { key: 60, name: 'DescribeCluster', version: 2, since: 'Kafka 4.0' };
export const DESCRIBE_QUORUM_V0: ApiVersion = { key: 55, name: 'DescribeQuorum', version: 0, since: 'Kafka 2.8 (KRaft)' };

// The group writes (groups reset-offsets, delete, delete-offsets).
export const OFFSET_COMMIT_V8: ApiVersion = { key: 8, name: 'OffsetCommit', version: 8, since: 'Kafka 2.4' };
export const DELETE_GROUPS_V2: ApiVersion = { key: 42, name: 'DeleteGroups', version: 2, since: 'Kafka 2.4' };
export const OFFSET_DELETE_V0: ApiVersion = { key: 47, name: 'OffsetDelete', version: 0, since: 'Kafka 2.4' };

// Topic configs (topics alter --config / --delete-config).
export const INCREMENTAL_ALTER_CONFIGS_V1: ApiVersion = { key: 44, name: 'IncrementalAlterConfigs', version: 1, since: 'Kafka 2.4' };

export function supports(broker: BrokerClient, api: ApiVersion): boolean {
  const range = broker.versions(api.key);
  return range !== undefined && range.minVersion <= api.version && api.version <= range.maxVersion;
}

/** The first of `apis` (newest first) that the broker accepts, or undefined. */
export function newestSupported(broker: BrokerClient, apis: readonly ApiVersion[]): ApiVersion | undefined {
  return apis.find((api) => supports(broker, api));
}

export interface SendOptions {
  timeoutMs: number;
  /** False for requests the broker does not answer (Produce with acks=0): the result is then undefined. */
  expectResponse?: boolean;
}

export async function sendRequest<T>(
  broker: BrokerClient,
  api: ApiVersion,
  body: Buffer,
  decode: (payload: Buffer) => T,
  { timeoutMs, expectResponse = true }: SendOptions,
): Promise<T | undefined> {
  if (!supports(broker, api)) {
    throw new Error(`the broker does not support ${api.name} v${api.version} (${api.since} or newer is needed)`);
  }
  return broker.send({ apiKey: api.key, apiName: api.name, apiVersion: api.version, body, decode, expectResponse, timeoutMs });
}
