// A fixed-height block of pre-formatted lines: one truncated <Text> per visible row, and
// blank padding so a shorter list never leaves stale lines behind. Everything shown passes
// escapeControlAndTabs here, whatever the pane already did: names, configs and broker errors come
// from the network too. Escaping maps each character on its own, so cutting first is exact.
import { Box, Text } from 'ink';
import { escapeControlAndTabs } from '../../format/escape.js';

export interface Row {
  key: string | number;
  text: string;
  color?: string;
  selected?: boolean;
  dim?: boolean;
  bold?: boolean;
}

const visible = (text: string, width: number): string => escapeControlAndTabs(text.slice(0, width)).slice(0, width);

export function Rows({ rows, height, width }: { rows: readonly Row[]; height: number; width: number }) {
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      {rows.slice(0, height).map((row) => (
        <Text
          key={row.key}
          wrap="truncate-end"
          color={row.color}
          inverse={row.selected}
          dimColor={row.dim}
          bold={row.bold}
        >
          {visible(row.text, width).padEnd(row.selected ? width : 0)}
        </Text>
      ))}
    </Box>
  );
}

export function PaneTitle({ title, focused, width, extra }: { title: string; focused: boolean; width: number; extra?: string }) {
  const text = `${focused ? '▶' : ' '} ${title}${extra ? `  ${extra}` : ''}`;
  return (
    <Text bold={focused} inverse={focused} wrap="truncate-end">
      {visible(text, width).padEnd(width)}
    </Text>
  );
}
