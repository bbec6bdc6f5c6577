// IncrementalAlterConfigs v1 (flexible, Kafka 2.4+): set or delete single configs of a resource,
// leaving the others as they are (kafkajs has only the older AlterConfigs, which replaces them all).
import type { BrokerClient } from '../cluster-client.js';
import { INCREMENTAL_ALTER_CONFIGS_V1, sendRequest } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

export const SET = 0;
export const DELETE = 1;

export interface ConfigChange {
  name: string;
  operation: typeof SET | typeof DELETE;
  /** null for DELETE. */
  value: string | null;
}

export interface AlterConfigsResult {
  errorCode: number;
  errorMessage: string | null;
  resourceName: string;
}

export function encodeIncrementalAlterConfigsRequest(resourceType: number, resourceName: string, changes: readonly ConfigChange[]): Buffer {
  const w = new WireWriter();
  w.emptyTags(); // request header v2
  w.compactArray([resourceName], (name) => {
    w.int8(resourceType).compactString(name);
    w.compactArray(changes, (change) => {
      w.compactString(change.name).int8(change.operation).compactString(change.value);
      w.emptyTags();
    });
    w.emptyTags();
  });
  w.boolean(false); // validate only
  return w.emptyTags().toBuffer();
}

export function decodeIncrementalAlterConfigsResponse(payload: Buffer): AlterConfigsResult[] {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const results = r.compactArray(() => {
    const errorCode = r.int16();
    const errorMessage = r.compactNullableString();
    r.int8(); // resource type
    const result = { errorCode, errorMessage, resourceName: r.compactString() };
    r.tags();
    return result;
  });
  r.tags();
  return results;
}

export async function requestIncrementalAlterConfigs(
  broker: BrokerClient,
  resource: { type: number; name: string },
  changes: readonly ConfigChange[],
  timeoutMs: number,
): Promise<AlterConfigsResult[]> {
  const body = encodeIncrementalAlterConfigsRequest(resource.type, resource.name, changes);
  return (await sendRequest(broker, INCREMENTAL_ALTER_CONFIGS_V1, body, decodeIncrementalAlterConfigsResponse, { timeoutMs }))!;
}
