// syncBrokers keeps kafkajs's broker pool in step with our own metadata, on a real (unconnected) kafkajs cluster.
import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createCluster, syncBrokers } from '../../../source/kafka/internals.js';

const broker = (nodeId: number, port: number) => ({ nodeId, host: '127.0.0.1', port, rack: null });

function unconnectedCluster() {
  const kafka = new kafkajs.Kafka({ brokers: ['127.0.0.1:1'], logLevel: kafkajs.logLevel.NOTHING });
  return createCluster(kafka);
}

const known = (cluster: ReturnType<typeof createCluster>) =>
  Object.entries(cluster.brokerPool.brokers)
    .map(([id, b]) => `${id}@${b.connectionPool.port}`)
    .sort();

describe('syncBrokers', () => {
  it('adds the brokers metadata lists', async () => {
    const cluster = unconnectedCluster();
    await syncBrokers(cluster, [broker(1, 9001), broker(2, 9002)]);
    expect(known(cluster)).toEqual(['1@9001', '2@9002']);
  });

  it('drops a broker that has left the cluster', async () => {
    const cluster = unconnectedCluster();
    await syncBrokers(cluster, [broker(1, 9001), broker(2, 9002), broker(3, 9003)]);
    const leaving = cluster.brokerPool.brokers['2']!;
    let disconnected = false;
    leaving.disconnect = async () => {
      disconnected = true;
    };
    await syncBrokers(cluster, [broker(1, 9001), broker(3, 9003)]);
    expect(known(cluster)).toEqual(['1@9001', '3@9003']);
    expect(disconnected).toBe(true);
  });

  it('replaces a broker whose address changed and keeps the unchanged one as it is', async () => {
    const cluster = unconnectedCluster();
    await syncBrokers(cluster, [broker(1, 9001), broker(2, 9002)]);
    const unchanged = cluster.brokerPool.brokers['1'];
    await syncBrokers(cluster, [broker(1, 9001), broker(2, 9102)]);
    expect(known(cluster)).toEqual(['1@9001', '2@9102']);
    expect(cluster.brokerPool.brokers['1']).toBe(unchanged);
  });
});
