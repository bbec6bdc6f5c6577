import { Text } from 'ink';
import { hintsFor, type Binding, type KeyContext } from '../keymap.js';
import { escapeControlAndTabs } from '../../format/escape.js';
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
    return (
      <Text color={color(flash.error ? 'red' : 'green')} wrap="truncate-end">
        {`${flash.error ? '✖ ' : '✔ '}${escapeControlAndTabs(flash.text)}`.slice(0, width)}
      </Text>
    );
  }
  const items = hintsFor(contexts, keymap).map(({ key, hint }) => `${key} ${hint}`);
  // When not everything fits, the way to see everything (? help) is what stays.
  const help = items.find((item) => item.startsWith('? '));
  let text = items.join('  ');
  if (text.length > width && help) {
    const rest = items.filter((item) => item !== help);
    while (rest.length > 0 && [...rest, help].join('  ').length > width) rest.pop();
    text = [...rest, help].join('  ');
  }
  return (
    <Text dimColor wrap="truncate-end">
      {text.slice(0, width)}
    </Text>
  );
}
