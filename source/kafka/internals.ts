// Every kafkajs internal we rely on, typed in one place; nothing else reaches into kafkajs/src
// or its private fields (test/unit/kafka/internals.test.ts checks these shapes, so a kafkajs
// upgrade that moves them fails loudly).
// kafkajs has no tolerant metadata (its parser throws on any partition error), no topic ids,
// and no assign-style fetch. Its Cluster/Broker objects already speak the protocol, with
// SASL/TLS and retries, so we reuse them rather than open our own sockets.
import { createRequire } from 'node:module';
import type { Kafka } from 'kafkajs';

const require = createRequire(import.meta.url);

interface KafkaEncoder {
  readonly buffer: Buffer;
}

interface EncoderClass {
  new (initialSize?: number): KafkaEncoder & { writeBuffer(value: Buffer): KafkaEncoder; buf: Buffer; offset: number };
}

/** The request object a kafkajs connection sends: header fields, an encoder, a decoder. */
export interface ProtocolRequest<T> {
  request: {
    apiKey: number;
    apiVersion: number;
    apiName: string;
    encode(): Promise<KafkaEncoder>;
    expectResponse?: () => boolean;
  };
  response: { decode(payload: Buffer): Promise<T>; parse(data: T): Promise<T> };
  requestTimeout?: number;
}

export interface InternalBroker {
  nodeId?: number;
  versions: Record<number, { minVersion: number; maxVersion: number }> | null;
  connectionPool: { send<T>(protocol: ProtocolRequest<T>): Promise<T | undefined>; host: string; port: number };
  describeConfigs(args: { resources: Array<{ type: number; name: string }>; includeSynonyms: boolean }): Promise<{
    resources: Array<{
      resourceName: string;
      errorCode: number;
      configEntries: Array<{
        configName: string;
        configValue: string | null;
        isSensitive: boolean;
        configSource?: number;
        configSynonyms?: Array<{ configName: string; configValue: string | null; configSource: number }>;
      }>;
    }>;
  }>;
  initProducerId(args: { transactionalId?: string; transactionTimeout: number }): Promise<{
    producerId: string;
    producerEpoch: number;
  }>;
  disconnect(): Promise<void>;
}

export interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
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

/** A request whose bytes we encode and decode ourselves (see protocol/). */
export interface WireRequest<T> {
  apiKey: number;
  apiName: string;
  apiVersion: number;
  /** The request body after the header kafkajs writes (client id included). */
  body: Buffer;
  decode(payload: Buffer): T;
  /** False for requests the broker does not answer (Produce with acks=0); the result is then undefined. */
  expectResponse: boolean;
  timeoutMs: number;
}

/** A request we encoded ourselves, in the shape a kafkajs connection sends. */
export function createRawRequest<T>(request: WireRequest<T>): ProtocolRequest<T> {
  return {
    request: {
      apiKey: request.apiKey,
      apiVersion: request.apiVersion,
      apiName: request.apiName,
      expectResponse: () => request.expectResponse,
      // The body as the encoder's own buffer: writeBuffer would copy it into a zero-filled one first,
      // a copy per megabyte-sized Produce request.
      encode: async () => Object.assign(new Encoder(0), { buf: request.body, offset: request.body.length }),
    },
    response: { decode: async (payload) => request.decode(payload), parse: async (data) => data },
    requestTimeout: request.timeoutMs,
  };
}

const CREATE_CLUSTER = 'private:Kafka:createCluster';

function createClusterSymbol(kafka: Kafka): symbol {
  const symbol = Object.getOwnPropertySymbols(kafka).find((candidate) => candidate.description === CREATE_CLUSTER);
  if (!symbol) throw new Error('this kafkajs version does not expose its cluster factory');
  return symbol;
}

/** A kafkajs Cluster that shares the client's brokers, SASL, TLS, timeouts and retry settings. */
export function createCluster(kafka: Kafka): InternalCluster {
  const factory = (kafka as unknown as Record<symbol, (args: object) => InternalCluster>)[createClusterSymbol(kafka)];
  return factory({ allowAutoTopicCreation: false });
}

/**
 * Makes the cluster's broker pool match the brokers our own metadata found, so that findBroker()
 * works without kafkajs's metadata refresh (which fails on any offline partition): new or moved
 * brokers are added, and brokers that left the cluster are disconnected and forgotten.
 */
export async function syncBrokers(
  cluster: InternalCluster,
  brokers: ReadonlyArray<{ nodeId: number; host: string; port: number; rack: string | null }>,
): Promise<void> {
  const pool = cluster.brokerPool;
  const seed = pool.seedBroker?.connectionPool;
  const current = new Set(brokers.map((b) => String(b.nodeId)));
  const gone: InternalBroker[] = [];
  for (const nodeId of Object.keys(pool.brokers)) {
    if (current.has(nodeId)) continue;
    gone.push(pool.brokers[nodeId]!);
    delete pool.brokers[nodeId];
  }
  for (const { nodeId, host, port, rack } of brokers) {
    const known = pool.brokers[nodeId];
    if (known && known.connectionPool.host === host && known.connectionPool.port === port) continue;
    if (known) gone.push(known);
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
  const kept = new Set(Object.values(pool.brokers));
  // The seed broker stays connected: it is the pool's way back in when every other broker fails.
  await Promise.all(gone.filter((b) => !kept.has(b) && b !== pool.seedBroker).map((b) => b.disconnect().catch(() => {})));
}

const { errorCodes } = require('kafkajs/src/protocol/error') as {
  errorCodes: Array<{ type: string; code: number; message: string; retriable: boolean }>;
};

/** Kafka's error names by code (UNKNOWN_TOPIC_OR_PARTITION, ...), from kafkajs's table. */
export function kafkaErrorName(code: number): string | undefined {
  return errorCodes.find((e) => e.code === code)?.type;
}
