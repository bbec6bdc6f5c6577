import { Box, Text } from 'ink';
import type { ProducerStore } from '../../model/producer-store.js';
import { LineInput } from '../components/line-input.js';
import { useStore } from '../hooks/use-store.js';
import { escapeControlAndTabs } from '../../format/escape.js';
import { useColor } from '../theme.js';

/** Two lines: what happened to the last send, and the input. */
export function ProducerPane({
  store,
  width,
  focused,
  readOnly,
}: {
  store: ProducerStore;
  width: number;
  focused: boolean;
  readOnly: boolean;
}) {
  const state = useStore(store);
  const color = useColor();
  const topic = state.topic ? escapeControlAndTabs(state.topic) : undefined;
  let status: { text: string; color?: string };
  if (readOnly) status = { text: 'producer: disabled (read-only)' };
  else if (state.error) status = { text: `✖ send failed: ${escapeControlAndTabs(state.error)} (text kept)`, color: 'red' };
  else if (state.sending) status = { text: `… sending to ${topic}` };
  else if (state.last) {
    const { result, topic: sentTo } = state.last;
    status = { text: `✔ sent to ${escapeControlAndTabs(sentTo)} partition ${result.partition} offset ${result.offset}`, color: 'green' };
  } else status = { text: `producer: p to type [-p N] [-H k=v] key${store.separator}value` };
  return (
    <Box flexDirection="column" height={2} width={width}>
      <Text color={status.color && color(status.color)} dimColor={!status.color} wrap="truncate-end">
        {status.text.slice(0, width)}
      </Text>
      <LineInput
        label={focused ? `${topic ?? '(no topic)'}> ` : `${topic ?? ''}> `}
        text={state.text}
        width={width}
        active={focused}
      />
    </Box>
  );
}
