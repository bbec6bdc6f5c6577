// Text from the network (message bytes, error messages, names) must never reach a terminal
// as control sequences. One escaping for the CLI and the TUI; the TUI also escapes tabs,
// because on screen a tab would break column widths.

// C0 controls except tab, DEL, C1 controls, and the Unicode bidi/format controls that can
// reorder what a terminal shows (Trojan Source).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\0': '\\0' };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Makes text safe to print on a terminal: `ESC[31m` becomes `\x1b[31m`. */
export function escapeControl(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeOne) : text;
}

/** On screen: escapeControl, and a tab becomes a visible backslash-t. */
export function escapeControlAndTabs(text: string): string {
  const escaped = escapeControl(text);
  return escaped.includes('\t') ? escaped.replace(/\t/g, '\\t') : escaped;
}
