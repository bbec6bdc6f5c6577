// Consumer groups, read side: listing, describing (classic groups through DescribeGroups, KIP-848
// groups through ConsumerGroupDescribe), committed offsets and lag. Every request goes through
// the ClusterClient; the shapes are those of group-types.ts, in ConsumerGroupCommand's row order.
import type { BrokerClient, ClusterClient } from './cluster-client.js';
import { KafkaUserError } from './errors.js';
import type { GroupDescription, GroupLag, GroupListing, GroupMember, PartitionLag, TopicPartitionRef } from './group-types.js';
import { fetchMetadata, type TopicInfo } from './metadata.js';
import { LATEST, READ_UNCOMMITTED, groupByLeader, listLeaderOffsets } from './offsets.js';
import {
  requestConsumerGroupDescribe,
  supportsConsumerGroupDescribe,
  MEMBER_TYPE_CLASSIC,
  MEMBER_TYPE_CONSUMER,
} from './protocol/consumer-group-describe.js';
import { decodeConsumerAssignment, requestDescribeGroups } from './protocol/describe-groups.js';
import {
  COORDINATOR_RETRY,
  GROUP_AUTHORIZATION_FAILED,
  GROUP_ID_NOT_FOUND,
  INVALID_GROUP_ID,
  UNSUPPORTED_VERSION,
  NONE,
  errorName,
} from './protocol/error-codes.js';
import { requestFetch } from './protocol/fetch.js';
import { requestGroupCoordinators } from './protocol/find-coordinator.js';
import { requestListGroups } from './protocol/list-groups.js';
import { requestOffsetFetch, type RawCommittedOffset } from './protocol/offset-fetch.js';
import { sleep } from './timing.js';

/** A group-level error as one line: the common ones in words, the rest by name. */
function groupError(groupId: string, code: number, brokerMessage?: string | null): KafkaUserError {
  if (code === INVALID_GROUP_ID) return new KafkaUserError(`group '${groupId}': the group id is invalid`);
  if (code === GROUP_AUTHORIZATION_FAILED) return new KafkaUserError(`group '${groupId}': not authorized to access the group`);
  return new KafkaUserError(`group '${groupId}': ${brokerMessage ?? errorName(code)}`);
}

/** How long to wait between attempts while a coordinator moves (a broker stopped, a partition of __consumer_offsets loading). */
const COORDINATOR_RETRY_MS = 500;

/** The protocol types ConsumerGroupCommand lists (ListGroupsOptions.forConsumerGroups): '' is a classic group that has no protocol yet. */
const CONSUMER_PROTOCOL_TYPES: ReadonlySet<string> = new Set(['', 'consumer']);

/** A group that `kafka-consumer-groups.sh --list` would show: a classic or KIP-848 consumer group (not Connect, share or streams). */
export const isConsumerGroup = (listing: GroupListing): boolean =>
  (listing.type === 'classic' || listing.type === 'consumer') && CONSUMER_PROTOCOL_TYPES.has(listing.protocolType);

/** Every group of every broker (each broker coordinates some), in broker order. A broker that does not answer is skipped. */
export async function listGroups(client: ClusterClient): Promise<GroupListing[]> {
  const { brokers } = await fetchMetadata(client, []);
  const answers = await Promise.allSettled(
    brokers.map(async ({ nodeId }) => {
      const answer = await requestListGroups(await client.broker(nodeId), { states: [], types: [] }, client.requestTimeoutMs);
      if (answer.errorCode !== NONE) throw new KafkaUserError(`listing groups on broker ${nodeId}: ${errorName(answer.errorCode)}`);
      return answer.groups;
    }),
  );
  const listed = answers.flatMap((a) => (a.status === 'fulfilled' ? a.value : []));
  const failure = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
  if (failure && answers.every((a) => a.status === 'rejected')) throw failure.reason;
  const seen = new Set<string>();
  const groups: GroupListing[] = [];
  for (const g of listed) {
    // A group whose coordinator just moved can be listed by two brokers for a moment.
    if (seen.has(g.groupId)) continue;
    seen.add(g.groupId);
    groups.push({ groupId: g.groupId, type: g.groupType.toLowerCase() || 'classic', state: g.groupState, protocolType: g.protocolType });
  }
  return groups;
}

interface Coordinated {
  coordinator: NonNullable<GroupDescription['coordinator']>;
  broker: BrokerClient;
}

/**
 * Finds each group's coordinator and runs `work` on each coordinator with its groups, again
 * (with a fresh FindCoordinator) for the groups `work` reports as needing another coordinator,
 * until they are all done or the request timeout has passed. Returns the groups never done.
 */
async function onCoordinators(
  client: ClusterClient,
  groupIds: readonly string[],
  work: (coordinated: Coordinated, groupIds: string[]) => Promise<string[]>,
): Promise<{ unresolved: string[]; lastError: unknown }> {
  await fetchMetadata(client, []); // so that broker(id) knows every broker a coordinator can be
  const deadline = Date.now() + client.requestTimeoutMs;
  let pending = [...new Set(groupIds)];
  let lastError: unknown;
  while (pending.length > 0) {
    const retry: string[] = [];
    const coordinators = await client.anyBroker((broker) => requestGroupCoordinators(broker, pending, client.requestTimeoutMs));
    const byNode = new Map<number, { coordinator: Coordinated['coordinator']; groupIds: string[] }>();
    for (const c of coordinators) {
      if (c.errorCode !== NONE) {
        if (!COORDINATOR_RETRY.has(c.errorCode)) throw groupError(c.key, c.errorCode);
        retry.push(c.key);
        lastError = new KafkaUserError(`group '${c.key}': ${errorName(c.errorCode)}`);
        continue;
      }
      let entry = byNode.get(c.nodeId);
      if (!entry) byNode.set(c.nodeId, (entry = { coordinator: { nodeId: c.nodeId, host: c.host, port: c.port }, groupIds: [] }));
      entry.groupIds.push(c.key);
    }
    await Promise.all(
      [...byNode.values()].map(async ({ coordinator, groupIds: ids }) => {
        try {
          retry.push(...(await work({ coordinator, broker: await client.broker(coordinator.nodeId) }, ids)));
        } catch (error) {
          if (error instanceof KafkaUserError) throw error;
          // The coordinator is unreachable: it may be the broker that just stopped.
          lastError = error;
          retry.push(...ids);
        }
      }),
    );
    pending = retry;
    if (pending.length === 0 || Date.now() + COORDINATOR_RETRY_MS > deadline) break;
    await sleep(COORDINATOR_RETRY_MS);
  }
  return { unresolved: pending, lastError };
}

const toRefs = (topics: ReadonlyArray<{ topicName: string; partitions: number[] }>): TopicPartitionRef[] =>
  topics.flatMap(({ topicName, partitions }) => partitions.map((partition) => ({ topic: topicName, partition })));

function classicAssignment(protocolType: string, bytes: Buffer): TopicPartitionRef[] {
  if (!CONSUMER_PROTOCOL_TYPES.has(protocolType)) return [];
  try {
    return decodeConsumerAssignment(bytes).flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })));
  } catch {
    return []; // assignment bytes a client wrote in a shape we do not know
  }
}

/** Describes one coordinator's groups: KIP-848 ones through ConsumerGroupDescribe, the rest through DescribeGroups. */
async function describeOnCoordinator({ coordinator, broker }: Coordinated, groupIds: string[], timeoutMs: number) {
  const described: GroupDescription[] = [];
  const retry: string[] = [];
  let classic = groupIds;
  if (supportsConsumerGroupDescribe(broker)) {
    classic = [];
    for (const g of await requestConsumerGroupDescribe(broker, groupIds, timeoutMs)) {
      // Not a KIP-848 group, or (Kafka 3.7 to 3.9) a broker that lists the API without the new protocol enabled.
      if (g.errorCode === GROUP_ID_NOT_FOUND || g.errorCode === UNSUPPORTED_VERSION) classic.push(g.groupId);
      else if (COORDINATOR_RETRY.has(g.errorCode)) retry.push(g.groupId);
      else if (g.errorCode !== NONE) throw groupError(g.groupId, g.errorCode, g.errorMessage);
      else
        described.push({
          groupId: g.groupId,
          type: 'consumer',
          state: g.groupState,
          coordinator,
          assignmentStrategy: g.assignorName,
          groupEpoch: g.groupEpoch,
          targetAssignmentEpoch: g.assignmentEpoch,
          members: g.members.map((m): GroupMember => ({
            memberId: m.memberId,
            groupInstanceId: m.instanceId,
            clientId: m.clientId,
            host: m.clientHost,
            assignment: toRefs(m.assignment),
            memberEpoch: m.memberEpoch,
            targetAssignment: toRefs(m.targetAssignment),
            upgraded: m.memberType === MEMBER_TYPE_CONSUMER ? true : m.memberType === MEMBER_TYPE_CLASSIC ? false : null,
          })),
        });
    }
  }
  if (classic.length > 0) {
    for (const g of await requestDescribeGroups(broker, classic, timeoutMs)) {
      if (COORDINATOR_RETRY.has(g.errorCode)) retry.push(g.groupId);
      // Kafka 4.x may answer GROUP_ID_NOT_FOUND where older brokers say Dead; both mean "no such group".
      else if (g.errorCode !== NONE && g.errorCode !== GROUP_ID_NOT_FOUND) throw groupError(g.groupId, g.errorCode);
      else
        described.push({
          groupId: g.groupId,
          type: 'classic',
          state: g.errorCode === GROUP_ID_NOT_FOUND ? 'Dead' : g.groupState,
          coordinator,
          assignmentStrategy: g.protocolData,
          groupEpoch: null,
          targetAssignmentEpoch: null,
          members: g.members.map((m): GroupMember => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            clientId: m.clientId,
            host: m.clientHost,
            assignment: classicAssignment(g.protocolType, m.memberAssignment),
            memberEpoch: null,
            targetAssignment: [],
            upgraded: null,
          })),
        });
    }
  }
  return { described, retry };
}

/**
 * The groups, in the order asked (duplicates once). An unknown group comes back in state 'Dead',
 * as the Java admin reports it; a group whose coordinator cannot be reached in time comes back
 * with coordinator null and state 'Unknown'.
 */
export async function describeGroups(client: ClusterClient, groupIds: string[]): Promise<GroupDescription[]> {
  const byId = new Map<string, GroupDescription>();
  const { unresolved } = await onCoordinators(client, groupIds, async (coordinated, ids) => {
    const { described, retry } = await describeOnCoordinator(coordinated, ids, client.requestTimeoutMs);
    for (const d of described) byId.set(d.groupId, d);
    return retry;
  });
  for (const groupId of unresolved) {
    byId.set(groupId, { groupId, type: 'classic', state: 'Unknown', coordinator: null, assignmentStrategy: '', members: [] });
  }
  return [...new Set(groupIds)].map((id) => byId.get(id)!);
}

/** The committed offsets of many groups, one OffsetFetch per coordinator. Groups whose coordinator never answered are missing. */
async function fetchOffsetsOfGroups(client: ClusterClient, groupIds: readonly string[]): Promise<Map<string, RawCommittedOffset[]>> {
  const result = new Map<string, RawCommittedOffset[]>();
  const { unresolved, lastError } = await onCoordinators(client, groupIds, async ({ broker }, ids) => {
    const retry: string[] = [];
    for (const g of await requestOffsetFetch(broker, ids, client.requestTimeoutMs)) {
      if (COORDINATOR_RETRY.has(g.errorCode)) retry.push(g.groupId);
      else if (g.errorCode === GROUP_ID_NOT_FOUND) result.set(g.groupId, []);
      else if (g.errorCode !== NONE) throw groupError(g.groupId, g.errorCode);
      // A partition error (e.g. UNSTABLE_OFFSET_COMMIT) or -1 means no usable commit, as the Java admin reads it.
      else
        result.set(
          g.groupId,
          g.offsets.filter((o) => o.errorCode === NONE && o.committedOffset >= 0),
        );
    }
    return retry;
  });
  if (unresolved.length > 0 && result.size === 0 && lastError) throw lastError;
  return result;
}

/** A group's committed offsets, by topic and partition. */
export async function fetchCommittedOffsets(
  client: ClusterClient,
  groupId: string,
): Promise<Array<{ topic: string; partition: number; offset: number }>> {
  const offsets = (await fetchOffsetsOfGroups(client, [groupId])).get(groupId);
  if (!offsets) throw new KafkaUserError(`group '${groupId}': its coordinator is not available`);
  return offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.committedOffset })).sort(byTopicPartition);
}

const key = (topic: string, partition: number) => `${topic}\0${partition}`;

/** Java's String.compareTo order (UTF-16 code units), not the locale's. */
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byTopicPartition = (a: TopicPartitionRef, b: TopicPartitionRef): number =>
  compareStrings(a.topic, b.topic) || a.partition - b.partition;

/** Log-end offsets (ListOffsets LATEST, the same watermark fetch describe uses); partitions without a reachable leader are missing. */
async function logEndOffsets(
  client: ClusterClient,
  topics: readonly TopicInfo[],
  wanted: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  await Promise.all(
    [...groupByLeader(topics, (topic, partition) => wanted.has(key(topic, partition)))].map(async ([leader, led]) => {
      try {
        for (const p of (await listLeaderOffsets(client, leader, led, LATEST, READ_UNCOMMITTED)).offsets)
          result.set(key(p.topic, p.partition), Number(p.offset));
      } catch {
        // A leader that just went away: its partitions show '-' as LOG-END-OFFSET.
      }
    }),
  );
  return result;
}

/** The partitions the group's rows will show: its members' assignments and its commits. */
function rowsOf(group: GroupDescription, committed: readonly RawCommittedOffset[], logEnds: ReadonlyMap<string, number>): PartitionLag[] {
  const commits = new Map(committed.map((c) => [key(c.topic, c.partition), c]));
  const row = (ref: TopicPartitionRef, member: PartitionLag['member']): PartitionLag => {
    const commit = commits.get(key(ref.topic, ref.partition));
    const logEndOffset = logEnds.get(key(ref.topic, ref.partition)) ?? null;
    const committedOffset = commit ? commit.committedOffset : null;
    return {
      topic: ref.topic,
      partition: ref.partition,
      committedOffset,
      committedLeaderEpoch: commit && commit.committedLeaderEpoch >= 0 ? commit.committedLeaderEpoch : null,
      logEndOffset,
      lag: committedOffset !== null && logEndOffset !== null ? logEndOffset - committedOffset : null,
      member,
    };
  };
  // ConsumerGroupCommand's order: members by assignment size, largest first (stable), each one's
  // partitions by topic and partition; then the committed partitions no member holds.
  const assigned = new Set<string>();
  const rows: PartitionLag[] = [];
  const members = group.members.filter((m) => m.assignment.length > 0).sort((a, b) => b.assignment.length - a.assignment.length);
  for (const m of members) {
    const owner = { memberId: m.memberId, host: m.host, clientId: m.clientId };
    for (const ref of [...m.assignment].sort(byTopicPartition)) {
      assigned.add(key(ref.topic, ref.partition));
      rows.push(row(ref, owner));
    }
  }
  const unassigned = committed.filter((c) => !assigned.has(key(c.topic, c.partition))).sort(byTopicPartition);
  for (const c of unassigned) rows.push(row(c, null));
  return rows;
}

/**
 * Per group, per partition: committed offset, log-end offset and lag, in ConsumerGroupCommand's
 * rows. timeLag: also now minus the timestamp of the record at each lagging committed offset.
 */
export async function describeGroupLag(
  client: ClusterClient,
  groupIds: string[],
  options: { timeLag?: boolean } = {},
): Promise<GroupLag[]> {
  const groups = await describeGroups(client, groupIds);
  const live = groups.filter((g) => g.state !== 'Dead' && g.coordinator !== null).map((g) => g.groupId);
  const committed = live.length > 0 ? await fetchOffsetsOfGroups(client, live) : new Map<string, RawCommittedOffset[]>();
  const wanted = new Set<string>();
  for (const g of groups) {
    for (const m of g.members) for (const ref of m.assignment) wanted.add(key(ref.topic, ref.partition));
    for (const c of committed.get(g.groupId) ?? []) wanted.add(key(c.topic, c.partition));
  }
  const topicNames = new Set([...wanted].map((k) => k.slice(0, k.lastIndexOf('\0'))));
  const metadata = topicNames.size > 0 ? await fetchMetadata(client, null) : undefined;
  const topics = metadata?.topics.filter((t) => topicNames.has(t.name)) ?? [];
  const logEnds = await logEndOffsets(client, topics, wanted);
  const result = groups.map((group) => ({ group, partitions: rowsOf(group, committed.get(group.groupId) ?? [], logEnds) }));
  if (options.timeLag) await addTimeLag(client, topics, result);
  return result;
}

/** Bytes asked per partition when reading the record at a committed offset: one batch is enough. */
const TIME_LAG_FETCH_BYTES = 64 * 1024;

/** The timestamp of the first record at or after `offset` in each partition, read with one bounded Fetch per leader and topic. */
async function recordTimestamps(
  client: ClusterClient,
  leader: number,
  topic: string,
  offsets: ReadonlyMap<number, number>,
): Promise<Map<number, number>> {
  const broker = await client.broker(leader);
  const fetchOnce = async (partitions: number[]) =>
    requestFetch(
      broker,
      {
        topic,
        partitions: partitions.map((partition) => ({ partition, offset: offsets.get(partition)!, maxBytes: TIME_LAG_FETCH_BYTES })),
        maxWaitMs: 0,
        minBytes: 0,
        maxBytes: TIME_LAG_FETCH_BYTES * partitions.length,
        readCommitted: false,
      },
      client.requestTimeoutMs,
    );
  const timestamps = new Map<number, number>();
  const take = (fetched: Awaited<ReturnType<typeof fetchOnce>>) => {
    for (const p of fetched) {
      const [first] = p.errorCode === NONE ? p.decodeRecords() : [];
      if (first) timestamps.set(p.partition, first.timestamp);
    }
  };
  take(await fetchOnce([...offsets.keys()]));
  // The broker returns a batch larger than the bytes asked only for the first partition of a
  // fetch; a partition left empty that way gets a fetch of its own.
  const missing = [...offsets.keys()].filter((p) => !timestamps.has(p));
  await Promise.all(missing.map(async (p) => take(await fetchOnce([p]))));
  return timestamps;
}

async function addTimeLag(client: ClusterClient, topics: readonly TopicInfo[], lags: GroupLag[]): Promise<void> {
  const leaders = new Map<string, number>();
  for (const t of topics) for (const p of t.partitions) if (p.leader !== null) leaders.set(key(t.name, p.partition), p.leader);
  const lagging = lags
    .flatMap((l) => l.partitions)
    .filter((p) => {
      p.timeLagMs = p.lag === 0 ? 0 : null;
      return p.lag !== null && p.lag > 0 && p.committedOffset !== null && leaders.has(key(p.topic, p.partition));
    });
  const readId = (topic: string, partition: number, offset: number) => `${key(topic, partition)}\0${offset}`;
  const timestamps = new Map<string, number>();
  // One read per distinct committed offset; a partition two groups read at different offsets takes a round per offset.
  let pending = [...new Map(lagging.map((p) => [readId(p.topic, p.partition, p.committedOffset!), p])).values()];
  while (pending.length > 0) {
    const round = new Map<string, { leader: number; topic: string; offsets: Map<number, number> }>();
    const later: PartitionLag[] = [];
    for (const p of pending) {
      const leader = leaders.get(key(p.topic, p.partition))!;
      let read = round.get(`${leader}\0${p.topic}`);
      if (!read) round.set(`${leader}\0${p.topic}`, (read = { leader, topic: p.topic, offsets: new Map() }));
      if (read.offsets.has(p.partition)) later.push(p);
      else read.offsets.set(p.partition, p.committedOffset!);
    }
    await Promise.all(
      [...round.values()].map(async ({ leader, topic, offsets }) => {
        try {
          for (const [partition, timestamp] of await recordTimestamps(client, leader, topic, offsets)) {
            timestamps.set(readId(topic, partition, offsets.get(partition)!), timestamp);
          }
        } catch {
          // A leader that does not answer: TIME-LAG '-' for its partitions.
        }
      }),
    );
    pending = later;
  }
  const now = Date.now();
  for (const p of lagging) {
    const timestamp = timestamps.get(readId(p.topic, p.partition, p.committedOffset!));
    if (timestamp !== undefined) p.timeLagMs = Math.max(0, now - timestamp);
  }
}

/** The consumer groups with commits on `topic`, with their state and total lag (null when some partition's end is unknown). */
export async function groupsOfTopic(
  client: ClusterClient,
  topic: string,
): Promise<Array<{ groupId: string; state: string; lag: number | null }>> {
  const listings = (await listGroups(client)).filter(isConsumerGroup);
  if (listings.length === 0) return [];
  const committed = await fetchOffsetsOfGroups(
    client,
    listings.map((g) => g.groupId),
  );
  const onTopic = listings.filter((g) => committed.get(g.groupId)?.some((c) => c.topic === topic));
  if (onTopic.length === 0) return [];
  const metadata = await fetchMetadata(client, [topic]);
  const wanted = new Set(metadata.topics[0]!.partitions.map((p) => key(topic, p.partition)));
  const logEnds = await logEndOffsets(client, metadata.topics, wanted);
  return onTopic
    .map(({ groupId, state }) => {
      let lag: number | null = 0;
      for (const c of committed.get(groupId)!) {
        if (c.topic !== topic) continue;
        const end = logEnds.get(key(c.topic, c.partition));
        lag = end === undefined || lag === null ? null : lag + (end - c.committedOffset);
      }
      return { groupId, state, lag };
    })
    .sort((a, b) => compareStrings(a.groupId, b.groupId));
}
