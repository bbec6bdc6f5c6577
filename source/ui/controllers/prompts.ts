// What Enter does on each kind of prompt, as a table: one entry per PromptPurpose.
import type { Prompt, PromptPurpose } from '../ui-state.js';
import { fail, startConsumer, startFind } from './actions.js';
import { runLine } from './command-line.js';
import { saveShown } from './consumer.js';
import type { ControllerContext } from './context.js';
import { GROUP_PROMPTS } from './groups.js';
import { TOPIC_CONFIG_PROMPTS } from './topic-configs.js';

/** `text` is trimmed; `topic` and `group` are the prompt's ('' when it has none). A throw is reported. */
type Submit = (ctx: ControllerContext, text: string, topic: string, group: string) => void;

export const PROMPTS: { [P in PromptPurpose]: Submit } = {
  ...GROUP_PROMPTS,
  ...TOPIC_CONFIG_PROMPTS,
  // Filter and search are applied while typing.
  filter: () => {},
  search: () => {},
  command: (ctx, text) => runLine(ctx, text),
  consumeOptions: (ctx, text, topic) => startConsumer(ctx, topic, text),
  find: (ctx, text, topic) => startFind(ctx, topic, text),
  savePath: (ctx, text, topic) => saveShown(ctx, text, topic),
  create: (ctx, text) => {
    const [name = '', partitions = '1', replication = '1'] = text.split(/\s+/);
    const input = { topic: name, partitions: Number(partitions), replicationFactor: Number(replication) };
    void ctx.models.backend.createTopic(input).then(
      () => {
        ctx.say(`created ${name}`);
        return ctx.models.topics.refresh();
      },
      (error) => fail(ctx, error),
    );
  },
  alter: (ctx, text, topic) => {
    void ctx.models.backend.alterPartitions(topic, Number(text)).then(
      () => {
        ctx.say(`${topic} now has ${text} partitions`);
        void ctx.models.describe.refresh();
        return ctx.models.topics.refresh();
      },
      (error) => fail(ctx, error),
    );
  },
  delete: (ctx, text, topic) => {
    if (text !== topic) return ctx.say(`not deleted: the name typed was not ${topic}`, true);
    void ctx.models.backend.deleteTopic(topic).then(
      () => {
        ctx.say(`deleted ${topic}`);
        if (ctx.models.describe.snapshot.topic === topic) ctx.models.describe.clear();
        return ctx.models.topics.refresh();
      },
      (error) => fail(ctx, error),
    );
  },
};

export function submitPrompt(ctx: ControllerContext, prompt: Prompt): void {
  ctx.ui.set({ prompt: undefined });
  try {
    PROMPTS[prompt.purpose](ctx, prompt.text.trim(), prompt.topic ?? '', prompt.group ?? '');
  } catch (error) {
    fail(ctx, error);
  }
}
