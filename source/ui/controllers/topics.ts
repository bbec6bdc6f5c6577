// The topics list and describe: open, create, alter, delete.
import { focusProducer, openPrompt, showDescribe } from './actions.js';
import { withTopic, type Controller } from './context.js';

export const topicsController = {
  'topic.open': withTopic(showDescribe),
  'topic.describe': withTopic(showDescribe),
  'topic.toggleInternal': ({ models }) => models.topics.toggleInternal(),
  'topic.create': (ctx) => openPrompt(ctx, 'create', 'new topic: ', { placeholder: 'name [partitions] [replication factor]' }),
  'topic.alterPartitions': withTopic((ctx, topic) => {
    const now = ctx.models.topics.snapshot.all.find((s) => s.name === topic)?.partitions;
    openPrompt(ctx, 'alter', `partitions for ${topic}${now ? ` (now ${now})` : ''}: `, { topic, placeholder: 'a larger count' });
  }),
  'topic.delete': withTopic((ctx, topic) => openPrompt(ctx, 'delete', `delete ${topic}? type its name: `, { topic })),
  'produce.focus': withTopic(focusProducer),
} satisfies Controller<
  'topic.open' | 'topic.describe' | 'topic.toggleInternal' | 'topic.create' | 'topic.alterPartitions' | 'topic.delete' | 'produce.focus'
>;
