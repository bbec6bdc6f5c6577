import { Box } from 'ink';
import type { TopicGroupLag } from '../../model/backend.js';
import type { DescribeStore } from '../../model/describe-store.js';
import { scrollTop } from '../../model/list-window.js';
import { isOffline, isUnderReplicated, replicationFactor, type PartitionInfo } from '../../kafka/metadata.js';
import type { Watermarks } from '../../kafka/topics.js';
import { PaneTitle, Rows, type Row } from '../components/rows.js';
import { useStore } from '../hooks/use-store.js';
import { listRows } from '../layout.js';
import { escapeControlAndTabs } from '../../format/escape.js';
import { MARK, useColor } from '../theme.js';
import { formatCount } from '../../format/count.js';
import { NOT_AUTHORIZED } from '../../format/describe-text.js';

export const DESCRIBE_HEADER = `  ${'P'.padStart(3)} ${'LDR'.padStart(4)} ${'REPLICAS'.padEnd(8)} ${'ISR'.padEnd(7)} ${'OFFL'.padEnd(5)}${'LOW'.padStart(6)}${'HIGH'.padStart(8)}`;

const list = (ids: number[], width: number) => {
  const text = ids.join(',');
  return (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);
};

export function partitionRow(p: PartitionInfo, marks: Watermarks | undefined): string {
  const mark = isOffline(p) ? MARK.offline : isUnderReplicated(p) ? MARK.underReplicated : MARK.healthy;
  const low = marks ? formatCount(Number(marks.low)) : '-';
  const high = marks ? formatCount(Number(marks.high)) : '-';
  return `${mark} ${String(p.partition).padStart(3)} ${String(p.leader ?? 'none').padStart(4)} ${list(p.replicas, 8)} ${list(p.isr, 7)} ${list(p.offlineReplicas, 5)}${low.padStart(6)}${high.padStart(8)}`;
}

/** Who consumes the topic: each group with committed offsets in it, and its lag there. */
export function groupsLine(groups: readonly TopicGroupLag[] | undefined): string {
  if (!groups) return 'groups: …';
  if (groups.length === 0) return 'groups: none';
  return `groups: ${groups.map((g) => `${g.groupId} lag ${g.lag === null ? '-' : formatCount(g.lag)}`).join(' · ')}`;
}

export function DescribePane({
  store,
  height,
  width,
  focused,
  top,
}: {
  store: DescribeStore;
  height: number;
  width: number;
  focused: boolean;
  top: number;
}) {
  const state = useStore(store);
  const color = useColor();
  const d = state.description;
  const title = state.topic ? `Describe ${state.topic}` : 'Describe';
  const extra = [
    d && { text: d.notAuthorized ? NOT_AUTHORIZED : `P=${d.partitions.length} RF=${replicationFactor(d)}`, priority: 9 },
    state.loading && { text: '…', priority: 8 },
    state.error && { text: `✖ ${state.error}`, priority: 7, words: true },
    d?.watermarksUnknown && { text: `? ${d.watermarksUnknown}`, priority: 4, words: true },
  ];
  const rows: Row[] = [];
  if (!state.topic) rows.push({ key: 'none', text: '  select a topic and press Enter or d', dim: true });
  else if (!d) rows.push({ key: 'none', text: state.loading ? '  loading…' : '', dim: true });
  else if (d.notAuthorized) rows.push({ key: 'denied', text: `  ${NOT_AUTHORIZED} to describe this topic` });
  else {
    rows.push({ key: 'header', text: DESCRIBE_HEADER, dim: true });
    const configs = d.configsNotAuthorized ? `(${NOT_AUTHORIZED})` : d.configs.map(([k, v]) => `${k}=${escapeControlAndTabs(v)}`).join(' ');
    rows.push({ key: 'configs', text: `  configs: ${configs || '(defaults)'}`, dim: true });
    rows.push({ key: 'groups', text: `  ${groupsLine(state.groups)}`, dim: true });
    const bodyHeight = listRows(height, 'describe');
    const start = scrollTop(top, d.partitions.length, bodyHeight);
    for (const p of d.partitions.slice(start, start + bodyHeight)) {
      const bad = isOffline(p) ? 'red' : isUnderReplicated(p) ? 'yellow' : undefined;
      rows.push({ key: p.partition, text: partitionRow(p, d.watermarks?.get(p.partition)), color: bad && color(bad) });
    }
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      <PaneTitle title={title} focused={focused} width={width} extra={extra} separator=" " />
      <Rows rows={rows} height={height - 1} width={width} />
    </Box>
  );
}
