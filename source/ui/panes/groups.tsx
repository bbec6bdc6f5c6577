// The consumer groups list: state, members, total lag, time lag and a sparkline of the lag over
// the last minutes (model/group-trend.ts), windowed like the topics list.
import { Box } from 'ink';
import { useRef } from 'react';
import { formatCount } from '../../format/count.js';
import { formatAge } from '../../format/duration-text.js';
import { sparkline } from '../../model/group-trend.js';
import type { GroupRow, GroupsStore } from '../../model/groups-store.js';
import { windowTop } from '../../model/list-window.js';
import { PaneTitle, Rows, type Row } from '../components/rows.js';
import { useStore } from '../hooks/use-store.js';
import { listRows } from '../layout.js';
import { useColor } from '../theme.js';

/** A mark for states that need a look, so they read without colour too. */
export function stateMark(state: string): string {
  if (state === 'Dead') return '✖';
  if (state.includes('Rebalance')) return '↻';
  if (state === 'Empty') return '○';
  return ' ';
}

export const lagText = (lag: number | null): string => (lag === null ? '-' : formatCount(lag));

interface Columns {
  name: number;
  trend: number;
}

function columnsFor(width: number): Columns {
  const trend = width >= 76 ? 16 : 8;
  // mark, state 12, members 5, lag 8, time lag 9, the trend and its space
  return { trend, name: Math.max(6, width - 2 - 13 - 5 - 8 - 9 - (trend + 1)) };
}

const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

function groupRow(row: GroupRow, lags: readonly number[], { name, trend }: Columns): string {
  return `${stateMark(row.state)} ${cut(row.groupId, name)} ${cut(row.state, 12)}${String(row.members).padStart(5)}${lagText(row.lag).padStart(8)}${formatAge(row.timeLagMs).padStart(9)} ${sparkline(lags, trend)}`;
}

export function GroupsPane({ store, height, width, focused }: { store: GroupsStore; height: number; width: number; focused: boolean }) {
  const state = useStore(store);
  const color = useColor();
  const topRef = useRef(0);
  const listHeight = listRows(height, 'groups');
  // As in the topics pane: the window moves as little as possible from the last frame's.
  // eslint-disable-next-line react-hooks/refs
  const top = windowTop(topRef.current, state.selected, listHeight, state.visible.length);
  // eslint-disable-next-line react-hooks/refs
  topRef.current = top;

  const columns = columnsFor(width);
  const count = state.visible.length;
  const extra = [
    { text: `${count}/${state.all.length}`, priority: 9 },
    state.filter && { text: `/${state.filter}`, priority: 8, words: true },
    state.loading && { text: '…', priority: 6 },
    state.error && { text: `✖ ${state.error}`, priority: 7, words: true },
  ];
  const header = `  ${'GROUP'.padEnd(columns.name)} ${'STATE'.padEnd(12)}${'MEMB'.padStart(5)}${'LAG'.padStart(8)}${'TIME-LAG'.padStart(9)} ${'LAG TREND'.slice(0, columns.trend)}`;
  const rows: Row[] = [{ key: 'header', text: header, dim: true }];
  for (let i = top; i < Math.min(count, top + listHeight); i++) {
    const row = state.visible[i]!;
    const lags = store.history.of(row.groupId).map((s) => s.lag);
    rows.push({
      key: row.groupId,
      text: groupRow(row, lags, columns),
      selected: i === state.selected,
      color: row.state === 'Dead' ? color('red') : row.state.includes('Rebalance') ? color('yellow') : undefined,
    });
  }
  if (count === 0 && !state.loading) {
    const why = state.error ? '  groups could not be listed' : state.filter ? '  no group matches the filter' : '  no consumer groups';
    rows.push({ key: 'empty', text: why, dim: true });
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      <PaneTitle title="Groups" focused={focused} width={width} extra={extra} separator=" " />
      <Rows rows={rows} height={height - 1} width={width} />
    </Box>
  );
}
