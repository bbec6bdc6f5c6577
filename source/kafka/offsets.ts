// ListOffsets, asked of each partition's leader: one request per leader, for any number of topics.
import type { ClusterClient } from './cluster-client.js';
import type { TopicInfo } from './metadata.js';

export const EARLIEST = -2;
export const LATEST = -1;
export const READ_UNCOMMITTED = 0;
export const READ_COMMITTED = 1;

/** leader → topic → partitions it leads. */
export type PartitionsByLeader = Map<number, Map<string, number[]>>;

/** Groups partitions by leader; partitions without one are left out. */
export function groupByLeader(
  topics: readonly TopicInfo[],
  include: (topic: string, partition: number) => boolean = () => true,
): PartitionsByLeader {
  const byLeader: PartitionsByLeader = new Map();
  for (const topic of topics) {
    for (const p of topic.partitions) {
      if (p.leader === null || !include(topic.name, p.partition)) continue;
      let led = byLeader.get(p.leader);
      if (!led) byLeader.set(p.leader, (led = new Map()));
      let partitions = led.get(topic.name);
      if (!partitions) led.set(topic.name, (partitions = []));
      partitions.push(p.partition);
    }
  }
  return byLeader;
}

export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/** The offsets at `timestamp` (EARLIEST, LATEST or epoch ms) of the partitions one leader leads. */
export async function listLeaderOffsets(
  client: ClusterClient,
  leader: number,
  partitionsByTopic: ReadonlyMap<string, readonly number[]>,
  timestamp: number,
  isolationLevel: number,
): Promise<PartitionOffset[]> {
  const broker = await client.broker(leader);
  const response = await broker.listOffsets({
    isolationLevel,
    topics: [...partitionsByTopic].map(([topic, partitions]) => ({
      topic,
      partitions: partitions.map((partition) => ({ partition, timestamp })),
    })),
  });
  return response.responses.flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => ({ topic, partition, offset })));
}
