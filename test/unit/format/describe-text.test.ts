import { describe, expect, it } from 'vitest';
import { describeJson, describeText } from '../../../source/format/describe-text.js';
import type { DescribeResult } from '../../../source/kafka/describe.js';

const result: DescribeResult = {
  brokers: [
    { nodeId: 1, host: '127.0.0.1', port: 9092, rack: null },
    { nodeId: 2, host: '127.0.0.1', port: 9093, rack: null },
  ],
  controllerId: 1,
  topics: [
    {
      name: 'orders',
      topicId: '3p9xQ2kFQ-yqGZbqk0uJxw',
      isInternal: false,
      configs: [
        ['cleanup.policy', 'compact'],
        ['retention.ms', '86400000'],
      ],
      partitions: [
        { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3], offlineReplicas: [] },
        { partition: 1, leader: 2, replicas: [2, 3, 1], isr: [2, 1], offlineReplicas: [] },
        { partition: 2, leader: null, replicas: [3], isr: [], offlineReplicas: [3], error: 'LEADER_NOT_AVAILABLE' },
      ],
      watermarks: new Map([
        [0, { low: '0', high: '10' }],
        [1, { low: '4', high: '7' }],
      ]),
    },
  ],
};

describe('describe text', () => {
  it('matches the kafka-topics.sh layout, marking under-replicated and offline partitions', () => {
    expect(describeText(result)).toBe(
      [
        'Topic: orders\tTopicId: 3p9xQ2kFQ-yqGZbqk0uJxw\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: cleanup.policy=compact,retention.ms=86400000',
        '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3',
        '\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,1\t(under-replicated)',
        '\tTopic: orders\tPartition: 2\tLeader: none\tReplicas: 3\tIsr: \tOffline: 3',
        '',
      ].join('\n'),
    );
  });

  it('prints only matching partition lines under a filter, like kafka-topics', () => {
    expect(describeText(result, 'under-replicated')).toBe(
      '\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,1\t(under-replicated)\n',
    );
    expect(describeText(result, 'unavailable')).toBe('\tTopic: orders\tPartition: 2\tLeader: none\tReplicas: 3\tIsr: \tOffline: 3\n');
    expect(describeText({ ...result, topics: [] })).toBe('');
  });

  it('gives the same facts as JSON with watermarks', () => {
    const json = describeJson(result) as { topics: Array<{ partitions: unknown[]; configs: object; replicationFactor: number }> };
    expect(json.topics[0]!.replicationFactor).toBe(3);
    expect(json.topics[0]!.configs).toEqual({ 'cleanup.policy': 'compact', 'retention.ms': '86400000' });
    expect(json.topics[0]!.partitions).toEqual([
      {
        partition: 0,
        leader: 1,
        replicas: [1, 2, 3],
        isr: [1, 2, 3],
        offlineReplicas: [],
        underReplicated: false,
        offline: false,
        error: null,
        lowWatermark: 0,
        highWatermark: 10,
      },
      {
        partition: 1,
        leader: 2,
        replicas: [2, 3, 1],
        isr: [2, 1],
        offlineReplicas: [],
        underReplicated: true,
        offline: false,
        error: null,
        lowWatermark: 4,
        highWatermark: 7,
      },
      {
        partition: 2,
        leader: null,
        replicas: [3],
        isr: [],
        offlineReplicas: [3],
        underReplicated: true,
        offline: true,
        error: 'LEADER_NOT_AVAILABLE',
        lowWatermark: null,
        highWatermark: null,
      },
    ]);
  });
});
