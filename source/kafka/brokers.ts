// The brokers view: who is in the cluster (down brokers included), which one is the active
// controller, what each one leads and hosts, and a broker's own configs with their sources.
import type { ClusterClient } from './cluster-client.js';
import { DEFAULT_CONFIG, toConfigItem, type ConfigItem } from './configs.js';
import { KafkaUserError } from './errors.js';
import { fetchMetadata, type ClusterMetadata } from './metadata.js';
import { requestDescribeCluster, type RegisteredBroker } from './protocol/describe-cluster.js';
import { requestDescribeQuorum } from './protocol/describe-quorum.js';
import { NONE, errorName } from './protocol/error-codes.js';

export interface BrokerSummary {
  nodeId: number;
  /** null for a broker known only from replica lists: down, and never seen with an address. */
  host: string | null;
  port: number | null;
  rack: string | null;
  /** Down: fenced in the cluster's registry, or named in replica lists but absent from the live brokers. */
  up: boolean;
  controller: boolean;
  /** Partitions it leads. */
  leaders: number;
  /** Partition replicas it hosts. */
  replicas: number;
  /** Of those, the ones not in their partition's ISR. */
  outOfIsr: number;
  /** Of those, the ones the metadata lists as offline. */
  offline: number;
}

export interface BrokersOverview {
  clusterId: string | null;
  /** The active controller (the KRaft quorum leader), or null when it is unknown. */
  controllerId: number | null;
  brokers: BrokerSummary[];
}

/**
 * Leaders, replicas, out-of-ISR and offline replicas per broker, over every topic (internal ones
 * too: they load the brokers like any other). Brokers that replica lists name but neither the
 * live list nor the registry knows are down, and are listed rather than left out.
 */
export function summarizeBrokers(
  metadata: Pick<ClusterMetadata, 'clusterId' | 'brokers' | 'topics'>,
  registered: readonly RegisteredBroker[] | undefined,
  controllerId: number | null,
): BrokersOverview {
  const byId = new Map<number, BrokerSummary>();
  const summary = (nodeId: number): BrokerSummary => {
    let found = byId.get(nodeId);
    if (!found) {
      found = {
        nodeId,
        host: null,
        port: null,
        rack: null,
        up: false,
        controller: false,
        leaders: 0,
        replicas: 0,
        outOfIsr: 0,
        offline: 0,
      };
      byId.set(nodeId, found);
    }
    return found;
  };
  for (const broker of registered ?? []) Object.assign(summary(broker.nodeId), { host: broker.host, port: broker.port, rack: broker.rack });
  for (const broker of metadata.brokers)
    Object.assign(summary(broker.nodeId), { host: broker.host, port: broker.port, rack: broker.rack, up: true });
  for (const topic of metadata.topics) {
    for (const partition of topic.partitions) {
      if (partition.leader !== null) summary(partition.leader).leaders++;
      for (const replica of partition.replicas) {
        const broker = summary(replica);
        broker.replicas++;
        if (!partition.isr.includes(replica)) broker.outOfIsr++;
        if (partition.offlineReplicas.includes(replica)) broker.offline++;
      }
    }
  }
  if (controllerId !== null) summary(controllerId).controller = true;
  return { clusterId: metadata.clusterId, controllerId, brokers: [...byId.values()].sort((a, b) => a.nodeId - b.nodeId) };
}

/**
 * The active controller. In KRaft, Metadata's and DescribeCluster's ControllerId are a random
 * live broker (Kafka's KafkaApis answers getRandomAliveBrokerId, as the Java Admin then reports
 * too), so we ask the metadata quorum for its leader (DescribeQuorum, as kafka-metadata-quorum.sh
 * does). A ZooKeeper-mode broker has no quorum; its Metadata ControllerId is the real controller.
 */
async function activeController(client: ClusterClient, metadataControllerId: number | null): Promise<number | null> {
  try {
    const quorum = await client.anyBroker((broker) => requestDescribeQuorum(broker, client.requestTimeoutMs));
    if (!quorum) return metadataControllerId;
    if (quorum.errorCode !== NONE || quorum.partitionErrorCode !== NONE || quorum.leaderId < 0) return null;
    return quorum.leaderId;
  } catch {
    // E.g. not authorized to describe the cluster: the rest of the view still stands.
    return null;
  }
}

/** Fenced and unfenced brokers from DescribeCluster v2; undefined before Kafka 4.0 or when refused. */
async function registeredBrokers(client: ClusterClient): Promise<RegisteredBroker[] | undefined> {
  try {
    const cluster = await client.anyBroker((broker) => requestDescribeCluster(broker, client.requestTimeoutMs));
    return cluster?.errorCode === NONE ? cluster.brokers : undefined;
  } catch {
    return undefined;
  }
}

export async function describeBrokers(client: ClusterClient): Promise<BrokersOverview> {
  const [metadata, registered] = await Promise.all([fetchMetadata(client, null), registeredBrokers(client)]);
  return summarizeBrokers(metadata, registered, await activeController(client, metadata.controllerId));
}

const BROKER_RESOURCE = 4;

export interface BrokerConfigs {
  nodeId: number;
  configs: ConfigItem[];
}

/**
 * A broker's configs, asked of that broker (a broker answers DescribeConfigs only for its own id).
 * Non-default ones unless `all`: whatever a file, a dynamic update or a cluster-wide dynamic
 * default set, which is ConfigCommand --all without its DEFAULT_CONFIG entries.
 */
export async function describeBrokerConfigs(client: ClusterClient, nodeId: number, options: { all: boolean }): Promise<BrokerConfigs> {
  const overview = await describeBrokers(client);
  const broker = overview.brokers.find((b) => b.nodeId === nodeId);
  if (!broker) {
    const known = overview.brokers.map((b) => b.nodeId).join(', ');
    throw new KafkaUserError(`unknown broker ${nodeId} (the cluster's brokers: ${known || 'none'})`);
  }
  if (!broker.up) throw new KafkaUserError(`broker ${nodeId} is down: its configs can only be read from the broker itself`);
  const described = await (
    await client.broker(nodeId)
  ).describeConfigs({
    resources: [{ type: BROKER_RESOURCE, name: String(nodeId) }],
    includeSynonyms: true,
  });
  const [resource] = described.resources;
  if (!resource) throw new Error(`broker ${nodeId} sent no configs`);
  if (resource.errorCode !== NONE) throw new KafkaUserError(`broker ${nodeId}: ${errorName(resource.errorCode)}`);
  const configs = resource.configEntries
    .filter((entry) => options.all || entry.configSource !== DEFAULT_CONFIG)
    .map(toConfigItem)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { nodeId, configs };
}
