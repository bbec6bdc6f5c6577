// `:brokers`: the table `kafka-tui brokers` prints (same lines, from format/brokers-text.ts), with
// a selection; Enter shows the selected broker's non-default configs, as `brokers describe N`.
import { Box } from 'ink';
import { useRef } from 'react';
import { brokersTable, clusterLine, configsTable, configsTitle } from '../../format/brokers-text.js';
import type { BrokersStore } from '../../model/brokers-store.js';
import { scrollTop, windowTop } from '../../model/list-window.js';
import { PaneTitle, Rows, type Row } from '../components/rows.js';
import { useStore } from '../hooks/use-store.js';
import { listRows } from '../layout.js';
import { useColor } from '../theme.js';

/** One column apart, so that the nine columns fit 80 cells. */
const GAP = 1;

export function BrokersPane({ store, height, width, top }: { store: BrokersStore; height: number; width: number; top: number }) {
  const state = useStore(store);
  const color = useColor();
  const topRef = useRef(0);
  const bodyHeight = listRows(height, 'brokers');
  const status = [state.loading && { text: '…', priority: 8 }, state.error && { text: `✖ ${state.error}`, priority: 7, words: true }];

  if (state.configsOf !== undefined) {
    const rows: Row[] = [];
    if (state.configs) {
      const [header, ...lines] = configsTable(state.configs.configs, GAP);
      rows.push({ key: 'title', text: configsTitle(state.configs, false), dim: true }, { key: 'header', text: header!, dim: true });
      const start = scrollTop(top, lines.length, bodyHeight);
      lines.slice(start, start + bodyHeight).forEach((text, i) => rows.push({ key: start + i, text }));
    } else {
      rows.push({ key: 'status', text: state.configsError ? `✖ ${state.configsError}` : 'loading…', dim: !state.configsError });
    }
    return (
      <Box flexDirection="column" height={height} width={width}>
        <PaneTitle title={`Broker ${state.configsOf} configs`} focused width={width} extra={['Esc back', ...status]} />
        <Rows rows={rows} height={height - 1} width={width} />
      </Box>
    );
  }

  const rows: Row[] = [];
  const overview = state.overview;
  if (overview) {
    const [header, ...lines] = brokersTable(overview, GAP);
    rows.push({ key: 'cluster', text: clusterLine(overview), dim: true }, { key: 'header', text: header!, dim: true });
    // As in the topics pane: the window moves as little as possible from the last frame's (a ref on purpose).
    // eslint-disable-next-line react-hooks/refs
    const first = windowTop(topRef.current, state.selected, bodyHeight, lines.length);
    // eslint-disable-next-line react-hooks/refs
    topRef.current = first;
    for (let i = first; i < Math.min(lines.length, first + bodyHeight); i++) {
      const broker = overview.brokers[i]!;
      const trouble = !broker.up ? 'red' : broker.outOfIsr > 0 || broker.offline > 0 ? 'yellow' : undefined;
      rows.push({ key: broker.nodeId, text: lines[i]!, selected: i === state.selected, color: trouble && color(trouble) });
    }
  } else {
    rows.push({ key: 'status', text: state.loading ? 'loading…' : (state.error ?? ''), dim: true });
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      <PaneTitle title="Brokers" focused width={width} extra={['Enter configs · Esc close', ...status]} />
      <Rows rows={rows} height={height - 1} width={width} />
    </Box>
  );
}
