import { Box, Text } from 'ink';
import type { ConnectionState } from '../../model/connection-store.js';
import { escapeControlAndTabs } from '../../format/escape.js';
import { useColor } from '../theme.js';

export function connectionText(state: ConnectionState): { text: string; color: string } {
  const { status, cluster } = state;
  switch (status.state) {
    case 'ready':
      return { text: `● connected · ${status.cluster.brokers.length} broker(s)`, color: 'green' };
    case 'connecting':
      return { text: '… connecting', color: 'yellow' };
    case 'retrying':
      return {
        text: `↻ retrying: ${escapeControlAndTabs(status.error)}${cluster ? ` · last seen ${cluster.brokers.length} broker(s)` : ''}`,
        color: 'yellow',
      };
    case 'failed':
      return { text: `✖ failed: ${escapeControlAndTabs(status.error)}`, color: 'red' };
  }
}

export function StatusBar({
  label,
  connection,
  readOnly,
  width,
}: {
  label: string;
  connection: ConnectionState;
  readOnly: boolean;
  width: number;
}) {
  const color = useColor();
  const state = connectionText(connection);
  const left = `kafka-tui ${label}${readOnly ? ' [read-only]' : ''} `;
  return (
    <Box width={width} height={1}>
      <Text bold wrap="truncate-end">
        {left}
      </Text>
      <Text color={color(state.color)} wrap="truncate-end">
        {state.text.slice(0, Math.max(0, width - left.length))}
      </Text>
    </Box>
  );
}
