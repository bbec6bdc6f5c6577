// One row per topic for the TUI's topic list: partition count, replication factor, health,
// and total messages. Watermarks for every topic are asked of each leader in one request
// per leader (not one per topic), so thousands of topics cost a handful of round trips.
import type { ConnectionManager } from './connection.js';
import { fetchMetadata, isOffline, isUnderReplicated, replicationFactor } from './metadata.js';

const LATEST = -1;
const EARLIEST = -2;
const READ_UNCOMMITTED = 0;

export interface TopicSummaryRow {
  name: string;
  isInternal: boolean;
  partitions: number;
  replicationFactor: number;
  messages: number | null;
  underReplicated: boolean;
  offline: boolean;
}

export async function fetchTopicSummaries(connection: ConnectionManager): Promise<TopicSummaryRow[]> {
  const metadata = await fetchMetadata(connection, null);
  const cluster = await connection.cluster();
  const byLeader = new Map<number, Map<string, number[]>>();
  for (const topic of metadata.topics) {
    for (const p of topic.partitions) {
      if (p.leader === null) continue;
      const topics = byLeader.get(p.leader) ?? new Map<string, number[]>();
      byLeader.set(p.leader, topics);
      topics.set(topic.name, [...(topics.get(topic.name) ?? []), p.partition]);
    }
  }
  const counts = new Map<string, number>();
  await Promise.all(
    [...byLeader].map(async ([leader, topics]) => {
      try {
        const broker = await cluster.findBroker({ nodeId: leader });
        const ask = (timestamp: number) =>
          broker.listOffsets({
            replicaId: -1,
            isolationLevel: READ_UNCOMMITTED,
            topics: [...topics].map(([topic, partitions]) => ({
              topic,
              partitions: partitions.map((partition) => ({ partition, timestamp })),
            })),
          });
        const [low, high] = await Promise.all([ask(EARLIEST), ask(LATEST)]);
        const lows = new Map<string, string>();
        for (const t of low.responses) for (const p of t.partitions) lows.set(`${t.topic}\0${p.partition}`, p.offset);
        for (const t of high.responses) {
          for (const p of t.partitions) {
            const size = Number(p.offset) - Number(lows.get(`${t.topic}\0${p.partition}`) ?? p.offset);
            counts.set(t.topic, (counts.get(t.topic) ?? 0) + Math.max(0, size));
          }
        }
      } catch {
        // A leader that does not answer leaves its topics' counts partial until the next refresh.
      }
    }),
  );
  return metadata.topics.map((topic) => ({
    name: topic.name,
    isInternal: topic.isInternal,
    partitions: topic.partitions.length,
    replicationFactor: replicationFactor(topic),
    messages: counts.get(topic.name) ?? null,
    underReplicated: topic.partitions.some((p) => !isOffline(p) && isUnderReplicated(p)),
    offline: topic.partitions.some(isOffline),
  }));
}
