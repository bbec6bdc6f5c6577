import { Text } from 'ink';
import { hintsFor, type KeyContext } from '../keymap.js';
import { escapeControl } from '../safe-text.js';
import { useColor } from '../theme.js';

export interface Flash {
  text: string;
  error: boolean;
}

/** The keys that apply where the focus is, or a one-line message after an action. */
export function HintBar({ contexts, width, flash }: { contexts: readonly KeyContext[]; width: number; flash?: Flash }) {
  const color = useColor();
  if (flash) {
    return (
      <Text color={color(flash.error ? 'red' : 'green')} wrap="truncate-end">
        {`${flash.error ? '✖ ' : '✔ '}${escapeControl(flash.text)}`.slice(0, width)}
      </Text>
    );
  }
  const text = hintsFor(contexts)
    .map(({ key, hint }) => `${key} ${hint}`)
    .join('  ');
  return (
    <Text dimColor wrap="truncate-end">
      {text.slice(0, width)}
    </Text>
  );
}
