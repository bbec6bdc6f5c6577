// The brokers table and a broker's configs, as text: `kafka-tui brokers` prints these lines and
// the TUI's brokers pane draws the same ones.
import type { BrokerConfigs, BrokerSummary, BrokersOverview } from '../kafka/brokers.js';
import type { ConfigItem } from '../kafka/configs.js';
import { escapeControl } from './escape.js';

interface Column<T> {
  header: string;
  value: (row: T) => string;
  /** Numbers line up on the right. */
  right?: boolean;
}

/** Columns as wide as their widest cell; the last column is not padded. */
export function table<T>(columns: ReadonlyArray<Column<T>>, rows: readonly T[], gap = 2): string[] {
  const cells = rows.map((row) => columns.map((column) => escapeControl(column.value(row))));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => {
        if (columns[i]!.right) return value.padStart(widths[i]!);
        return i === values.length - 1 ? value : value.padEnd(widths[i]!);
      })
      .join(' '.repeat(gap))
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)];
}

export const brokerAddress = (b: BrokerSummary): string => (b.host === null ? '-' : `${b.host}:${b.port}`);

export const BROKER_COLUMNS: ReadonlyArray<Column<BrokerSummary>> = [
  { header: 'ID', value: (b) => String(b.nodeId), right: true },
  { header: 'HOST:PORT', value: brokerAddress },
  { header: 'RACK', value: (b) => b.rack ?? '-' },
  { header: 'STATE', value: (b) => (b.up ? 'up' : 'down') },
  { header: 'CONTROLLER', value: (b) => (b.controller ? 'active' : '-') },
  { header: 'LEADERS', value: (b) => String(b.leaders), right: true },
  { header: 'REPLICAS', value: (b) => String(b.replicas), right: true },
  { header: 'OUT-OF-ISR', value: (b) => String(b.outOfIsr), right: true },
  { header: 'OFFLINE', value: (b) => String(b.offline), right: true },
];

/** `Cluster: ID  Controller: N  Brokers: up/all` */
export function clusterLine(overview: BrokersOverview): string {
  const down = overview.brokers.filter((b) => !b.up).length;
  return [
    `Cluster: ${escapeControl(overview.clusterId ?? 'unknown')}`,
    `Controller: ${overview.controllerId ?? 'unknown'}`,
    `Brokers: ${overview.brokers.length}${down > 0 ? ` (${down} down)` : ''}`,
  ].join('  ');
}

/** The header line and one line per broker. */
export const brokersTable = (overview: BrokersOverview, gap = 2): string[] => table(BROKER_COLUMNS, overview.brokers, gap);

export function brokersText(overview: BrokersOverview): string {
  return `${[clusterLine(overview), ...brokersTable(overview)].join('\n')}\n`;
}

export function brokersJson(overview: BrokersOverview): object {
  return {
    clusterId: overview.clusterId,
    controllerId: overview.controllerId,
    brokers: overview.brokers.map((b) => ({
      id: b.nodeId,
      host: b.host,
      port: b.port,
      rack: b.rack,
      state: b.up ? 'up' : 'down',
      controller: b.controller,
      leaders: b.leaders,
      replicas: b.replicas,
      outOfIsr: b.outOfIsr,
      offline: b.offline,
    })),
  };
}

/** Sensitive values never reach the screen (the broker sends none, and we would not print one). */
export const configValue = (c: ConfigItem): string => (c.sensitive ? '<hidden>' : (c.value ?? 'null'));

/** The value goes last: long ones (listeners, quorum voters) are the ones a narrow pane cuts. */
export const CONFIG_COLUMNS: ReadonlyArray<Column<ConfigItem>> = [
  { header: 'NAME', value: (c) => c.name },
  { header: 'SOURCE', value: (c) => c.source },
  { header: 'VALUE', value: configValue },
];

export const configsTable = (configs: readonly ConfigItem[], gap = 2): string[] => table(CONFIG_COLUMNS, configs, gap);

export function configsTitle({ nodeId, configs }: BrokerConfigs, all: boolean): string {
  return `${all ? 'All' : 'Non-default'} configs for broker ${nodeId} (${configs.length})`;
}

export function brokerConfigsText(result: BrokerConfigs, all: boolean): string {
  return `${[configsTitle(result, all), ...configsTable(result.configs)].join('\n')}\n`;
}

export function brokerConfigsJson({ nodeId, configs }: BrokerConfigs): object {
  return {
    broker: nodeId,
    configs: configs.map((c) => ({
      name: c.name,
      value: c.sensitive ? null : c.value,
      source: c.source,
      sensitive: c.sensitive,
      synonyms: c.synonyms,
    })),
  };
}
