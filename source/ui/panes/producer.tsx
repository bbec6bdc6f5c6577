import { Box, Text } from 'ink';
import type { ProducerState, ProducerStore } from '../../model/producer-store.js';
import { LineInput } from '../components/line-input.js';
import { useStore } from '../hooks/use-store.js';
import { escapeControlAndTabs } from '../../format/escape.js';
import { useColor } from '../theme.js';

/**
 * Two lines: what happened to the last send, and the input. Focused but not typing, the
 * input says how to start, so a stray key is never mistaken for message text.
 */
export function ProducerPane({
  store,
  width,
  focused,
  typing,
  readOnly,
}: {
  store: ProducerStore;
  width: number;
  focused: boolean;
  typing: boolean;
  readOnly: boolean;
}) {
  const state = useStore(store);
  const color = useColor();
  const topic = state.topic ? escapeControlAndTabs(state.topic) : undefined;
  const status = readOnly ? { text: 'producer: disabled (read-only)' } : statusOf(state, topic, store.separator);
  const label = `${topic ?? (focused ? '(no topic)' : '')}> `;
  return (
    <Box flexDirection="column" height={2} width={width}>
      <Text color={status.color && color(status.color)} dimColor={!status.color} wrap="truncate-end">
        {status.text.slice(0, width)}
      </Text>
      {state.pending ? (
        <Text wrap="truncate-end">
          <Text bold>{label}</Text>
          <Text dimColor>{escapeControlAndTabs(state.pending.map((line) => `${line}⏎`).join(' '))}</Text>
        </Text>
      ) : focused && !typing && !readOnly ? (
        <Text wrap="truncate-end">
          <Text bold>{label}</Text>
          {escapeControlAndTabs(state.text)}
          <Text dimColor>{state.text ? '  (Enter to edit)' : 'press Enter to type'}</Text>
        </Text>
      ) : (
        <LineInput label={label} text={state.text} cursor={state.cursor} width={width} active={focused && typing} />
      )}
    </Box>
  );
}

function statusOf(state: ProducerState, topic: string | undefined, separator: string): { text: string; color?: string } {
  if (state.pending) return { text: `send ${state.pending.length} lines to ${topic}? Enter / Esc`, color: 'yellow' };
  if (state.error) return { text: `✖ send failed: ${escapeControlAndTabs(state.error)} (text kept)`, color: 'red' };
  if (state.sending) return { text: `… sending to ${topic}` };
  if (state.batch) {
    const { sent, failed, firstFailure } = state.batch;
    const to = escapeControlAndTabs(state.batch.topic);
    if (!firstFailure) return { text: `✔ sent ${sent} lines to ${to}`, color: 'green' };
    const why = `line ${firstFailure.line}: ${escapeControlAndTabs(firstFailure.reason)}`;
    return { text: `✖ sent ${sent}, failed ${failed} to ${to} (${why})`, color: 'red' };
  }
  if (state.last) {
    const { result, topic: sentTo } = state.last;
    return { text: `✔ sent to ${escapeControlAndTabs(sentTo)} partition ${result.partition} offset ${result.offset}`, color: 'green' };
  }
  return { text: `producer: p to type [-p N] [-H k=v] key${separator}value` };
}
