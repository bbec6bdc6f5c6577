import { Box } from 'ink';
import { useRef } from 'react';
import type { TopicSummary } from '../../model/backend.js';
import { windowTop } from '../../model/list-window.js';
import type { TopicsStore } from '../../model/topics-store.js';
import { PaneTitle, Rows, type Row } from '../components/rows.js';
import { useStore } from '../hooks/use-store.js';
import { MARK, useColor } from '../theme.js';
import { formatCount } from '../../format/count.js';

const NUMBERS_WIDTH = 15; // " PPP RF MSGS…"

function topicRow(topic: TopicSummary, width: number): string {
  const mark = topic.offline ? MARK.offline : topic.underReplicated ? MARK.underReplicated : MARK.healthy;
  const nameWidth = Math.max(4, width - NUMBERS_WIDTH - 2);
  const name = topic.name.length > nameWidth ? `${topic.name.slice(0, nameWidth - 1)}…` : topic.name.padEnd(nameWidth);
  const numbers = `${String(topic.partitions).padStart(4)}${String(topic.replicationFactor).padStart(3)}${formatCount(topic.messages).padStart(7)}`;
  return `${mark} ${name}${numbers}`;
}

export function TopicsPane({ store, height, width, focused }: { store: TopicsStore; height: number; width: number; focused: boolean }) {
  const state = useStore(store);
  const color = useColor();
  const topRef = useRef(0);
  const listHeight = height - 2;
  // The window moves as little as possible from where the last frame had it (list-window.ts): a
  // ref read and written during render on purpose. Keeping it in state would draw twice a frame.
  // eslint-disable-next-line react-hooks/refs
  const top = windowTop(topRef.current, state.selected, listHeight, state.visible.length);
  // eslint-disable-next-line react-hooks/refs
  topRef.current = top;

  const count = state.visible.length;
  const extra = [
    { text: `${count}/${state.all.filter((t) => state.showInternal || !t.isInternal).length}`, priority: 9 },
    state.filter && { text: `/${state.filter}`, priority: 8, words: true },
    state.showInternal && { text: '+internal', priority: 5 },
    state.loading && { text: '…', priority: 6 },
    state.error && { text: `✖ ${state.error}`, priority: 7, words: true },
  ];
  const header = `  ${'NAME'.padEnd(Math.max(4, width - NUMBERS_WIDTH - 2))}${'PART'.padStart(4)}${'RF'.padStart(3)}${'MSGS'.padStart(7)}`;
  const rows: Row[] = [{ key: 'header', text: header, dim: true }];
  for (let i = top; i < Math.min(count, top + listHeight); i++) {
    const topic = state.visible[i]!;
    rows.push({
      key: topic.name,
      text: topicRow(topic, width),
      selected: i === state.selected,
      color: topic.offline ? color('red') : topic.underReplicated ? color('yellow') : topic.isInternal ? color('gray') : undefined,
    });
  }
  if (count === 0 && !state.loading) {
    rows.push({ key: 'empty', text: state.filter ? '  no topic matches the filter' : '  no topics', dim: true });
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      <PaneTitle title="Topics" focused={focused} width={width} extra={extra} separator=" " />
      <Rows rows={rows} height={height - 1} width={width} />
    </Box>
  );
}
