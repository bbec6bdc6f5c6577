// The one narrow door to a cluster: some broker, a broker by id, the request timeout, and
// sending a request. Metadata, offsets, the reader and the writer go through it, so they can be
// tested against an in-memory cluster; the kafkajs implementation below is the only one in use.
import { KafkaUserError } from './errors.js';
import { createRawRequest, syncBrokers, type InternalBroker, type InternalCluster, type WireRequest } from './internals.js';

export interface ApiVersionRange {
  minVersion: number;
  maxVersion: number;
}

export interface BrokerAddress {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export type { WireRequest } from './internals.js';

export interface ConfigSynonym {
  configName: string;
  configValue: string | null;
  configSource: number;
}

export interface ConfigEntry {
  configName: string;
  /** null for a sensitive entry, and for an entry without a value. */
  configValue: string | null;
  isSensitive: boolean;
  /** DescribeConfigs v1+ (kafkajs asks v2): DescribeConfigsResponse's ConfigSource code. */
  configSource?: number;
  /** Present when includeSynonyms was asked: the entry's sources, most important first. */
  configSynonyms?: ConfigSynonym[];
}

/** One broker: the requests we encode ourselves, and the few kafkajs already encodes for us. */
export interface BrokerClient {
  /** The versions this broker accepts of an API, from its ApiVersions answer. */
  versions(apiKey: number): ApiVersionRange | undefined;
  send<T>(request: WireRequest<T>): Promise<T | undefined>;
  initProducerId(args: { transactionTimeout: number }): Promise<{ producerId: string; producerEpoch: number }>;
  describeConfigs(args: { resources: Array<{ type: number; name: string }>; includeSynonyms: boolean }): Promise<{
    resources: Array<{ resourceName: string; errorCode: number; configEntries: ConfigEntry[] }>;
  }>;
}

export interface ClusterClient {
  readonly requestTimeoutMs: number;
  /** Runs a request on some live broker, moving on to the next when one is unreachable. */
  anyBroker<T>(request: (broker: BrokerClient) => Promise<T>): Promise<T>;
  /** The broker with this node id, connected. */
  broker(nodeId: number): Promise<BrokerClient>;
  /** Makes broker(id) know the brokers a metadata answer lists, and forget those it no longer lists. */
  syncBrokers(brokers: readonly BrokerAddress[]): Promise<void>;
}

const ATTEMPTS = 3;

/** Tries up to three brokers; a KafkaUserError is the answer, not a broker in trouble. */
async function retryOnBrokers<T>(find: () => Promise<BrokerClient>, request: (broker: BrokerClient) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      return await request(await find());
    } catch (error) {
      if (error instanceof KafkaUserError) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/** A BrokerClient over a kafkajs broker: its connection pool sends our bytes with its SASL, TLS and correlation ids. */
class KafkajsBroker implements BrokerClient {
  constructor(private readonly broker: InternalBroker) {}

  versions(apiKey: number): ApiVersionRange | undefined {
    return this.broker.versions?.[apiKey];
  }

  send<T>(request: WireRequest<T>): Promise<T | undefined> {
    return this.broker.connectionPool.send(createRawRequest(request));
  }

  initProducerId(args: { transactionTimeout: number }) {
    return this.broker.initProducerId(args);
  }

  describeConfigs(args: { resources: Array<{ type: number; name: string }>; includeSynonyms: boolean }) {
    return this.broker.describeConfigs(args);
  }
}

/** The ClusterClient over one kafkajs Cluster, created (and connected) on first use. */
export class KafkajsClusterClient implements ClusterClient {
  private readonly wrapped = new WeakMap<InternalBroker, KafkajsBroker>();

  constructor(
    private readonly cluster: () => Promise<InternalCluster>,
    readonly requestTimeoutMs: number,
  ) {}

  async anyBroker<T>(request: (broker: BrokerClient) => Promise<T>): Promise<T> {
    const cluster = await this.cluster();
    return retryOnBrokers(async () => this.wrap(await cluster.brokerPool.findConnectedBroker()), request);
  }

  async broker(nodeId: number): Promise<BrokerClient> {
    return this.wrap(await (await this.cluster()).findBroker({ nodeId }));
  }

  async syncBrokers(brokers: readonly BrokerAddress[]): Promise<void> {
    await syncBrokers(await this.cluster(), brokers);
  }

  private wrap(broker: InternalBroker): KafkajsBroker {
    let client = this.wrapped.get(broker);
    if (!client) this.wrapped.set(broker, (client = new KafkajsBroker(broker)));
    return client;
  }
}
