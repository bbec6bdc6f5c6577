import { Box } from 'ink';
import type { ConsumerStore } from '../../model/consumer-store.js';
import { scrollTop } from '../../model/list-window.js';
import { PaneTitle, Rows } from '../components/rows.js';
import { useStore } from '../hooks/use-store.js';
import { listRows } from '../layout.js';
import { detailLines } from '../record-text.js';

/** The detail lines wrapped to the width: the point of this view is to show everything. */
function wrappedLines(store: ConsumerStore, width: number): string[] {
  const seq = store.snapshot.detailSeq;
  const record = seq === undefined ? undefined : store.buffer.at(seq);
  if (!record) return ['(this message has left the buffer)'];
  return detailLines(record).flatMap((line) => {
    if (line.length <= width) return [line];
    const parts: string[] = [];
    for (let at = 0; at < line.length; at += width) parts.push(line.slice(at, at + width));
    return parts;
  });
}

export const detailRowCount = (store: ConsumerStore, width: number): number => wrappedLines(store, width).length;

export function DetailView({ store, height, width, top }: { store: ConsumerStore; height: number; width: number; top: number }) {
  useStore(store);
  const lines = wrappedLines(store, width);
  const bodyHeight = listRows(height, 'overlay');
  const start = scrollTop(top, lines.length, bodyHeight);
  const rows = lines.slice(start, start + bodyHeight).map((text, i) => ({ key: start + i, text }));
  return (
    <Box flexDirection="column" height={height} width={width}>
      <PaneTitle title="Message" focused width={width} extra={`${lines.length} lines · j/k scroll · Esc back`} />
      <Rows rows={rows} height={bodyHeight} width={width} />
    </Box>
  );
}
