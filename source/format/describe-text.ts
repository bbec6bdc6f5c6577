// kafka-topics.sh --describe compatible text, so that greps and scripts carry over.
import type { DescribeResult, TopicDescription } from '../kafka/describe.js';
import { isOffline, isUnderReplicated, replicationFactor, type PartitionInfo } from '../kafka/metadata.js';

/** How a topic or group the broker denies us is shown, in the CLI and the panes alike. */
export const NOT_AUTHORIZED = 'not authorized';

export type PartitionFilter = 'all' | 'under-replicated' | 'unavailable';

export function partitionMatches(p: PartitionInfo, filter: PartitionFilter): boolean {
  if (filter === 'under-replicated') return !isOffline(p) && isUnderReplicated(p);
  if (filter === 'unavailable') return isOffline(p);
  return true;
}

export function topicLine(topic: TopicDescription): string {
  const configs = topic.configsNotAuthorized ? `(${NOT_AUTHORIZED})` : topic.configs.map(([k, v]) => `${k}=${v}`).join(',');
  return [
    `Topic: ${topic.name}`,
    `TopicId: ${topic.topicId ?? ''}`,
    `PartitionCount: ${topic.partitions.length}`,
    `ReplicationFactor: ${replicationFactor(topic)}`,
    `Configs: ${configs}`,
  ].join('\t');
}

export function partitionLine(topic: string, p: PartitionInfo): string {
  const fields = [
    `\tTopic: ${topic}`,
    `Partition: ${p.partition}`,
    `Leader: ${p.leader ?? 'none'}`,
    `Replicas: ${p.replicas.join(',')}`,
    `Isr: ${p.isr.join(',')}`,
  ];
  if (p.offlineReplicas.length > 0) fields.push(`Offline: ${p.offlineReplicas.join(',')}`);
  if (!isOffline(p) && isUnderReplicated(p)) fields.push('(under-replicated)');
  return fields.join('\t');
}

/** With a filter, only the matching partition lines are printed, as kafka-topics does. */
export function describeText(result: DescribeResult, filter: PartitionFilter = 'all'): string {
  const lines: string[] = [];
  for (const topic of result.topics) {
    if (topic.notAuthorized) {
      if (filter === 'all') lines.push(`Topic: ${topic.name}\t${NOT_AUTHORIZED}`);
      continue;
    }
    if (filter === 'all') lines.push(topicLine(topic));
    for (const p of topic.partitions) {
      if (partitionMatches(p, filter)) lines.push(partitionLine(topic.name, p));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function describeJson(result: DescribeResult, filter: PartitionFilter = 'all'): object {
  return {
    brokers: result.brokers.map(({ nodeId, host, port, rack }) => ({ nodeId, host, port, rack })),
    controller: result.controllerId,
    topics: result.topics.map((topic) =>
      topic.notAuthorized
        ? { name: topic.name, error: NOT_AUTHORIZED }
        : {
            name: topic.name,
            topicId: topic.topicId ?? null,
            internal: topic.isInternal,
            partitionCount: topic.partitions.length,
            replicationFactor: replicationFactor(topic),
            configs: topic.configsNotAuthorized ? NOT_AUTHORIZED : Object.fromEntries(topic.configs),
            partitions: topic.partitions
              .filter((p) => partitionMatches(p, filter))
              .map((p) => {
                const marks = topic.watermarks?.get(p.partition);
                return {
                  partition: p.partition,
                  leader: p.leader,
                  replicas: p.replicas,
                  isr: p.isr,
                  offlineReplicas: p.offlineReplicas,
                  underReplicated: isUnderReplicated(p),
                  offline: isOffline(p),
                  error: p.error ?? null,
                  lowWatermark: marks ? Number(marks.low) : null,
                  highWatermark: marks ? Number(marks.high) : null,
                };
              }),
          },
    ),
  };
}
