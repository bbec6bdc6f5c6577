import { Box } from 'ink';
import { useRef } from 'react';
import type { StartPosition } from '../../model/backend.js';
import type { ConsumerStore, FindProgress } from '../../model/consumer-store.js';
import { windowTop } from '../../model/list-window.js';
import { PaneTitle, Rows, type Row } from '../components/rows.js';
import { useBufferVersion, useStore } from '../hooks/use-store.js';
import { ROW_HEADER, recordRow } from '../record-text.js';

export function positionText(from: StartPosition): string {
  switch (from.kind) {
    case 'earliest':
      return 'from beginning';
    case 'latest':
      return 'from end';
    case 'offset':
      return `from offset ${from.offset}`;
    case 'timestamp':
      return `from ${new Date(from.timestamp).toISOString()}`;
  }
}

/** The same start position in fewer columns, for a narrow header. */
function shortPositionText(from: StartPosition): string {
  switch (from.kind) {
    case 'earliest':
      return 'earliest';
    case 'latest':
      return 'latest';
    case 'offset':
      return `@${from.offset}`;
    case 'timestamp':
      return `@${new Date(from.timestamp).toISOString().slice(0, 19)}`;
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** `find '$.id == 4' · scanned 120,000 · matched 7 · 85,000/s · Esc stops`, and how it ended. */
export function findProgressText(find: FindProgress, now = Date.now()): string {
  const seconds = Math.max(0.001, ((find.endedAt ?? now) - find.startedAt) / 1000);
  const state =
    find.endedAt === undefined
      ? 'Esc stops'
      : find.stopped
        ? 'stopped'
        : find.scanned >= find.limit
          ? `done: limit ${count(find.limit)} reached`
          : 'done: reached the end';
  const query = find.query ? `'${find.query}'` : '(everything)';
  return `find ${query} · scanned ${count(find.scanned)} · matched ${count(find.matched)} · ${count(Math.round(find.scanned / seconds))}/s · ${state}`;
}

export function ConsumerPane({ store, height, width, focused }: { store: ConsumerStore; height: number; width: number; focused: boolean }) {
  const state = useStore(store);
  useBufferVersion(store.buffer);
  // The window's top is remembered as a sequence number: when old records are evicted
  // from the ring, the rows the user is looking at stay where they are.
  const topSeqRef = useRef(0);
  const buffer = store.buffer;
  const request = state.request;
  const title = request ? `Consumer ${request.topic}` : 'Consumer';
  const mode = state.paused ? '⏸ paused' : state.follow ? '▼ following' : '↑ scrolled';
  // The most telling facts survive a narrow terminal; the rest shorten or go, whole.
  const extra = request
    ? [
        { text: mode, priority: 9 },
        state.error && { text: `✖ ${state.error}`, priority: 8, words: true },
        { text: `${count(buffer.total)} received`, priority: 6 },
        state.search && { text: `/${state.search}`, priority: 7, words: true },
        state.searchError && { text: `✖ ${state.searchError}`, priority: 8, words: true },
        { text: `${count(buffer.size)}/${count(buffer.capacity)} kept`, short: `${count(buffer.size)} kept`, priority: 2 },
        { text: positionText(request.from), short: shortPositionText(request.from), priority: 4 },
        request.partitions.length > 0 && { text: `p=${request.partitions.join(',')}`, priority: 5 },
      ]
    : [];
  const rows: Row[] = [];
  if (!request) {
    rows.push({ key: 'none', text: '  c consumes the selected topic from the beginning, C from elsewhere', dim: true });
  } else {
    if (state.notice) rows.push({ key: 'notice', text: `  ⚠ ${state.notice}`, bold: true });
    if (state.find) rows.push({ key: 'find', text: `  ${findProgressText(state.find)}`, bold: state.find.endedAt === undefined });
    rows.push({ key: 'header', text: ROW_HEADER, dim: true });
    const listHeight = height - 1 - rows.length;
    const source = store.rows();
    const cursor = store.cursorIndex(source);
    // Read and written during render on purpose, as in the topics pane: state would draw twice a frame.
    // eslint-disable-next-line react-hooks/refs
    const previousTop = source.indexAtOrAfter(topSeqRef.current);
    const top = state.follow ? Math.max(0, source.count - listHeight) : windowTop(previousTop, cursor, listHeight, source.count);
    // eslint-disable-next-line react-hooks/refs
    if (source.count > 0) topSeqRef.current = source.seqAt(top);
    for (let i = top; i < Math.min(source.count, top + listHeight); i++) {
      const seq = source.seqAt(i);
      const record = buffer.at(seq);
      if (!record) continue;
      rows.push({ key: seq, text: recordRow(record), selected: focused && i === cursor && !state.follow });
    }
    if (source.count === 0) {
      rows.push({ key: 'empty', text: state.search ? '  nothing buffered matches' : '  waiting for messages…', dim: true });
    }
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      <PaneTitle title={title} focused={focused} width={width} extra={extra} />
      <Rows rows={rows} height={height - 1} width={width} />
    </Box>
  );
}
