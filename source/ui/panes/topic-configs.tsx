// The topic configs view (E): every config of the topic as `topics configs T --all` lists them
// (the overridden ones first), a selection, and a line of help for the selected config.
import { Box } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { useRef } from 'react';
import { topicConfigHelp } from '../../format/topic-config-help.js';
import { topicConfigLines } from '../../format/topic-configs-text.js';
import { windowTop } from '../../model/list-window.js';
import type { TopicConfigsStore } from '../../model/topic-configs-store.js';
import { PaneTitle, Rows, type Row } from '../components/rows.js';
import { useStore } from '../hooks/use-store.js';
import { listRows } from '../layout.js';

export function TopicConfigsPane({ store, height, width }: { store: TopicConfigsStore; height: number; width: number }) {
  const state = useStore(store);
  const topRef = useRef(0);
  // One row less than the brokers view: the help line of the selected config.
  const bodyHeight = listRows(height, 'brokers') - 1;
  const status = [state.loading && { text: '…', priority: 8 }];
  const rows: Row[] = [];
  const configs = state.configs;
  if (configs) {
    const [header, ...lines] = topicConfigLines(configs, width);
    rows.push({ key: 'header', text: header!, dim: true });
    // eslint-disable-next-line react-hooks/refs
    const first = windowTop(topRef.current, state.selected, bodyHeight, lines.length);
    // eslint-disable-next-line react-hooks/refs
    topRef.current = first;
    for (let i = first; i < Math.min(lines.length, first + bodyHeight); i++) {
      rows.push({
        key: configs[i]!.name,
        text: lines[i]!,
        selected: i === state.selected,
        bold: configs[i]!.source === 'DYNAMIC_TOPIC_CONFIG',
      });
    }
    const selected = configs[state.selected];
    const help = selected && topicConfigHelp(selected.name);
    rows.push({ key: 'help', text: selected ? `${selected.name}: ${help ?? 'see the Kafka documentation'}` : '', dim: true });
    // A refusal is the broker's sentence, longer than a title: it gets lines of its own, whole.
    if (state.error)
      wrapAnsi(`✖ ${state.error}`, width, { hard: true })
        .split('\n')
        .forEach((text, i) => rows.push({ key: `error-${i}`, text }));
  } else {
    rows.push({ key: 'status', text: state.error ? `✖ ${state.error}` : 'loading…', dim: !state.error });
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      <PaneTitle title={`Configs of ${state.topic ?? ''}`} focused width={width} extra={['Enter edit · Esc close', ...status]} />
      <Rows rows={rows} height={height - 1} width={width} />
    </Box>
  );
}
