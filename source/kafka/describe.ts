// Everything `describe` shows about topics: tolerant metadata, overrides and watermarks.
import type { ClusterClient } from './cluster-client.js';
import { describeFailures, failuresByTopic, type PartitionFailure } from './offsets.js';
import { fetchMetadata, type BrokerInfo, type TopicInfo } from './metadata.js';
import { fetchTopicConfigs, fetchWatermarks, type Watermarks } from './topics.js';

export interface TopicDescription extends TopicInfo {
  configs: Array<[string, string]>;
  /** The broker would not show its configs (no DescribeConfigs ACL); configs is then empty. */
  configsNotAuthorized?: boolean;
  /** Present when asked for; partitions without a reachable leader are missing. */
  watermarks?: Map<number, Watermarks>;
  /** Why some partitions have no watermarks although asked for, e.g. "NOT_LEADER_FOR_PARTITION on 1 partition (t/0)". */
  watermarksUnknown?: string;
}

export interface DescribeResult {
  brokers: BrokerInfo[];
  controllerId: number | null;
  topics: TopicDescription[];
  /** Partitions whose watermarks were asked for and could not be had. */
  watermarkFailures: PartitionFailure[];
}

export interface DescribeOptions {
  /** Topic names; empty for every topic. */
  topics: readonly string[];
  includeInternal: boolean;
  watermarks: boolean;
}

export async function describeTopics(client: ClusterClient, options: DescribeOptions): Promise<DescribeResult> {
  const metadata = await fetchMetadata(client, options.topics.length > 0 ? options.topics : null);
  const topics = metadata.topics.filter((t) => options.topics.length > 0 || options.includeInternal || !t.isInternal);
  // A topic we may not describe has no configs or offsets to ask for; asking would fail the rest.
  const allowed = topics.filter((t) => !t.notAuthorized);
  const [configs, watermarks] = await Promise.all([
    fetchTopicConfigs(
      client,
      allowed.map((t) => t.name),
    ),
    options.watermarks ? fetchWatermarks(client, allowed) : undefined,
  ]);
  const failuresOf = failuresByTopic(watermarks?.failures ?? []);
  return {
    brokers: metadata.brokers,
    controllerId: metadata.controllerId,
    topics: topics.map((topic) => ({
      ...topic,
      configs: configs.get(topic.name) ?? [],
      configsNotAuthorized: !topic.notAuthorized && !configs.has(topic.name) ? true : undefined,
      watermarks: watermarks?.byTopic.get(topic.name),
      ...(failuresOf.has(topic.name) && { watermarksUnknown: describeFailures(failuresOf.get(topic.name)!) }),
    })),
    watermarkFailures: watermarks?.failures ?? [],
  };
}
