// The few kafkajs internals we rely on, typed in one place.
// kafkajs has no tolerant metadata (its parser throws on any partition error), no
// topic ids, and no assign-style fetch. Its Cluster/Broker objects already speak the
// protocol, with SASL/TLS and retries, so we reuse them rather than open our own sockets.
import { createRequire } from 'node:module';
import type { Kafka } from 'kafkajs';

const require = createRequire(import.meta.url);

export interface KafkaEncoder {
  readonly buffer: Buffer;
}

interface EncoderClass {
  new (): KafkaEncoder & { writeBuffer(value: Buffer): KafkaEncoder };
}

export interface ProtocolRequest<T> {
  request: {
    apiKey: number;
    apiVersion: number;
    apiName: string;
    encode(): Promise<KafkaEncoder>;
    /** False for requests the broker does not answer (Produce with acks=0). */
    expectResponse?: () => boolean;
  };
  response: { decode(payload: Buffer): Promise<T>; parse(data: T): Promise<T> };
  requestTimeout?: number;
}

export interface ApiVersionRange {
  minVersion: number;
  maxVersion: number;
}

export interface InternalBroker {
  nodeId?: number;
  versions: Record<number, ApiVersionRange>;
  connectionPool: { send<T>(protocol: ProtocolRequest<T>): Promise<T>; host: string; port: number };
  describeConfigs(args: { resources: Array<{ type: number; name: string }>; includeSynonyms: boolean }): Promise<{
    resources: Array<{
      resourceName: string;
      errorCode: number;
      configEntries: Array<{ configName: string; configValue: string; isSensitive: boolean; configSource?: number }>;
    }>;
  }>;
  listOffsets(args: object): Promise<{
    responses: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;
  }>;
  initProducerId(args: { transactionalId?: string; transactionTimeout: number }): Promise<{
    producerId: string;
    producerEpoch: number;
  }>;
  isConnected(): boolean;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  isConnected(): boolean;
  findBroker(args: { nodeId: string | number }): Promise<InternalBroker>;
  brokerPool: {
    seedBroker?: InternalBroker;
    findConnectedBroker(): Promise<InternalBroker>;
    brokers: Record<string, InternalBroker>;
    versions: unknown;
    rootLogger: unknown;
    createBroker(args: object): InternalBroker;
    connectionPoolBuilder: { build(args: { host: string; port: number; rack: string | null }): Promise<unknown> };
  };
}

const Encoder = require('kafkajs/src/protocol/encoder') as EncoderClass;

/** An encoder that carries bytes we encoded ourselves. */
export function encoderOf(bytes: Buffer): KafkaEncoder {
  return new Encoder().writeBuffer(bytes);
}

const createClusterSymbol = (kafka: Kafka): symbol => {
  const symbol = Object.getOwnPropertySymbols(kafka).find(
    (candidate) => candidate.description === 'private:Kafka:createCluster',
  );
  if (!symbol) throw new Error('this kafkajs version does not expose its cluster factory');
  return symbol;
};

/** A kafkajs Cluster that shares the client's brokers, SASL, TLS, timeouts and retry settings. */
export function createCluster(kafka: Kafka): InternalCluster {
  const factory = (kafka as unknown as Record<symbol, (args: object) => InternalCluster>)[createClusterSymbol(kafka)];
  return factory({ allowAutoTopicCreation: false });
}

/**
 * Registers the brokers our own metadata found with the cluster's broker pool, so that
 * findBroker() works without kafkajs's metadata refresh (which fails on any offline partition).
 */
export async function syncBrokers(
  cluster: InternalCluster,
  brokers: ReadonlyArray<{ nodeId: number; host: string; port: number; rack: string | null }>,
): Promise<void> {
  const pool = cluster.brokerPool;
  const seed = pool.seedBroker?.connectionPool;
  for (const { nodeId, host, port, rack } of brokers) {
    const known = pool.brokers[nodeId];
    if (known && known.connectionPool.host === host && known.connectionPool.port === port) continue;
    if (known) await known.disconnect().catch(() => {});
    if (pool.seedBroker && seed?.host === host && seed.port === port) {
      pool.seedBroker.nodeId = nodeId;
      pool.brokers[nodeId] = pool.seedBroker;
      continue;
    }
    pool.brokers[nodeId] = pool.createBroker({
      logger: pool.rootLogger,
      versions: pool.versions,
      connectionPool: await pool.connectionPoolBuilder.build({ host, port, rack }),
      nodeId,
    });
  }
}
