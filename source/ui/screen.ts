// The alternate screen, without Ink: the CLI takes the screen and draws a one-line frame at
// once, so the user sees the app within a tenth of a second while Ink and React (about a
// third of a second of module loading on Node 20) are still on their way.
const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
export const CLEAR_AND_HOME = '\x1b[2J\x1b[H';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
// The terminal marks pasted text (ESC[200~ … ESC[201~), so a paste is never taken for typed keys.
const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';

let active = false;

export function enterFullscreen(stdout: NodeJS.WriteStream, headline: string): void {
  active = true;
  stdout.write(
    `${ENTER_ALTERNATE_SCREEN}${HIDE_CURSOR}${BRACKETED_PASTE_ON}${CLEAR_AND_HOME}${headline.slice(0, stdout.columns || 80)}\x1b[H`,
  );
}

/** Clears what the CLI drew, so Ink's first frame starts on an empty screen. */
export function handOverScreen(stdout: NodeJS.WriteStream): void {
  stdout.write(CLEAR_AND_HOME);
}

/** The modes the TUI runs in, taken again after a program it ran on the terminal (see external.ts). */
export const enterFullscreenModes = (): string => ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + BRACKETED_PASTE_ON;

/** The terminal as a program run from the TUI expects it: the main screen, a cursor, no bracketed paste. */
export const leaveFullscreenModes = (): string => BRACKETED_PASTE_OFF + LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR;

/** Leaves the alternate screen and bracketed paste; safe to call on every exit path, more than once. */
export function leaveFullscreen(stdout: NodeJS.WriteStream): void {
  if (!active) return;
  active = false;
  stdout.write(leaveFullscreenModes());
}
