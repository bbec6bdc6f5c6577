// Test clusters live on their own ports and state dirs, away from a developer's own Kafka on 9092.
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
const base = Number(process.env.KAFKA_TUI_TEST_PORT_BASE ?? 29092);

export interface ClusterSpec {
  name: string;
  brokers: 1 | 3;
  port: number;
  dir: string;
  version?: string;
  /** scripts/kafka-local's --security mode; plaintext when absent. */
  security?: 'sasl_plaintext' | 'ssl' | 'sasl_ssl' | 'mtls';
}

export const SINGLE: ClusterSpec = { name: 'single', brokers: 1, port: base, dir: resolve(REPO, `.kafka/test-${base}-single`) };
export const TRIPLE: ClusterSpec = { name: 'triple', brokers: 3, port: base + 100, dir: resolve(REPO, `.kafka/test-${base}-triple`) };
export const KAFKA_39: ClusterSpec = {
  name: 'kafka-3.9',
  brokers: 1,
  port: base + 200,
  dir: resolve(REPO, `.kafka/test-${base}-kafka39`),
  version: '3.9.2',
};

export const bootstrapOf = (spec: ClusterSpec): string =>
  Array.from({ length: spec.brokers }, (_, i) => `127.0.0.1:${spec.port + i}`).join(',');

/** Secured 1-node clusters, started by the suites that use them. */
export const securedCluster = (security: NonNullable<ClusterSpec['security']>, offset: number): ClusterSpec => ({
  name: security,
  brokers: 1,
  port: base + offset,
  dir: resolve(REPO, `.kafka/test-${base}-${security}`),
  security,
});
