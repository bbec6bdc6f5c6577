// One consumer group: per partition the committed offset, log-end offset, lag, time lag and
// owning member; the members and their assignments; an ETA line from the lag history; and, while
// a reset is planned, its preview (old → new offset and the lag change per partition).
import { Box } from 'ink';
import { formatAge } from '../../format/duration-text.js';
import { lagEta, sparkline, type LagSample } from '../../model/group-trend.js';
import { maxTimeLag, totalLag, type GroupState, type GroupStore } from '../../model/groups-store.js';
import { scrollTop } from '../../model/list-window.js';
import { PaneTitle, Rows, type Row } from '../components/rows.js';
import { useStore } from '../hooks/use-store.js';
import { listRows } from '../layout.js';
import { useColor } from '../theme.js';

const num = (n: number | null | undefined): string => (n === null || n === undefined ? '-' : String(n));
const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width));
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

const topicWidth = (width: number) => Math.max(8, Math.min(24, Math.floor((width - 45) * 0.45)));

interface Line extends Omit<Row, 'key'> {
  tone?: 'red' | 'yellow' | 'green';
}

function partitionLines(state: GroupState, width: number): Line[] {
  const lag = state.lag;
  if (!lag) return [{ text: state.loading ? '  loading…' : `  ${state.error ?? ''}`, dim: true }];
  const t = topicWidth(width);
  const memberWidth = Math.max(6, width - 45 - t);
  const lines: Line[] = [
    {
      text: `  ${'TOPIC'.padEnd(t)}${'P'.padStart(4)}${'COMMITTED'.padStart(10)}${'END'.padStart(10)}${'LAG'.padStart(8)}${'TIME-LAG'.padStart(9)}  MEMBER`,
      dim: true,
    },
  ];
  if (lag.partitions.length === 0) lines.push({ text: '  no committed offsets and no assignment', dim: true });
  for (const p of lag.partitions) {
    lines.push({
      text: `  ${cut(p.topic, t)}${String(p.partition).padStart(4)}${num(p.committedOffset).padStart(10)}${num(p.logEndOffset).padStart(10)}${num(p.lag).padStart(8)}${formatAge(p.timeLagMs).padStart(9)}  ${cut(p.member?.memberId ?? '-', memberWidth)}`,
    });
  }
  const none = lag.group.members.length === 0 ? ': none, no consumer is running' : '';
  lines.push({ text: ' ' }, { text: `  MEMBERS (${lag.group.members.length})${none}`, dim: true });
  for (const m of lag.group.members) {
    const owned = new Map<string, number[]>();
    for (const a of m.assignment) owned.set(a.topic, [...(owned.get(a.topic) ?? []), a.partition]);
    const assignment = [...owned].map(([topic, ps]) => `${topic}:${ps.join(',')}`).join(' ') || '(nothing assigned)';
    lines.push({ text: `  ${m.memberId}  ${m.clientId} ${m.host}  ${assignment}` });
  }
  return lines;
}

function resetLines(state: GroupState, width: number): Line[] {
  const reset = state.reset;
  if (!reset) return [];
  const status = reset.planning
    ? 'planning…'
    : reset.error
      ? `✖ ${reset.error}`
      : reset.applied
        ? '✔ applied'
        : `dry run: type ${state.groupId} to apply, Esc to drop`;
  const lines: Line[] = [
    { text: `  RESET to ${reset.text} · ${status}`, bold: true, tone: reset.error ? 'red' : reset.applied ? 'green' : 'yellow' },
  ];
  if (!reset.plan) return [...lines, { text: ' ' }];
  const t = topicWidth(width);
  lines.push({
    text: `  ${'TOPIC'.padEnd(t)}${'P'.padStart(4)}${'OLD'.padStart(10)} → ${'NEW'.padEnd(10)}${'LAG'.padStart(8)} → ${'NEW LAG'.padEnd(8)}`,
    dim: true,
  });
  for (const row of reset.plan.rows) {
    lines.push({
      text: `  ${cut(row.topic, t)}${String(row.partition).padStart(4)}${num(row.oldOffset).padStart(10)} → ${num(row.newOffset).padEnd(10)}${num(row.lagBefore).padStart(8)} → ${num(row.lagAfter).padEnd(8)}${row.clamped ? ' clamped' : ''}`,
    });
  }
  // Warnings are the official tool's sentences: wrapped, so none loses its end (the value used).
  for (const warning of reset.plan.warnings) {
    wrapWords(warning, width - 4).forEach((part, i) => lines.push({ text: `  ${i === 0 ? '▲' : ' '} ${part}`, tone: 'yellow' }));
  }
  return [...lines, { text: ' ' }];
}

/** Every line below the title and the ETA line: what the cursor keys scroll. */
export function groupLines(state: GroupState, width: number): Line[] {
  return [...resetLines(state, width), ...partitionLines(state, width)];
}

export const groupLineCount = (state: GroupState, width: number): number => groupLines(state, width).length;

const rate = (perSecond: number) => `${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)}/s`;

/** When the lag clears, from the consume and produce rates between the samples. */
export function etaText(samples: readonly LagSample[]): string {
  const eta = lagEta(samples);
  switch (eta.kind) {
    case 'unknown':
      return 'ETA: measuring the rates…';
    case 'caughtUp':
      return 'ETA: caught up';
    case 'never':
      return eta.consumeRate <= 0
        ? `ETA: never, not consuming (produce ${rate(eta.produceRate)})`
        : `ETA: never, falling behind (consume ${rate(eta.consumeRate)} < produce ${rate(eta.produceRate)})`;
    case 'clears':
      return `ETA: clears in ${formatAge(eta.ms)} (consume ${rate(eta.consumeRate)}, produce ${rate(eta.produceRate)})`;
  }
}

export function GroupPane({ store, height, width, top }: { store: GroupStore; height: number; width: number; top: number }) {
  const state = useStore(store);
  const color = useColor();
  const lag = state.lag;
  const samples = state.groupId ? store.history.of(state.groupId) : [];
  const total = lag ? totalLag(lag) : null;
  const timeLag = lag ? maxTimeLag(lag) : null;
  const extra = [
    lag && { text: lag.group.state, priority: 9 },
    lag && { text: `${lag.group.members.length} member(s)`, short: `${lag.group.members.length}m`, priority: 8 },
    lag && { text: `lag ${total ?? '-'}`, priority: 8 },
    timeLag !== null && { text: `time lag ${formatAge(timeLag)}`, priority: 7 },
    lag?.group.assignmentStrategy && { text: lag.group.assignmentStrategy, priority: 3 },
    state.loading && { text: '…', priority: 5 },
    state.error && { text: `✖ ${state.error}`, priority: 6, words: true },
  ];
  const bodyHeight = listRows(height, 'group');
  const lines = groupLines(state, width);
  const start = scrollTop(top, lines.length, bodyHeight);
  const trend = sparkline(
    samples.map((s) => s.lag),
    16,
  );
  const rows: Row[] = [
    { key: 'eta', text: `  ${etaText(samples)}${trend ? `  ${trend}` : ''}`, dim: true },
    ...lines.slice(start, start + bodyHeight).map((line, i) => ({ ...line, key: start + i, color: line.tone && color(line.tone) })),
  ];
  return (
    <Box flexDirection="column" height={height} width={width}>
      <PaneTitle title={`Group ${state.groupId ?? ''}`} focused width={width} extra={extra} separator=" · " />
      <Rows rows={rows} height={height - 1} width={width} />
    </Box>
  );
}
