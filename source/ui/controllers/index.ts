// Every command's handler, gathered from the per-pane controllers. Typed as a full map over
// Command, so a command added to the keymap without a handler does not compile.
import type { Command } from '../keymap.js';
import { disabledReason } from '../keymap.js';
import { currentTopic } from './actions.js';
import { brokersController } from './brokers.js';
import { consumerController } from './consumer.js';
import type { ControllerContext, Handler } from './context.js';
import { globalController } from './global.js';
import { currentGroup, groupsController } from './groups.js';
import { inputController } from './input.js';
import { listsController } from './lists.js';
import { topicConfigsController } from './topic-configs.js';
import { topicsController } from './topics.js';

export const HANDLERS: { [C in Command]: Handler } = {
  ...globalController,
  ...listsController,
  ...topicsController,
  ...topicConfigsController,
  ...consumerController,
  ...brokersController,
  ...groupsController,
  ...inputController,
};

/** Runs a command, or says why it is disabled (read-only, no topic or group selected). */
export function dispatch(ctx: ControllerContext, command: Command): void {
  const topic = currentTopic(ctx);
  const group = currentGroup(ctx);
  const reason = disabledReason(command, { readOnly: ctx.readOnly, topic, group }, ctx.keymap);
  if (reason) return ctx.say(reason, true);
  HANDLERS[command]({ ...ctx, topic, group });
}
