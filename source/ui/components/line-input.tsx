import { Text } from 'ink';
import { escapeControlAndTabs } from '../../format/escape.js';

/** A one-line input shown as `label text█`, scrolled so the end of the text stays visible. */
export function LineInput({
  label,
  text,
  width,
  active,
  placeholder,
}: {
  label: string;
  text: string;
  width: number;
  active: boolean;
  placeholder?: string;
}) {
  const shown = escapeControlAndTabs(text);
  const room = Math.max(1, width - label.length - 1);
  const visible = shown.length > room ? `…${shown.slice(shown.length - room + 1)}` : shown;
  return (
    <Text wrap="truncate-end">
      <Text bold>{label}</Text>
      {visible}
      {active ? <Text inverse> </Text> : null}
      {active && text === '' && placeholder ? <Text dimColor>{` ${placeholder}`}</Text> : null}
    </Text>
  );
}
