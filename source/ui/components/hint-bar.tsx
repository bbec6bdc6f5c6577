import { Text } from 'ink';
import { hintsFor, type Binding, type KeyContext } from '../keymap.js';
import { escapeControlAndTabs } from '../../format/escape.js';
import { fitLine } from '../fit-segments.js';
import { useColor } from '../theme.js';

export interface Flash {
  text: string;
  error: boolean;
}

/** The keys that apply where the focus is, or a one-line message after an action. */
export function HintBar({
  contexts,
  keymap,
  width,
  flash,
}: {
  contexts: readonly KeyContext[];
  keymap: readonly Binding[];
  width: number;
  flash?: Flash;
}) {
  const color = useColor();
  if (flash) {
    const text = fitLine([{ text: `${flash.error ? '✖ ' : '✔ '}${escapeControlAndTabs(flash.text)}`, required: true, words: true }], width);
    return (
      <Text color={color(flash.error ? 'red' : 'green')} wrap="truncate-end">
        {text}
      </Text>
    );
  }
  // When not everything fits, the way to see everything (? help) is what stays.
  const hints = hintsFor(contexts, keymap).map(({ key, hint }) => ({ text: `${key} ${hint}`, priority: key === '?' ? 1 : 0 }));
  return (
    <Text dimColor wrap="truncate-end">
      {fitLine(hints, width)}
    </Text>
  );
}
