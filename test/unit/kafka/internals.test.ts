// The kafkajs private shapes internals.ts relies on, checked on a client that never connects:
// a kafkajs upgrade that moves or renames any of them fails here, not in front of a user.
import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createCluster, createRawRequest, kafkaErrorName, syncBrokers } from '../../../source/kafka/internals.js';

const kafka = () => new kafkajs.Kafka({ brokers: ['127.0.0.1:1'], logLevel: kafkajs.logLevel.NOTHING });

describe('kafkajs internals', () => {
  it('exposes its cluster factory, and the cluster its broker pool', async () => {
    const cluster = createCluster(kafka());
    expect(typeof cluster.connect).toBe('function');
    expect(typeof cluster.disconnect).toBe('function');
    expect(typeof cluster.findBroker).toBe('function');
    const pool = cluster.brokerPool;
    expect(typeof pool.findConnectedBroker).toBe('function');
    expect(typeof pool.createBroker).toBe('function');
    expect(typeof pool.connectionPoolBuilder.build).toBe('function');
    expect(pool.brokers).toEqual({});
    expect(pool).toHaveProperty('rootLogger');
    expect(pool).toHaveProperty('versions');
    expect(pool).toHaveProperty('seedBroker');
  });

  it('builds brokers with the methods and fields we use', async () => {
    const pool = createCluster(kafka()).brokerPool;
    const broker = pool.createBroker({
      logger: pool.rootLogger,
      versions: { 3: { minVersion: 0, maxVersion: 12 } },
      connectionPool: await pool.connectionPoolBuilder.build({ host: '127.0.0.1', port: 9001, rack: null }),
      nodeId: 7,
    });
    expect(broker.nodeId).toBe(7);
    expect(broker.versions?.[3]).toEqual({ minVersion: 0, maxVersion: 12 });
    expect(broker.connectionPool.host).toBe('127.0.0.1');
    expect(broker.connectionPool.port).toBe(9001);
    expect(typeof broker.connectionPool.send).toBe('function');
    for (const method of ['initProducerId', 'describeConfigs', 'disconnect'] as const) {
      expect(typeof broker[method]).toBe('function');
    }
  });

  it('encodes our bytes unchanged through its Encoder', async () => {
    const body = Buffer.from([1, 2, 3, 250]);
    const request = createRawRequest({
      apiKey: 3,
      apiName: 'Metadata',
      apiVersion: 12,
      body,
      decode: (payload) => payload.length,
      expectResponse: false,
      timeoutMs: 1_000,
    });
    expect((await request.request.encode()).buffer.equals(body)).toBe(true);
    expect(request.request.expectResponse?.()).toBe(false);
    expect(await request.response.decode(Buffer.alloc(5))).toBe(5);
  });

  it('has the error table we reuse', () => {
    expect(kafkaErrorName(6)).toBe('NOT_LEADER_FOR_PARTITION'); // kafkajs's (pre-2.5) name
    expect(kafkaErrorName(3)).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(kafkaErrorName(-12345)).toBeUndefined();
  });
});

const broker = (nodeId: number, port: number) => ({ nodeId, host: '127.0.0.1', port, rack: null });

const unconnectedCluster = () => createCluster(kafka());

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
