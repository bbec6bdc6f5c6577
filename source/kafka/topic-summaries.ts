// One row per topic for the TUI's topic list: partition count, replication factor, health,
// and total messages (the sum of high - low watermarks).
import type { ClusterClient } from './cluster-client.js';
import { fetchMetadata, isOffline, isUnderReplicated, replicationFactor } from './metadata.js';
import { describeFailures, failuresByTopic } from './offsets.js';
import { fetchWatermarks } from './topics.js';

export interface TopicSummary {
  name: string;
  isInternal: boolean;
  partitions: number;
  replicationFactor: number;
  /** Sum of high − low over the partitions with a leader; null when one of them did not answer. */
  messages: number | null;
  /** Why `messages` is null although the topic has partitions with a leader, e.g. "NOT_LEADER_FOR_PARTITION on 2 partitions (t/0, t/1)". */
  messagesUnknown?: string;
  underReplicated: boolean;
  offline: boolean;
}

export async function fetchTopicSummaries(client: ClusterClient): Promise<TopicSummary[]> {
  const metadata = await fetchMetadata(client, null);
  const { byTopic, failures } = await fetchWatermarks(client, metadata.topics);
  const failuresOf = failuresByTopic(failures);
  const messagesIn = (topic: string): number | null => {
    const marks = [...(byTopic.get(topic)?.values() ?? [])];
    if (marks.length === 0 || failuresOf.has(topic)) return null;
    return marks.reduce((sum, { low, high }) => sum + Math.max(0, Number(high) - Number(low)), 0);
  };
  return metadata.topics.map((topic) => ({
    name: topic.name,
    isInternal: topic.isInternal,
    partitions: topic.partitions.length,
    replicationFactor: replicationFactor(topic),
    messages: messagesIn(topic.name),
    ...(failuresOf.has(topic.name) && { messagesUnknown: describeFailures(failuresOf.get(topic.name)!) }),
    underReplicated: topic.partitions.some((p) => !isOffline(p) && isUnderReplicated(p)),
    offline: topic.partitions.some(isOffline),
  }));
}
