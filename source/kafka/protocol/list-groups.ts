// ListGroups v5 (Kafka 3.8+, with each group's type) or v4 (Kafka 2.6+, state only): the groups
// one broker coordinates. Every broker must be asked to list a cluster's groups.
import type { BrokerClient } from '../cluster-client.js';
import { LIST_GROUPS_V4, LIST_GROUPS_V5, newestSupported, sendRequest } from './send-request.js';
import { WireReader, WireWriter } from './wire.js';

export interface RawListedGroup {
  groupId: string;
  protocolType: string;
  groupState: string;
  /** '' from a v4 broker, which knows only classic groups. */
  groupType: string;
}

export interface RawListGroups {
  errorCode: number;
  groups: RawListedGroup[];
}

export interface ListGroupsFilter {
  /** The broker's state names (Stable, Empty, ...); empty for every state. */
  states: readonly string[];
  /** 'classic', 'consumer', ...; empty for every type. Ignored by v4. */
  types: readonly string[];
}

export function encodeListGroupsRequest(version: 4 | 5, filter: ListGroupsFilter): Buffer {
  const w = new WireWriter().emptyTags(); // request header v2
  w.compactArray(filter.states, (state) => w.compactString(state));
  if (version >= 5) w.compactArray(filter.types, (type) => w.compactString(type));
  return w.emptyTags().toBuffer();
}

export function decodeListGroupsResponse(payload: Buffer, version: 4 | 5): RawListGroups {
  const r = new WireReader(payload);
  r.tags(); // response header v1
  r.int32(); // throttle time
  const errorCode = r.int16();
  const groups = r.compactArray((): RawListedGroup => {
    const group = {
      groupId: r.compactString(),
      protocolType: r.compactString(),
      groupState: r.compactString(),
      groupType: version >= 5 ? r.compactString() : '',
    };
    r.tags();
    return group;
  });
  r.tags();
  return { errorCode, groups };
}

export async function requestListGroups(broker: BrokerClient, filter: ListGroupsFilter, timeoutMs: number): Promise<RawListGroups> {
  const api = newestSupported(broker, [LIST_GROUPS_V5, LIST_GROUPS_V4]) ?? LIST_GROUPS_V4;
  const version = api.version as 4 | 5;
  const body = encodeListGroupsRequest(version, filter);
  return (await sendRequest(broker, api, body, (payload) => decodeListGroupsResponse(payload, version), { timeoutMs }))!;
}
