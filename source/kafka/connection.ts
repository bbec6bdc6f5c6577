// One kafkajs client per cluster profile: lazily created, shared admin and producer,
// a status anyone can subscribe to, bounded connection time, and clean shutdown.
import kafkajs, { type Admin, type Kafka, type SASLOptions } from 'kafkajs';
import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import { BootstrapWatch } from './bootstrap-watch.js';
import { KafkajsClusterClient, type ClusterClient } from './cluster-client.js';
import { createCluster } from './internals.js';
import { LogSink } from './log-sink.js';
import { KafkaUserError } from './errors.js';
import { fetchMetadata } from './metadata.js';
import { enabledMechanisms, explainSaslFailure, type TlsMaterial } from './security.js';
import { withTimeout } from './timing.js';

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

export interface ConnectionOptions {
  brokers: string[];
  clientId: string;
  /** Time allowed to reach the cluster at all, and per TCP connect. */
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  /** verifyHostname false: the chain is still checked, the broker's name is not (ssl.endpoint.identification.algorithm=). */
  tls?: TlsMaterial & { rejectUnauthorized: boolean; verifyHostname: boolean };
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
  logFile?: string;
}

export interface ClusterInfo {
  clusterId: string;
  controller: number | null;
  brokers: Array<{ nodeId: number; host: string; port: number }>;
}

export type ConnectionStatus =
  | { state: 'connecting' }
  | { state: 'ready'; cluster: ClusterInfo }
  | { state: 'retrying'; error: string }
  | { state: 'failed'; error: string };

type Listener = (status: ConnectionStatus) => void;

interface Connectable {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export class ConnectionManager {
  readonly log: LogSink;
  private client?: Kafka;
  private readonly clients = new Map<string, Promise<Connectable>>();
  private readonly closers = new Set<() => Promise<void>>();
  private listeners = new Set<Listener>();
  private current: ConnectionStatus = { state: 'connecting' };
  private readonly bootstrap: BootstrapWatch;
  /**
   * The narrow client for the requests kafkajs has no API for (tolerant metadata, assign-style
   * fetch, produce), over one low-level kafkajs cluster connected on first use.
   */
  readonly cluster: ClusterClient;

  constructor(readonly options: ConnectionOptions) {
    this.log = new LogSink(500, options.logFile);
    this.bootstrap = new BootstrapWatch(options.brokers);
    this.cluster = new KafkajsClusterClient(() => this.shared('cluster', () => createCluster(this.kafka)), options.requestTimeoutMs);
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get kafka(): Kafka {
    this.client ??= new kafkajs.Kafka({
      brokers: this.options.brokers,
      clientId: this.options.clientId,
      connectionTimeout: Math.min(this.options.connectionTimeoutMs, 5_000),
      requestTimeout: this.options.requestTimeoutMs,
      ssl: this.tlsConfig(),
      sasl: this.saslConfig(),
      logLevel: kafkajs.logLevel.WARN,
      logCreator: this.log.creator,
      socketFactory: this.bootstrap.socketFactory,
      retry: { initialRetryTime: 250, maxRetryTime: 5_000, retries: 8, factor: 0.2, multiplier: 2 },
    });
    return this.client;
  }

  /** The shared admin client, connected within the connection timeout. */
  admin(): Promise<Admin> {
    return this.shared('admin', () => this.kafka.admin());
  }

  /** Creates a client once, connects it within the connection timeout, and closes it on shutdown. */
  private shared<T extends Connectable>(name: string, create: () => T): Promise<T> {
    let pending = this.clients.get(name) as Promise<T> | undefined;
    if (!pending) {
      pending = this.connectWithin(async () => {
        const client = create();
        this.closers.add(() => client.disconnect());
        await client.connect();
        return client;
      });
      // A failed connect is not cached: the next call tries again.
      pending.catch(() => this.clients.delete(name));
      this.clients.set(name, pending);
    }
    return pending;
  }

  /** Connects (if needed), asks the cluster who it is, and publishes the result as status. */
  async check(): Promise<ClusterInfo> {
    try {
      const metadata = await this.within(fetchMetadata(this.cluster, []), 'asking for metadata');
      const cluster: ClusterInfo = {
        clusterId: metadata.clusterId ?? '',
        controller: metadata.controllerId,
        brokers: metadata.brokers.map(({ nodeId, host, port }) => ({ nodeId, host, port })),
      };
      this.setStatus({ state: 'ready', cluster });
      return cluster;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.setStatus(
        this.current.state === 'ready' || this.current.state === 'retrying'
          ? { state: 'retrying', error: message }
          : { state: 'failed', error: message },
      );
      throw error;
    }
  }

  /**
   * Disconnects every client we created. Safe to call more than once. Bounded, because a
   * kafkajs client still retrying a dead broker can take its whole retry budget to let go.
   */
  async shutdown(graceMs = 1_500): Promise<void> {
    const closers = [...this.closers];
    this.closers.clear();
    this.clients.clear();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(closers.map((close) => close())),
      new Promise((resolve) => {
        timer = setTimeout(resolve, graceMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }

  private async connectWithin<T>(connect: () => Promise<T>): Promise<T> {
    if (this.current.state !== 'ready') this.setStatus({ state: 'connecting' });
    // Refused or unresolvable on every bootstrap server fails now, not at the timeout.
    const hopeless = this.bootstrap.hopeless();
    const connected = Promise.race([connect(), hopeless.failed]).catch(async (error: unknown) => {
      throw (await explainSaslFailure(error, this.options.sasl, () => this.askEnabledMechanisms())) ?? error;
    });
    return this.within(connected, 'connecting', this.options.connectionTimeoutMs).finally(hopeless.stop);
  }

  private askEnabledMechanisms(): Promise<string[] | undefined> {
    return enabledMechanisms(this.options.brokers[0]!, this.tlsConfig(), Math.min(this.options.connectionTimeoutMs, 5_000));
  }

  /** Bounds a request by wall time: kafkajs retries with backoff can otherwise outlast any timeout the user set. */
  private within<T>(promise: Promise<T>, what: string, timeoutMs = this.options.requestTimeoutMs): Promise<T> {
    return withTimeout(promise, timeoutMs, () => {
      const last = this.log.lastError();
      const reason = last ? ` (${last.error ?? last.message})` : '';
      const brokers = this.options.brokers.join(',');
      return new KafkaUserError(`timed out after ${timeoutMs / 1000}s ${what} to ${brokers}${reason}`);
    });
  }

  private setStatus(status: ConnectionStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }

  private tlsConfig(): TlsConnectionOptions | undefined {
    const tls = this.options.tls;
    if (!tls) return undefined;
    const { verifyHostname, ...options } = tls;
    return verifyHostname ? options : { ...options, checkServerIdentity: () => undefined };
  }

  private saslConfig(): SASLOptions | undefined {
    const sasl = this.options.sasl;
    if (!sasl) return undefined;
    return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
  }
}
