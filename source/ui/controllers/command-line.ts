// The `:` command line's verbs, as a table: one entry per kind parseCommandLine returns.
import { parseCommandLine, type LineCommand } from '../command-line.js';
import { disabledReason } from '../keymap.js';
import { currentTopic, focusProducer, showDescribe, startConsumer } from './actions.js';
import type { ControllerContext } from './context.js';
import { showGroups } from './groups.js';

type Verb<K extends LineCommand['kind']> = (ctx: ControllerContext, command: Extract<LineCommand, { kind: K }>) => void;

/** The verb's topic, else the one on screen; without either, says how to name one. */
const needTopic = (then: (ctx: ControllerContext, topic: string) => void) => (ctx: ControllerContext, command: { topic?: string }) => {
  const topic = command.topic ?? currentTopic(ctx);
  if (topic) then(ctx, topic);
  else ctx.say('name a topic: e.g. :describe orders', true);
};

export const LINE_VERBS: { [K in LineCommand['kind']]: Verb<K> } = {
  topics: ({ ui }) => ui.set({ overlay: undefined, focus: 'topics' }),
  brokers: ({ ui, models }) => {
    models.brokers.closeConfigs();
    ui.set({ overlay: 'brokers', overlayTop: 0 });
  },
  groups: showGroups,
  quit: ({ exit }) => exit(),
  describe: needTopic(showDescribe),
  consume: needTopic((ctx, topic) => startConsumer(ctx, topic)),
  produce: (ctx, command) => {
    // Read-only says why, in the same words as the `p` key.
    const reason = ctx.readOnly ? disabledReason('produce.focus', { readOnly: true }, ctx.keymap) : undefined;
    if (reason) ctx.say(reason, true);
    else needTopic(focusProducer)(ctx, command);
  },
};

/** Runs one command line; throws (for the prompt to report) when it cannot be read. */
export function runLine(ctx: ControllerContext, text: string): void {
  const command = parseCommandLine(text);
  (LINE_VERBS[command.kind] as Verb<typeof command.kind>)(ctx, command);
}
