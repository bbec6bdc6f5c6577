// One row per topic for the TUI's topic list: partition count, replication factor, health,
// and total messages (the sum of high - low watermarks).
import type { ClusterClient } from './cluster-client.js';
import { fetchMetadata, isOffline, isUnderReplicated, replicationFactor } from './metadata.js';
import { fetchWatermarks } from './topics.js';

export interface TopicSummary {
  name: string;
  isInternal: boolean;
  partitions: number;
  replicationFactor: number;
  /** Sum of high − low over the partitions we could ask; null when none answered. */
  messages: number | null;
  underReplicated: boolean;
  offline: boolean;
}

export async function fetchTopicSummaries(client: ClusterClient): Promise<TopicSummary[]> {
  const metadata = await fetchMetadata(client, null);
  const watermarks = await fetchWatermarks(client, metadata.topics);
  const messagesIn = (topic: string): number | null => {
    const marks = [...(watermarks.get(topic)?.values() ?? [])];
    if (marks.length === 0) return null;
    return marks.reduce((sum, { low, high }) => sum + Math.max(0, Number(high) - Number(low)), 0);
  };
  return metadata.topics.map((topic) => ({
    name: topic.name,
    isInternal: topic.isInternal,
    partitions: topic.partitions.length,
    replicationFactor: replicationFactor(topic),
    messages: messagesIn(topic.name),
    underReplicated: topic.partitions.some((p) => !isOffline(p) && isUnderReplicated(p)),
    offline: topic.partitions.some(isOffline),
  }));
}
