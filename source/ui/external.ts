// Running a program on the terminal from inside the TUI (the pager or editor of `e`): the screen
// is handed back first (main screen, cursor shown, bracketed paste and raw mode off), the program
// runs in the foreground with our stdin, stdout and stderr, and then the TUI takes the screen again
// and Ink draws its frame whole.
//
// The program runs with spawnSync on purpose: while it runs, Node's event loop does not, so Node
// does not read the keys meant for the pager. A Ctrl-C typed in the pager reaches our process
// group too; it is taken as the pager's (see signalsHeld), not as a request to quit the TUI.
import { spawnSync } from 'node:child_process';
import { enterFullscreenModes, leaveFullscreenModes } from './screen.js';

export interface ExternalResult {
  /** The exit status, or null when a signal ended it. */
  status: number | null;
  /** Why it could not be started at all. */
  error?: string;
}

/** The terminal a program is handed: our raw-mode stdin and our stdout, and Ink's full redraw. */
export interface TerminalHandover {
  stdin: { isTTY?: boolean; isRaw?: boolean; setRawMode?(raw: boolean): unknown };
  /** Writes past Ink: the screen-mode sequences. */
  write(sequence: string): void;
  /** Has Ink clear the screen and draw its whole frame again. */
  redraw(): void;
}

let held = false;
const RELEASE_AFTER_MS = 100;
const ignore = () => {};

/**
 * True while a program runs, and until the signals that arrived meanwhile have been handled:
 * Node runs a signal's listeners after spawnSync returns, in a later turn of its loop.
 */
export const signalsHeld = (): boolean => held;

/** Runs `command` (a shell command line, as $PAGER and $EDITOR are) with `file` as its argument. */
export function runOnTerminal(terminal: TerminalHandover, command: string, file: string): ExternalResult {
  const { stdin } = terminal;
  const raw = stdin.isTTY === true && stdin.isRaw !== false && typeof stdin.setRawMode === 'function';
  held = true;
  // signal-exit (Ink's) sends a SIGINT again when it believes no one else handles it (it counts the
  // listeners): one more listener while held keeps it from turning the pager's Ctrl-C into a quit.
  process.on('SIGINT', ignore);
  terminal.write(leaveFullscreenModes());
  if (raw) stdin.setRawMode!(false);
  try {
    // As git runs its pager: the command line through sh, the file as "$1" (never spliced in). `exec`,
    // so that sh is not left waiting: a Ctrl-C that ends sh but not the pager would return to the TUI
    // while the pager still runs on the same screen.
    const result = spawnSync('/bin/sh', ['-c', `exec ${command} "$1"`, 'kafka-tui', file], { stdio: 'inherit' });
    if (result.error) return { status: null, error: result.error.message };
    return { status: result.status };
  } finally {
    if (raw) stdin.setRawMode!(true);
    terminal.write(enterFullscreenModes());
    terminal.redraw();
    setTimeout(() => {
      held = false;
      process.off('SIGINT', ignore);
    }, RELEASE_AFTER_MS);
  }
}
