// Pasted text as Ink 6.8 delivers it. Its input parser hands an escape sequence over as an
// event of its own and useInput strips the ESC, so a bracketed paste arrives as `[200~`, the
// text (one or more events, Enter and Tab as key events), then `[201~`. A terminal read that
// split the ESC from the rest turns into an Escape key followed by text starting `[200~`;
// both shapes are recognised.

// eslint-disable-next-line no-control-regex
const START = /^\u001b?\[200~/;
// eslint-disable-next-line no-control-regex
const END = /\u001b?\[201~/;

/** What the reader made of one useInput event. */
export type PasteStep =
  | { kind: 'none' }
  /** Swallowed: part of a paste still arriving. */
  | { kind: 'inside' }
  /** The paste is complete; `rest` is what followed the end marker in the same event. */
  | { kind: 'done'; text: string; rest: string };

export interface PasteKey {
  return: boolean;
  tab: boolean;
}

/** A paste arrives within milliseconds; an end marker this late was lost, so keys are keys again. */
const STALE_MS = 2_000;

/** Collects a bracketed paste across useInput events, so no part of it is taken as a key. */
export class BracketedPasteReader {
  private buffer: string | undefined;
  private lastAt = 0;

  get active(): boolean {
    return this.buffer !== undefined;
  }

  feed(input: string, key: PasteKey, now = Date.now()): PasteStep {
    if (this.buffer !== undefined && now - this.lastAt > STALE_MS) this.buffer = undefined;
    this.lastAt = now;
    if (this.buffer === undefined) {
      const start = START.exec(input);
      if (!start) return { kind: 'none' };
      this.buffer = '';
      return this.collect(input.slice(start[0].length));
    }
    // useInput empties the input of Enter and Tab when they arrive as events of their own.
    return this.collect(key.return && input === '' ? '\r' : key.tab && input === '' ? '\t' : input);
  }

  private collect(text: string): PasteStep {
    const all = this.buffer! + text;
    const end = END.exec(all);
    if (!end) {
      this.buffer = all;
      return { kind: 'inside' };
    }
    this.buffer = undefined;
    return { kind: 'done', text: all.slice(0, end.index), rest: all.slice(end.index + end[0].length) };
  }
}

/**
 * The lines of a paste, as kafka-console-producer would read them: split at CR, LF or CRLF,
 * the line after a final line break dropped, and blank lines skipped (they are no message).
 */
export function pastedLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

export type RunPiece = { kind: 'text'; text: string } | { kind: 'enter' };

/**
 * A run of text read at once. More than one line is a paste: its lines, never joined. Less is
 * keys typed faster than the terminal was read: the text and each Enter in order.
 */
export function readTextRun(run: string): { kind: 'lines'; lines: string[] } | { kind: 'keys'; pieces: RunPiece[] } {
  const lines = pastedLines(run);
  if (lines.length > 1) return { kind: 'lines', lines };
  const pieces: RunPiece[] = [];
  for (const part of run.split(/(\r\n|\r|\n)/)) {
    if (part === '') continue;
    pieces.push(/^[\r\n]/.test(part) ? { kind: 'enter' } : { kind: 'text', text: part });
  }
  return { kind: 'keys', pieces };
}

/**
 * The leading run of a chunk that an input line takes at once: everything up to a key that
 * is not text (Tab, Backspace, Escape). Line breaks stay in the run; the caller decides.
 */
export function textRun(chunk: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[^\t\u007f\u001b]*/.exec(chunk)![0];
}
