// What every command handler gets: the stores, the UI state, the layout and two ways out.
// Plain values, no React, so a handler runs the same under Ink and in a unit test.
import type { ExternalResult } from '../external.js';
import type { Binding, Command } from '../keymap.js';
import type { Layout } from '../layout.js';
import type { Models } from '../models.js';
import type { UiStore } from '../ui-state.js';

export interface ControllerContext {
  models: Models;
  ui: UiStore;
  layout: Layout;
  readOnly: boolean;
  /** The effective keymap (defaults plus the user's remaps): disabled reasons come from it. */
  keymap: readonly Binding[];
  /** A one-line message in the hint bar; red when `error`. */
  say(text: string, error?: boolean): void;
  /** Bytes for the terminal itself, past Ink: only the clipboard's OSC 52 uses it. */
  writeTerminal(sequence: string): void;
  /** The environment the terminal is described by (TERM, TMUX), and PAGER and EDITOR. */
  env: NodeJS.ProcessEnv;
  /** Runs a program (a shell command line, with `file` as its argument) on the terminal, and takes the screen back. */
  runOnTerminal(command: string, file: string): ExternalResult;
  exit(): void;
}

/** A handler also gets the topic and the group its command applies to, found once by the dispatcher. */
export interface CommandContext extends ControllerContext {
  topic?: string;
  group?: string;
}

export type Handler = (ctx: CommandContext) => void;

/** One pane's share of the handler table. */
export type Controller<C extends Command = Command> = { [K in C]: Handler };

/**
 * For commands whose binding is disabled without a topic: the dispatcher has already said
 * 'select a topic first', so the guard here only narrows the type.
 */
export const withTopic =
  (then: (ctx: CommandContext, topic: string) => void): Handler =>
  (ctx) => {
    if (ctx.topic) then(ctx, ctx.topic);
  };
