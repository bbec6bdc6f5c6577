// What a terminal too small for the panes shows instead of them: one centred line, so that
// nothing wraps or scrolls, and a resize back to a usable size redraws from a clean screen.
import { Box, Text } from 'ink';
import stringWidth from 'string-width';

/** The smallest terminal the panes fit: topics (32 columns) beside describe, five rows each. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;

export const isTooSmall = (columns: number, rows: number): boolean => columns < MIN_COLUMNS || rows < MIN_ROWS;

/** The longest of the message's forms that fits, down to nothing. */
export function tooSmallText(columns: number, rows: number): string {
  const size = `${columns}×${rows}`;
  const need = `${MIN_COLUMNS}×${MIN_ROWS}`;
  const forms = [`terminal too small: ${size}, need ${need}`, `too small: ${size}, need ${need}`, `too small: ${size}`, size];
  return forms.find((form) => stringWidth(form) <= columns) ?? '';
}

export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  // One row short of the terminal, like the full layout: a full-height frame scrolls some terminals.
  return (
    <Box width={columns} height={Math.max(1, rows - 1)} justifyContent="center" alignItems="center">
      <Text wrap="truncate-end">{tooSmallText(columns, rows)}</Text>
    </Box>
  );
}
