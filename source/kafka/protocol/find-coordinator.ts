// FindCoordinator v4 (Kafka 3.0+): the coordinators of many groups in one request (KIP-699).
import type { BrokerClient } from '../cluster-client.js';
import { FIND_COORDINATOR_V4, sendRequest } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

export const GROUP_KEY_TYPE = 0;

export interface RawCoordinator {
  key: string;
  nodeId: number;
  host: string;
  port: number;
  errorCode: number;
  errorMessage: string | null;
}

export function encodeFindCoordinatorRequest(keys: readonly string[], keyType = GROUP_KEY_TYPE): Buffer {
  const w = new WireWriter().emptyTags(); // request header v2
  w.int8(keyType).compactArray(keys, (key) => w.compactString(key));
  return w.emptyTags().toBuffer();
}

export function decodeFindCoordinatorResponse(payload: Buffer): RawCoordinator[] {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const coordinators = r.compactArray((): RawCoordinator => {
    const coordinator = {
      key: r.compactString(),
      nodeId: r.int32(),
      host: r.compactString(),
      port: r.int32(),
      errorCode: r.int16(),
      errorMessage: r.compactNullableString(),
    };
    r.tags();
    return coordinator;
  });
  r.tags();
  return coordinators;
}

export async function requestGroupCoordinators(
  broker: BrokerClient,
  groupIds: readonly string[],
  timeoutMs: number,
): Promise<RawCoordinator[]> {
  const body = encodeFindCoordinatorRequest(groupIds);
  return (await sendRequest(broker, FIND_COORDINATOR_V4, body, decodeFindCoordinatorResponse, { timeoutMs }))!;
}
