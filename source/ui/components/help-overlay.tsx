import { KEYMAP, helpSections, type Binding } from '../keymap.js';
import { PaneTitle, Rows, type Row } from './rows.js';
import { Box } from 'ink';
import { scrollTop } from '../../model/list-window.js';
import { listRows } from '../layout.js';

/** Every line of the help overlay, generated from the keymap. */
export function helpLines(keymap: readonly Binding[] = KEYMAP): string[] {
  const lines: string[] = [];
  for (const section of helpSections(keymap)) {
    lines.push(`${section.title}`);
    for (const row of section.rows) lines.push(`  ${row.keys.padEnd(14)} ${row.description}`);
  }
  return lines;
}

export function HelpOverlay({ keymap, top, height, width }: { keymap: readonly Binding[]; top: number; height: number; width: number }) {
  const lines = helpLines(keymap);
  const bodyHeight = listRows(height, 'overlay');
  const start = scrollTop(top, lines.length, bodyHeight);
  const rows: Row[] = lines.slice(start, start + bodyHeight).map((text, i) => ({ key: start + i, text, bold: !text.startsWith(' ') }));
  return (
    <Box flexDirection="column" height={height} width={width}>
      <PaneTitle title="Help" focused width={width} extra="j/k scroll · Esc close" />
      <Rows rows={rows} height={bodyHeight} width={width} />
    </Box>
  );
}
