// The consumer pane: start (from the beginning or from a prompt), find, pause, open a message.
import { CONSUME_OPTIONS_HELP, FIND_HELP } from '../../model/consume-options.js';
import { openPrompt, startConsumer } from './actions.js';
import { withTopic, type Controller } from './context.js';

export const consumerController = {
  'consume.start': withTopic((ctx, topic) => startConsumer(ctx, topic)),
  'consume.options': withTopic((ctx, topic) =>
    openPrompt(ctx, 'consumeOptions', `consume ${topic} from: `, { topic, placeholder: CONSUME_OPTIONS_HELP }),
  ),
  'consume.find': withTopic((ctx, topic) => openPrompt(ctx, 'find', `find in ${topic}: `, { topic, placeholder: FIND_HELP })),
  'consume.pause': ({ models }) => models.consumer.togglePause(),
  'consume.detail': ({ ui, models: { consumer } }) => {
    consumer.openDetail();
    if (consumer.snapshot.detailSeq !== undefined) ui.set({ overlay: 'detail', overlayTop: 0 });
  },
} satisfies Controller<'consume.start' | 'consume.options' | 'consume.find' | 'consume.pause' | 'consume.detail'>;
