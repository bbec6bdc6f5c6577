// Configs of brokers and topics as DescribeConfigs gives them (value, source, the synonyms behind
// it), and the topic config edits (IncrementalAlterConfigs), checked against the broker's own list.
import type { ClusterClient, ConfigEntry } from './cluster-client.js';
import { KafkaUserError } from './errors.js';
import { NONE, errorName } from './protocol/error-codes.js';
import { DELETE, SET, requestIncrementalAlterConfigs, type ConfigChange } from './protocol/incremental-alter-configs.js';
import { sleep } from './timing.js';

/** DescribeConfigsResponse's ConfigSource codes, named as the Java Admin's ConfigEntry.ConfigSource (and ConfigCommand) name them. */
const CONFIG_SOURCES: Record<number, string> = {
  0: 'UNKNOWN',
  1: 'DYNAMIC_TOPIC_CONFIG',
  2: 'DYNAMIC_BROKER_CONFIG',
  3: 'DYNAMIC_DEFAULT_BROKER_CONFIG',
  4: 'STATIC_BROKER_CONFIG',
  5: 'DEFAULT_CONFIG',
  6: 'DYNAMIC_BROKER_LOGGER_CONFIG',
  7: 'DYNAMIC_CLIENT_METRICS_CONFIG',
  8: 'DYNAMIC_GROUP_CONFIG',
};
export const DEFAULT_CONFIG = 5;
const TOPIC_RESOURCE = 2;

export const configSourceName = (code: number | undefined): string => CONFIG_SOURCES[code ?? 0] ?? `UNKNOWN(${code})`;

export interface ConfigItem {
  name: string;
  /** null when the broker does not send it: sensitive, or no value set. */
  value: string | null;
  source: string;
  sensitive: boolean;
  /** Where the value could come from, most important first (the effective one first). */
  synonyms: Array<{ name: string; value: string | null; source: string }>;
}

export function toConfigItem(entry: ConfigEntry): ConfigItem {
  return {
    name: entry.configName,
    value: entry.configValue,
    source: configSourceName(entry.configSource),
    sensitive: entry.isSensitive,
    synonyms: (entry.configSynonyms ?? []).map((s) => ({
      name: s.configName,
      value: s.configValue,
      source: configSourceName(s.configSource),
    })),
  };
}

/** The value the config has when nothing overrides it: its DEFAULT_CONFIG synonym's. */
export const defaultValueOf = (item: ConfigItem): string | null =>
  item.synonyms.find((s) => s.source === 'DEFAULT_CONFIG')?.value ?? (item.source === 'DEFAULT_CONFIG' ? item.value : null);

/** A topic's configs, sorted by name: every one with `all`, else those not at their default (as kafka-topics lists them). */
export async function describeTopicConfigItems(client: ClusterClient, topic: string, { all }: { all: boolean }): Promise<ConfigItem[]> {
  const described = await client
    .anyBroker((broker) => broker.describeConfigs({ resources: [{ type: TOPIC_RESOURCE, name: topic }], includeSynonyms: true }))
    .catch((error: unknown) => {
      // kafkajs turns a resource's error code into a thrown error of that type.
      if ((error as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION') throw new KafkaUserError(`unknown topic: ${topic}`);
      if ((error as { type?: string }).type === 'TOPIC_AUTHORIZATION_FAILED') {
        throw new KafkaUserError(`not authorized to describe the configs of topic ${topic}`);
      }
      throw error;
    });
  const [resource] = described.resources;
  if (!resource) throw new Error(`no configs came back for topic ${topic}`);
  if (resource.errorCode !== NONE) throw new KafkaUserError(`topic ${topic}: ${errorName(resource.errorCode)}`);
  return resource.configEntries
    .filter((entry) => all || entry.configSource !== DEFAULT_CONFIG)
    .map(toConfigItem)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface TopicConfigEdit {
  set: ReadonlyArray<readonly [string, string]>;
  remove: readonly string[];
}

/**
 * Sets and removes topic configs in one IncrementalAlterConfigs request, after checking every name
 * against the topic's config list (a typo is refused here, not stored); the broker validates the
 * values and its reason is the error. Returns once a describe shows the change.
 */
export async function alterTopicConfigs(client: ClusterClient, topic: string, edit: TopicConfigEdit): Promise<void> {
  const known = new Set((await describeTopicConfigItems(client, topic, { all: true })).map((c) => c.name));
  for (const name of [...edit.set.map(([n]) => n), ...edit.remove]) {
    if (!known.has(name)) throw unknownTopicConfig(topic, name);
  }
  const changes: ConfigChange[] = [
    ...edit.set.map(([name, value]): ConfigChange => ({ name, operation: SET, value })),
    ...edit.remove.map((name): ConfigChange => ({ name, operation: DELETE, value: null })),
  ];
  const [result] = await client.anyBroker((broker) =>
    requestIncrementalAlterConfigs(broker, { type: TOPIC_RESOURCE, name: topic }, changes, client.requestTimeoutMs),
  );
  if (!result) throw new Error(`no answer for topic ${topic}'s configs`);
  if (result.errorCode !== NONE) throw alterRefused(topic, errorName(result.errorCode), result.errorMessage);
  await waitForEdit(client, topic, edit);
}

/** The same words from the CLI, the TUI and the UI tests' fake. */
export const unknownTopicConfig = (topic: string, name: string): KafkaUserError =>
  new KafkaUserError(`unknown topic config '${name}' (kafka-tui topics configs ${topic} --all lists them)`);

export const alterRefused = (topic: string, error: string, reason: string | null): KafkaUserError =>
  new KafkaUserError(`cannot alter the configs of topic ${topic}: ${error}${reason ? `: ${reason}` : ''}`);

/** The broker asked next may not have the change from the controller yet: ask until it does. */
async function waitForEdit(client: ClusterClient, topic: string, edit: TopicConfigEdit): Promise<void> {
  const deadline = Date.now() + client.requestTimeoutMs;
  for (;;) {
    const byName = new Map((await describeTopicConfigItems(client, topic, { all: true })).map((c) => [c.name, c]));
    const applied =
      edit.set.every(([name, value]) => byName.get(name)?.value === value || byName.get(name)?.sensitive) &&
      edit.remove.every((name) => byName.get(name)?.source !== 'DYNAMIC_TOPIC_CONFIG');
    if (applied || Date.now() > deadline) return;
    await sleep(100);
  }
}
