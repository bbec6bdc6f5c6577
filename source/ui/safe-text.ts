// Text from the network (message bytes, error messages, names) must never reach the
// terminal as control sequences. The console formatter's escaping covers C0/C1 controls and
// bidi overrides; on screen a tab is escaped too, because it would break column widths.
import { escapeControl as escapeForConsole } from '../format/message-text.js';

export function escapeControl(text: string): string {
  const escaped = escapeForConsole(text);
  return escaped.includes('\t') ? escaped.replace(/\t/g, '\\t') : escaped;
}
