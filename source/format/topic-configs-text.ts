// A topic's configs as `kafka-tui topics configs` prints them: name, where the value comes from,
// the value, and what it would be without any override.
import { defaultValueOf, type ConfigItem } from '../kafka/configs.js';
import type { PartitionCut } from '../kafka/topics.js';
import { configValue, table } from './brokers-text.js';

const COLUMNS = [
  { header: 'NAME', value: (c: ConfigItem) => c.name },
  { header: 'SOURCE', value: (c: ConfigItem) => c.source },
  { header: 'VALUE', value: configValue },
  { header: 'DEFAULT', value: (c: ConfigItem) => defaultValueOf(c) ?? '-' },
];

/** The header and one line per config, as the CLI prints them and the configs view draws them. */
export const topicConfigsTable = (configs: readonly ConfigItem[], gap = 2): string[] => table(COLUMNS, configs, gap);

export function topicConfigsText(topic: string, configs: readonly ConfigItem[], all: boolean): string {
  const title = `${all ? 'All' : 'Non-default'} configs for topic ${topic} (${configs.length})`;
  return `${[title, ...topicConfigsTable(configs)].join('\n')}\n`;
}

export function topicConfigsJson(topic: string, configs: readonly ConfigItem[]): object {
  return {
    topic,
    configs: configs.map((c) => ({
      name: c.name,
      value: c.sensitive ? null : c.value,
      source: c.source,
      default: defaultValueOf(c),
      sensitive: c.sensitive,
      synonyms: c.synonyms,
    })),
  };
}

/** One line per partition that loses records: its low watermark before and after, and the count. */
export function deleteRecordsLines(cuts: readonly PartitionCut[], lows?: ReadonlyMap<number, number>): string[] {
  return cuts
    .filter((c) => c.before > c.low)
    .map((c) => {
      const now = lows?.get(c.partition);
      const after = now === undefined ? `would start at ${c.before}` : `now starts at ${now}`;
      return `partition ${c.partition}: ${c.before - c.low} record(s) before offset ${c.before} (it started at ${c.low}, ${after})`;
    });
}
