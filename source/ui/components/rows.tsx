// A fixed-height block of pre-formatted lines: one truncated <Text> per visible row, and
// blank padding so a shorter list never leaves stale lines behind. Everything shown passes
// escapeControlAndTabs here, whatever the pane already did: names, configs and broker errors come
// from the network too. Escaping maps each character on its own, so cutting first is exact.
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { escapeControlAndTabs } from '../../format/escape.js';
import { fitLine, type Segment } from '../fit-segments.js';

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
        <Text key={row.key} wrap="truncate-end" color={row.color} inverse={row.selected} dimColor={row.dim} bold={row.bold}>
          {visible(row.text, width).padEnd(row.selected ? width : 0)}
        </Text>
      ))}
    </Box>
  );
}

/** A title's extra facts: plain strings give way from the right; segments say how they shrink. */
export type TitlePart = Segment | string | false | undefined;

const asSegments = (parts: readonly TitlePart[]): Segment[] =>
  parts
    .filter((part): part is Segment | string => Boolean(part))
    .map((part, index, all) => (typeof part === 'string' ? { text: part, priority: all.length - index } : part))
    .map((segment) => ({
      ...segment,
      text: escapeControlAndTabs(segment.text),
      short: segment.short && escapeControlAndTabs(segment.short),
    }));

/** The pane's name, then as many of its facts as fit, each whole or abbreviated, never cut mid-word. */
export function PaneTitle({
  title,
  focused,
  width,
  extra,
  separator = ' · ',
}: {
  title: string;
  focused: boolean;
  width: number;
  extra?: string | readonly TitlePart[];
  separator?: string;
}) {
  const head = fitLine([{ text: `${focused ? '▶' : ' '} ${escapeControlAndTabs(title)}`, required: true, words: true }], width);
  const parts = asSegments(typeof extra === 'string' ? [{ text: extra, words: true }] : (extra ?? []));
  const room = width - stringWidth(head) - 2;
  const facts = room > 0 ? fitLine(parts, room, separator) : '';
  const text = facts ? `${head}  ${facts}` : head;
  return (
    <Text bold={focused} inverse={focused} wrap="truncate-end">
      {text + ' '.repeat(Math.max(0, width - stringWidth(text)))}
    </Text>
  );
}
