// The topic configs view: E opens it for the selected topic; Enter edits the selected config in
// a prompt that starts from its value, and the change is applied only after typing yes. A value
// the broker refuses is said with its reason, and nothing changes.
import { openPrompt } from './actions.js';
import type { Controller, ControllerContext } from './context.js';
import { withTopic } from './context.js';

export const topicConfigsController = {
  'topic.configs': withTopic(({ ui, models }, topic) => {
    ui.set({ overlay: 'topicConfigs', overlayTop: 0 });
    void models.topicConfigs.open(topic);
  }),
  'topicConfig.edit': (ctx) => {
    const { topic } = ctx.models.topicConfigs.snapshot;
    const config = ctx.models.topicConfigs.selectedConfig;
    if (topic === undefined || !config) return;
    openPrompt(ctx, 'configValue', `${config.name} of ${topic} = `, { topic, text: config.sensitive ? '' : (config.value ?? '') });
  },
} satisfies Controller<'topic.configs' | 'topicConfig.edit'>;

type Submit = (ctx: ControllerContext, text: string, topic: string) => void;

export const TOPIC_CONFIG_PROMPTS: { configValue: Submit; configConfirm: Submit } = {
  configValue: (ctx, text, topic) => {
    const config = ctx.models.topicConfigs.selectedConfig;
    if (!config) return;
    if (text === '' || text === config.value) return ctx.say(`${config.name} not changed`);
    ctx.models.topicConfigs.propose(config.name, text);
    openPrompt(ctx, 'configConfirm', `set ${config.name}=${text} on ${topic}? type yes: `, { topic });
  },
  configConfirm: (ctx, text, topic) => {
    const { pending } = ctx.models.topicConfigs.snapshot;
    if (!pending) return;
    if (text !== 'yes') {
      ctx.models.topicConfigs.dropProposal();
      return ctx.say(`${pending.name} not changed: the answer was not yes`, true);
    }
    void ctx.models.topicConfigs.apply().then((refusal) => {
      if (refusal) ctx.say(refusal, true);
      else ctx.say(`${topic}: ${pending.name} is now ${pending.value}`);
    });
  },
};
