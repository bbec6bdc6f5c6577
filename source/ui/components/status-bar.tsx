import { Text } from 'ink';
import type { TopicsStore } from '../../model/topics-store.js';
import type { ConnectionState } from '../../model/connection-store.js';
import { fitSegments, type Segment } from '../fit-segments.js';
import { escapeControlAndTabs } from '../../format/escape.js';
import { useStore } from '../hooks/use-store.js';
import { useColor } from '../theme.js';

/** The connection's state as segments: its word first, then the reason, then what happens next. */
export function connectionSegments(state: ConnectionState): { segments: Segment[]; color: string } {
  const { status, cluster } = state;
  const retry: Segment[] = !state.retry
    ? []
    : [{ text: state.retry === 'now' ? '· retrying now' : `· retry in ${Math.round(state.retry.inMs / 1000)}s`, priority: 6 }];
  switch (status.state) {
    case 'ready':
      return {
        segments: [
          { text: '● connected', required: true, priority: 8 },
          { text: `· ${status.cluster.brokers.length} broker(s)`, short: `· ${status.cluster.brokers.length}`, priority: 4 },
        ],
        color: 'green',
      };
    case 'connecting':
      return { segments: [{ text: '… connecting', required: true, priority: 8 }], color: 'yellow' };
    case 'retrying':
      return {
        segments: [
          { text: '↻ retrying:', required: true, priority: 8 },
          { text: escapeControlAndTabs(status.error), words: true, priority: 4 },
          ...(cluster ? [{ text: `· last seen ${cluster.brokers.length} broker(s)`, priority: 1 }] : []),
          ...retry,
        ],
        color: 'yellow',
      };
    case 'failed':
      return {
        segments: [
          { text: '✖ failed:', required: true, priority: 8 },
          { text: escapeControlAndTabs(status.error), words: true, priority: 4 },
          ...retry,
        ],
        color: 'red',
      };
  }
}

/** The whole connection text, as it reads when there is room for all of it. */
export function connectionText(state: ConnectionState): { text: string; color: string } {
  const { segments, color } = connectionSegments(state);
  return { text: segments.map((s) => s.text).join(' '), color };
}

export function StatusBar({
  label,
  connection,
  readOnly,
  denied,
  width,
  topics,
}: {
  label: string;
  connection: ConnectionState;
  readOnly: boolean;
  /** What the broker last refused us (hooks/use-denied.ts), said after the connection state. */
  denied?: string;
  width: number;
  /** Says why MSGS shows '?' (the store's countsUnknown), after the connection's state. */
  topics: TopicsStore;
}) {
  const color = useColor();
  const { countsUnknown } = useStore(topics);
  const state = connectionSegments(connection);
  if (countsUnknown) state.segments.push({ text: `· ${escapeControlAndTabs(countsUnknown)}`, words: true, priority: 2 });
  // "not authorized to produce to topic T" reads "denied: produce to topic T", short enough for 80 columns.
  if (denied)
    state.segments.push({ text: `· denied: ${escapeControlAndTabs(denied.replace(/^not authorized to /, ''))}`, words: true, priority: 5 });
  const own: Segment[] = [
    { text: 'kafka-tui', required: true, priority: 9 },
    { text: escapeControlAndTabs(label), priority: 5 },
    ...(readOnly ? [{ text: '[read-only]', short: '[ro]', priority: 7 }] : []),
  ];
  const fitted = fitSegments([...own, ...state.segments], width, ' ');
  const join = (texts: Array<string | undefined>) => texts.filter((t): t is string => t !== undefined).join(' ');
  const left = join(fitted.slice(0, own.length));
  const right = join(fitted.slice(own.length));
  return (
    <Text wrap="truncate-end">
      <Text bold>{left}</Text>
      {right ? ' ' : ''}
      <Text color={color(state.color)}>{right}</Text>
    </Text>
  );
}
