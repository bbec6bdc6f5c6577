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

export function supports(broker: BrokerClient, api: ApiVersion): boolean {
  const range = broker.versions(api.key);
  return range !== undefined && range.minVersion <= api.version && api.version <= range.maxVersion;
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
