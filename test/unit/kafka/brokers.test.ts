import { describe, expect, it } from 'vitest';
import { summarizeBrokers } from '../../../source/kafka/brokers.js';
import { configSourceName } from '../../../source/kafka/configs.js';
import type { PartitionInfo, TopicInfo } from '../../../source/kafka/metadata.js';

const p = (partition: number, leader: number | null, replicas: number[], isr: number[], offlineReplicas: number[] = []): PartitionInfo => ({
  partition,
  leader,
  replicas,
  isr,
  offlineReplicas,
});
const topic = (name: string, partitions: PartitionInfo[]): TopicInfo => ({ name, isInternal: name.startsWith('__'), partitions });
const live = (nodeId: number) => ({ nodeId, host: 'h', port: 9000 + nodeId, rack: null });
const counts = (b: { nodeId: number; leaders: number; replicas: number; outOfIsr: number; offline: number; up: boolean }) =>
  [b.nodeId, b.up, b.leaders, b.replicas, b.outOfIsr, b.offline] as const;

describe('summarizeBrokers', () => {
  it('counts leaders, replicas, out-of-ISR and offline replicas per broker, internal topics included', () => {
    const overview = summarizeBrokers(
      {
        clusterId: 'c',
        brokers: [live(1), live(3)],
        topics: [
          topic('orders', [p(0, 1, [1, 2, 3], [1, 3], [2]), p(1, 3, [3, 1, 2], [3, 1], [2]), p(2, null, [2], [], [2])]),
          topic('__consumer_offsets', [p(0, 3, [3, 1], [3])]),
        ],
      },
      undefined,
      3,
    );
    expect(overview.brokers.map(counts)).toEqual([
      [1, true, 1, 3, 1, 0],
      // Named only by replica lists: down, with no address, yet listed.
      [2, false, 0, 3, 3, 3],
      [3, true, 2, 3, 0, 0],
    ]);
    expect(overview.brokers.find((b) => b.nodeId === 2)).toMatchObject({ host: null, port: null });
    expect(overview.brokers.filter((b) => b.controller).map((b) => b.nodeId)).toEqual([3]);
    expect(overview).toMatchObject({ clusterId: 'c', controllerId: 3 });
  });

  it('a fenced broker from the registry is down but keeps its address; an idle broker has zero counts', () => {
    const overview = summarizeBrokers(
      { clusterId: 'c', brokers: [live(1)], topics: [] },
      [
        { nodeId: 1, host: 'h', port: 9001, rack: 'r1', fenced: false },
        { nodeId: 2, host: 'h2', port: 9002, rack: 'r2', fenced: true },
      ],
      null,
    );
    expect(overview.brokers).toEqual([
      { nodeId: 1, host: 'h', port: 9001, rack: null, up: true, controller: false, leaders: 0, replicas: 0, outOfIsr: 0, offline: 0 },
      { nodeId: 2, host: 'h2', port: 9002, rack: 'r2', up: false, controller: false, leaders: 0, replicas: 0, outOfIsr: 0, offline: 0 },
    ]);
  });

  it('names config sources as ConfigCommand does', () => {
    expect([2, 3, 4, 5, 1, 6].map(configSourceName)).toEqual([
      'DYNAMIC_BROKER_CONFIG',
      'DYNAMIC_DEFAULT_BROKER_CONFIG',
      'STATIC_BROKER_CONFIG',
      'DEFAULT_CONFIG',
      'DYNAMIC_TOPIC_CONFIG',
      'DYNAMIC_BROKER_LOGGER_CONFIG',
    ]);
    expect(configSourceName(42)).toBe('UNKNOWN(42)');
  });
});
