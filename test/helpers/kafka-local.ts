// Drives scripts/kafka-local for a test cluster.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { REPO, bootstrapOf, type ClusterSpec } from './ports.js';

const exec = promisify(execFile);

export async function kafkaLocal(spec: ClusterSpec, ...args: string[]): Promise<string> {
  const { stdout } = await exec(resolve(REPO, 'scripts/kafka-local'), args, {
    env: {
      ...process.env,
      KAFKA_LOCAL_DIR: spec.dir,
      KAFKA_LOCAL_PORT: String(spec.port),
      ...(spec.version ? { KAFKA_VERSION: spec.version } : {}),
    },
    timeout: 240_000,
  });
  return stdout.trim();
}

export async function startCluster(spec: ClusterSpec): Promise<string> {
  await kafkaLocal(spec, 'start', '--brokers', String(spec.brokers), ...(spec.security ? ['--security', spec.security] : []));
  return bootstrapOf(spec);
}

export const stopCluster = (spec: ClusterSpec) => kafkaLocal(spec, 'stop');
export const stopBroker = (spec: ClusterSpec, node: number) => kafkaLocal(spec, 'stop-broker', String(node));
export const startBroker = (spec: ClusterSpec, node: number) => kafkaLocal(spec, 'start-broker', String(node));

/** A Java-client properties file for a user of a secured cluster (scripts/kafka-local client-properties). */
export const clientProperties = (spec: ClusterSpec, user: 'admin' | 'alice', mechanism = 'SCRAM-SHA-512') =>
  kafkaLocal(spec, 'client-properties', user, '--mechanism', mechanism);
