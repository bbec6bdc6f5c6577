// The write side of consumer groups: plan and apply an offset reset (kafka-consumer-groups.sh
// --reset-offsets), delete groups, delete a group's offsets. Every request goes to the group's
// coordinator, found with FindCoordinator and found again when it moves.
import type { BrokerClient, ClusterClient } from './cluster-client.js';
import { KafkaUserError } from './errors.js';
import type { GroupDescription } from './group-types.js';
import { describeGroups, fetchCommittedOffsets } from './groups.js';
import { fetchMetadata, type TopicInfo } from './metadata.js';
import { EARLIEST, LATEST, READ_UNCOMMITTED, groupByLeader, listLeaderOffsets } from './offsets.js';
import { requestDeleteGroups } from './protocol/delete-groups.js';
import {
  COORDINATOR_RETRY,
  GROUP_ID_NOT_FOUND,
  GROUP_SUBSCRIBED_TO_TOPIC,
  NONE,
  NON_EMPTY_GROUP,
  errorName,
} from './protocol/error-codes.js';
import { requestGroupCoordinators } from './protocol/find-coordinator.js';
import { requestOffsetCommit } from './protocol/offset-commit.js';
import { requestOffsetDelete } from './protocol/offset-delete.js';
import {
  isTimeMode,
  planRows,
  resetTimestamp,
  type PartitionFacts,
  type ResetMode,
  type ResetPlan,
  type ResetScope,
} from './reset-planner.js';

export type { ResetMode, ResetPlan, ResetRow, ResetScope } from './reset-planner.js';

/** States in which nothing holds the group's partitions, so its offsets may be moved (as ConsumerGroupCommand allows). */
export const RESETTABLE_STATES: ReadonlySet<string> = new Set(['Empty', 'Dead']);

const COORDINATOR_ATTEMPTS = 5;
const COORDINATOR_BACKOFF_MS = 300;

class CoordinatorMoved extends Error {}

/**
 * Runs work on the group's coordinator; when the answer says the coordinator moved or is loading
 * (work throws CoordinatorMoved), finds it again and retries a few times.
 */
async function onCoordinator<T>(client: ClusterClient, groupId: string, work: (coordinator: BrokerClient) => Promise<T>): Promise<T> {
  // Metadata makes broker(id) know every broker the coordinator may be.
  await fetchMetadata(client, []);
  for (let attempt = 1; ; attempt++) {
    const [answer] = await client.anyBroker((broker) => requestGroupCoordinators(broker, [groupId], client.requestTimeoutMs));
    try {
      if (!answer) throw new KafkaUserError(`group '${groupId}': the broker named no coordinator`);
      if (COORDINATOR_RETRY.has(answer.errorCode)) throw new CoordinatorMoved();
      if (answer.errorCode !== NONE) throw new KafkaUserError(`group '${groupId}': ${answer.errorMessage ?? errorName(answer.errorCode)}`);
      return await work(await client.broker(answer.nodeId));
    } catch (error) {
      if (!(error instanceof CoordinatorMoved) || attempt >= COORDINATOR_ATTEMPTS) {
        if (error instanceof CoordinatorMoved) throw new KafkaUserError(`group '${groupId}': its coordinator is not available`);
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, COORDINATOR_BACKOFF_MS * attempt));
    }
  }
}

function checkCoordinatorError(code: number): void {
  if (COORDINATOR_RETRY.has(code)) throw new CoordinatorMoved();
}

const key = (topic: string, partition: number) => `${topic}\0${partition}`;

/** The partitions a scope names: every partition of a bare topic, the committed ones for allTopics. */
function scopePartitions(scope: ResetScope, topics: readonly TopicInfo[], committed: ReadonlyMap<string, number>): Array<[string, number]> {
  if ('allTopics' in scope) return [...committed.keys()].map((k) => k.split('\0') as [string, string]).map(([t, p]) => [t, Number(p)]);
  const byName = new Map(topics.map((t) => [t.name, t]));
  const wanted = new Map<string, [string, number]>();
  for (const { topic, partitions } of scope.topics) {
    const known = byName.get(topic)!.partitions.map((p) => p.partition);
    for (const partition of partitions ?? known) {
      if (!known.includes(partition)) throw new KafkaUserError(`topic ${topic} has no partition ${partition} (it has ${known.length})`);
      wanted.set(key(topic, partition), [topic, partition]);
    }
  }
  return [...wanted.values()];
}

/** Log start, log end, and (for the time modes) the offset at a time, per partition, asked of each leader once. */
async function partitionFacts(
  client: ClusterClient,
  topics: readonly TopicInfo[],
  partitions: ReadonlyArray<[string, number]>,
  committed: ReadonlyMap<string, number>,
  timestamp: number | undefined,
): Promise<PartitionFacts[]> {
  const wanted = new Set(partitions.map(([t, p]) => key(t, p)));
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  const atTime = new Map<string, number>();
  await Promise.all(
    [...groupByLeader(topics, (t, p) => wanted.has(key(t, p)))].map(async ([leader, led]) => {
      const ask = async (at: number, into: Map<string, number>) => {
        for (const o of (await listLeaderOffsets(client, leader, led, at, READ_UNCOMMITTED)).offsets)
          into.set(key(o.topic, o.partition), Number(o.offset));
      };
      await Promise.all([ask(EARLIEST, starts), ask(LATEST, ends), timestamp === undefined ? undefined : ask(timestamp, atTime)]);
    }),
  );
  return partitions.map(([topic, partition]) => ({
    topic,
    partition,
    logStartOffset: starts.get(key(topic, partition)) ?? null,
    logEndOffset: ends.get(key(topic, partition)) ?? null,
    committed: committed.get(key(topic, partition)) ?? null,
    ...(timestamp === undefined ? {} : { offsetAtTime: atTime.get(key(topic, partition)) ?? -1 }),
  }));
}

async function committedOffsets(client: ClusterClient, groupId: string): Promise<Map<string, number>> {
  const offsets = await fetchCommittedOffsets(client, groupId);
  return new Map(offsets.map((o) => [key(o.topic, o.partition), o.offset]));
}

/**
 * What a reset would do, without doing it: for each partition in scope (or in the file), the
 * offset the group has and the one it would get, clamped into the log, with the lag either side.
 */
export async function planReset(
  client: ClusterClient,
  request: { groupId: string; scope: ResetScope; mode: ResetMode },
): Promise<ResetPlan> {
  const { groupId, mode } = request;
  const scope: ResetScope =
    mode.kind === 'file'
      ? {
          topics: [...new Set(mode.rows.map((r) => r.topic))].map((topic) => ({
            topic,
            partitions: mode.rows.filter((r) => r.topic === topic).map((r) => r.partition),
          })),
        }
      : request.scope;
  const committed = await committedOffsets(client, groupId);
  const topicNames =
    'allTopics' in scope ? [...new Set([...committed.keys()].map((k) => k.split('\0')[0]!))] : scope.topics.map((t) => t.topic);
  const { topics } = topicNames.length > 0 ? await fetchMetadata(client, [...new Set(topicNames)]) : { topics: [] };
  const partitions = scopePartitions(scope, topics, committed);
  const facts = await partitionFacts(client, topics, partitions, committed, isTimeMode(mode) ? resetTimestamp(mode) : undefined);
  return { groupId, ...planRows(mode, facts) };
}

/** "it is Stable with 2 members: consumer-1-… (rdkafka@/127.0.0.1), …" */
function holders(group: GroupDescription): string {
  const shown = group.members.slice(0, 3).map((m) => `${m.memberId} (${m.clientId}@${m.host})`);
  const more = group.members.length > 3 ? `, and ${group.members.length - 3} more` : '';
  const count = group.members.length === 1 ? '1 member' : `${group.members.length} members`;
  return group.members.length === 0 ? `it is ${group.state}` : `it is ${group.state} with ${count}: ${shown.join(', ')}${more}`;
}

/** The group as it is now, refused unless nothing holds it. */
export async function requireInactiveGroup(client: ClusterClient, groupId: string, what: string): Promise<GroupDescription> {
  const [group] = await describeGroups(client, [groupId]);
  if (!group) throw new KafkaUserError(`unknown group '${groupId}'`);
  if (!RESETTABLE_STATES.has(group.state)) {
    throw new KafkaUserError(`cannot ${what} of group '${groupId}': ${holders(group)}; stop its consumers first`);
  }
  return group;
}

/** Commits a plan's offsets as an admin (no member, no generation), after checking the group is Empty or Dead. */
export async function executeReset(client: ClusterClient, plan: ResetPlan): Promise<void> {
  await requireInactiveGroup(client, plan.groupId, 'reset offsets');
  if (plan.rows.length === 0) return;
  const offsets = plan.rows.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.newOffset }));
  const results = await onCoordinator(client, plan.groupId, async (coordinator) => {
    const answer = await requestOffsetCommit(coordinator, plan.groupId, offsets, client.requestTimeoutMs);
    for (const r of answer) checkCoordinatorError(r.errorCode);
    return answer;
  });
  const failed = results.filter((r) => r.errorCode !== NONE);
  if (failed.length > 0) {
    const first = failed[0]!;
    // UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION / STALE_MEMBER_EPOCH: a consumer joined since the check.
    throw new KafkaUserError(
      `the reset of group '${plan.groupId}' failed for ${failed.length} partition(s), e.g. ${first.topic}-${first.partition}: ${errorName(first.errorCode)}`,
    );
  }
}

function groupError(code: number): string {
  if (code === GROUP_ID_NOT_FOUND) return 'unknown group';
  if (code === NON_EMPTY_GROUP) return 'the group has active members';
  return errorName(code);
}

/** Deletes each group on its own coordinator; each answers for itself (an active or unknown group fails alone). */
export async function deleteGroups(
  client: ClusterClient,
  groupIds: readonly string[],
): Promise<Array<{ groupId: string; error: string | null }>> {
  return Promise.all(
    groupIds.map(async (groupId) => {
      const [result] = await onCoordinator(client, groupId, async (coordinator) => {
        const answer = await requestDeleteGroups(coordinator, [groupId], client.requestTimeoutMs);
        for (const r of answer) checkCoordinatorError(r.errorCode);
        return answer;
      });
      const code = result?.errorCode ?? NONE;
      return { groupId, error: code === NONE ? null : groupError(code) };
    }),
  );
}

export interface OffsetDeleteOutcome {
  topic: string;
  partition: number;
  error: string | null;
}

/** Deletes a group's committed offsets for a topic (every partition, or those given). An unknown group is a user error. */
export async function deleteGroupOffsets(
  client: ClusterClient,
  groupId: string,
  topic: string,
  partitions?: readonly number[],
): Promise<OffsetDeleteOutcome[]> {
  const [info] = (await fetchMetadata(client, [topic])).topics;
  const known = info!.partitions.map((p) => p.partition);
  const chosen = partitions ?? known;
  const missing = chosen.find((p) => !known.includes(p));
  if (missing !== undefined) throw new KafkaUserError(`topic ${topic} has no partition ${missing} (it has ${known.length})`);
  const answer = await onCoordinator(client, groupId, async (coordinator) => {
    const result = await requestOffsetDelete(coordinator, groupId, [{ topic, partitions: chosen }], client.requestTimeoutMs);
    checkCoordinatorError(result.errorCode);
    return result;
  });
  if (answer.errorCode !== NONE) throw new KafkaUserError(`cannot delete offsets of group '${groupId}': ${groupError(answer.errorCode)}`);
  return answer.partitions
    .map((p) => ({
      topic: p.topic,
      partition: p.partition,
      error:
        p.errorCode === NONE
          ? null
          : p.errorCode === GROUP_SUBSCRIBED_TO_TOPIC
            ? 'the group is subscribed to the topic'
            : errorName(p.errorCode),
    }))
    .sort((a, b) => a.partition - b.partition);
}
