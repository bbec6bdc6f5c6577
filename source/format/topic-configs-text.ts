// A topic's configs as `kafka-tui topics configs` prints them: name, where the value comes from,
// the value, and what it would be without any override.
import { defaultValueOf, type ConfigItem } from '../kafka/configs.js';
import type { PartitionCut } from '../kafka/topics.js';
import { configValue, table } from './brokers-text.js';
import { escapeControl } from './escape.js';

const COLUMNS = [
  { header: 'NAME', value: (c: ConfigItem) => c.name },
  { header: 'SOURCE', value: (c: ConfigItem) => c.source },
  { header: 'VALUE', value: configValue },
  { header: 'DEFAULT', value: (c: ConfigItem) => defaultValueOf(c) ?? '-' },
];

const topicConfigsTable = (configs: readonly ConfigItem[]): string[] => table(COLUMNS, configs);

/** The sources in a few letters, for the TUI's narrow view. */
const SHORT_SOURCES: Record<string, string> = {
  DYNAMIC_TOPIC_CONFIG: 'topic',
  DYNAMIC_BROKER_CONFIG: 'broker',
  DYNAMIC_DEFAULT_BROKER_CONFIG: 'cluster',
  STATIC_BROKER_CONFIG: 'broker file',
  DEFAULT_CONFIG: 'default',
};

const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width));

/** The header and one line per config fitted to `width` cells: long names and values are cut, never the columns. */
export function topicConfigLines(configs: readonly ConfigItem[], width: number): string[] {
  const name = Math.min(30, Math.max(4, ...configs.map((c) => c.name.length)));
  const source = 11;
  const rest = Math.max(10, width - name - source - 3);
  const value = Math.ceil(rest / 2);
  const fallback = rest - value;
  const line = (cells: [string, string, string, string]) =>
    `${cut(cells[0], name)} ${cut(cells[1], source)} ${cut(cells[2], value)} ${cut(cells[3], fallback)}`.trimEnd();
  return [
    line(['NAME', 'SOURCE', 'VALUE', 'DEFAULT']),
    ...configs.map((c) =>
      line([c.name, SHORT_SOURCES[c.source] ?? c.source, escapeControl(configValue(c)), escapeControl(defaultValueOf(c) ?? '-')]),
    ),
  ];
}

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
