import { Text } from 'ink';
import stringWidth from 'string-width';
import { lineOf, viewLine } from '../input/line-editor.js';
import { escapeControlAndTabs } from '../../format/escape.js';

/**
 * A one-line input drawn as `label text`, the cursor in inverse, scrolled around the cursor.
 * The editing itself is input/line-editor.ts.
 */
export function LineInput({
  label,
  text,
  cursor,
  width,
  active,
  placeholder,
  note,
}: {
  label: string;
  text: string;
  /** Undefined: at the end. */
  cursor?: number;
  width: number;
  active: boolean;
  placeholder?: string;
  note?: string;
}) {
  const room = Math.max(1, width - stringWidth(label));
  if (!active) {
    const shown = escapeControlAndTabs(text);
    const visible = stringWidth(shown) > room ? `…${shown.slice(shown.length - room + 1)}` : shown;
    return (
      <Text wrap="truncate-end">
        <Text bold>{label}</Text>
        {visible}
      </Text>
    );
  }
  const view = viewLine(lineOf(text, cursor), room);
  return (
    <Text wrap="truncate-end">
      <Text bold>{label}</Text>
      {view.clippedLeft ? '…' : ''}
      {escapeControlAndTabs(view.before)}
      <Text inverse>{escapeControlAndTabs(view.at)}</Text>
      {escapeControlAndTabs(view.after)}
      {view.clippedRight ? '…' : ''}
      {text === '' && placeholder ? <Text dimColor>{` ${placeholder}`}</Text> : null}
      {note ? <Text dimColor>{`  (${note})`}</Text> : null}
    </Text>
  );
}
