// Keys and pastes to commands or text: a key bound in the focused context runs its command
// through the controllers; otherwise, while an input line is active, it edits that line. Pastes
// (bracketed, or several lines in one read) become lines that the producer sends one by one
// after asking, or that a prompt keeps the first of.
import { useInput } from 'ink';
import { useRef, useState } from 'react';
import type { ControllerContext } from '../controllers/context.js';
import { dispatch } from '../controllers/index.js';
import { contextsOf, isTyping } from '../focus.js';
import { keyName, resolveKey, type Command } from '../keymap.js';
import { editLine, insertText, lineOf, type Line } from './line-editor.js';
import { BracketedPasteReader, pastedLines, readTextRun, textRun } from './paste.js';
import { useRawInput } from './use-raw-input.js';

export function useKeyInput(ctx: ControllerContext): void {
  const { ui, keymap } = ctx;
  const { topics, consumer, producer, groups } = ctx.models;
  const [paste] = useState(() => new BracketedPasteReader());
  /** What the last Ctrl-U/K/W removed, for Ctrl-Y; one for every input line, as in readline. */
  const kill = useRef('');
  const raw = useRawInput();
  const run = (command: Command) => dispatch(ctx, command);

  /** The line being edited: the prompt's, else the producer's. */
  const currentLine = (state = ui.snapshot): Line =>
    state.prompt ? lineOf(state.prompt.text, state.prompt.cursor) : lineOf(producer.snapshot.text, producer.snapshot.cursor);

  /** Puts an edited line back where it came from: the prompt (and its live filter) or the producer. */
  const setLine = ({ text, cursor }: Line) => {
    const current = ui.snapshot.prompt;
    if (!current) return producer.setText(text, cursor);
    ui.set({ prompt: { ...current, text, cursor, note: undefined } });
    if (current.purpose === 'filter') topics.setFilter(text);
    if (current.purpose === 'search') consumer.setSearch(text);
    if (current.purpose === 'groupFilter') groups.setFilter(text);
  };

  /** True while keys are text for some input line (a prompt, or the producer in typing mode). */
  const lineActive = (state = ui.snapshot) => Boolean(state.prompt) || isTyping(state);

  const handleKey = (name: string, input: string) => {
    const state = ui.snapshot;
    const binding = resolveKey(name, contextsOf(state), keymap);
    if (binding) return run(binding.command);
    if (!lineActive(state)) return;
    // Pasted lines wait for Enter or Esc; nothing is typed over them.
    if (!state.prompt && producer.snapshot.pending) return;
    const edit = editLine(currentLine(state), name, input, kill.current);
    if (edit) {
      if (edit.killed) kill.current = edit.killed;
      return setLine(edit.line);
    }
    // While typing, only the non-printing global keys (Tab, Ctrl-C) still act.
    const global = name.length > 1 ? resolveKey(name, ['global'], keymap) : undefined;
    if (global) run(global.command);
  };

  /** A run of typed text, inserted as text even when it spells a key name ("up", "enter"). */
  const typeText = (text: string) => {
    if (!ui.snapshot.prompt && producer.snapshot.pending) return;
    setLine(insertText(currentLine(), text));
  };

  /** Several lines at once: the producer asks, then sends one message per line; a prompt keeps the first. */
  const handleLines = (lines: string[]) => {
    const state = ui.snapshot;
    if (lines.length === 0) return;
    if (!lineActive(state)) return ctx.say('paste ignored: press p (or Enter on the producer) to type first', true);
    if (state.prompt || lines.length === 1) {
      if (!state.prompt && producer.snapshot.pending) return;
      setLine(insertText(currentLine(state), lines[0]!));
      if (lines.length > 1) {
        const note = `pasted ${lines.length} lines: kept the first`;
        if (state.prompt) ui.set({ prompt: { ...ui.snapshot.prompt!, note } });
        else ctx.say(note);
      }
      return;
    }
    producer.offerLines(lines);
  };

  /** Several keys in one read: typed faster than the terminal is read, or pasted without brackets. */
  const handleChunk = (chunk: string) => {
    for (let at = 0; at < chunk.length;) {
      const char = chunk[at]!;
      if (!lineActive() || char === '\t' || char === '\u007f') {
        // Commands take keys one at a time, so `p` then text works.
        handleKey(char === ' ' ? 'space' : char === '\t' ? 'tab' : char === '\u007f' ? 'backspace' : char === '\r' ? 'enter' : char, char);
        at++;
        continue;
      }
      const run = textRun(chunk.slice(at)) || char;
      at += run.length;
      const read = readTextRun(run);
      if (read.kind === 'lines') {
        handleLines(read.lines);
        continue;
      }
      for (const piece of read.pieces) {
        if (piece.kind === 'enter') handleKey('enter', '\r');
        else typeText(piece.text);
      }
    }
  };

  useInput((input, key) => {
    const step = paste.feed(input, key);
    if (step.kind === 'inside') return;
    if (step.kind === 'done') {
      handleLines(pastedLines(step.text));
      if (step.rest) handleChunk(step.rest);
      return;
    }
    const chunk = !key.ctrl && !key.meta && input.length > 1 && !input.startsWith('\u001b');
    if (!chunk) return handleKey(keyName(input, key, raw.current), input);
    handleChunk(input);
  });
}
