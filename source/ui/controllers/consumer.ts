// The consumer pane: start (from the beginning or from a prompt), find, pause, open a message,
// save what it lists.
import { CONSUME_OPTIONS_HELP, FIND_HELP } from '../../model/consume-options.js';
import { defaultSavePath, saveRecords } from '../../model/save-records.js';
import { fail, openPrompt, startConsumer } from './actions.js';
import { withTopic, type Controller, type ControllerContext } from './context.js';

export const consumerController = {
  'consume.start': withTopic((ctx, topic) => startConsumer(ctx, topic)),
  'consume.options': withTopic((ctx, topic) =>
    openPrompt(ctx, 'consumeOptions', `consume ${topic} from: `, { topic, placeholder: CONSUME_OPTIONS_HELP }),
  ),
  'consume.find': withTopic((ctx, topic) => openPrompt(ctx, 'find', `find in ${topic}: `, { topic, placeholder: FIND_HELP })),
  'consume.pause': ({ models }) => models.consumer.togglePause(),
  'consume.save': (ctx) => {
    const topic = ctx.models.consumer.snapshot.request?.topic;
    const count = ctx.models.consumer.rows().count;
    if (topic === undefined || count === 0) return ctx.say('nothing to save: no messages listed', true);
    openPrompt(ctx, 'savePath', `save ${count} message(s) as JSONL to: `, { topic, text: defaultSavePath(topic) });
  },
  'consume.detail': ({ ui, models: { consumer } }) => {
    consumer.openDetail();
    if (consumer.snapshot.detailSeq !== undefined) ui.set({ overlay: 'detail', overlayTop: 0 });
  },
} satisfies Controller<'consume.start' | 'consume.options' | 'consume.find' | 'consume.pause' | 'consume.save' | 'consume.detail'>;

/** The save prompt's Enter: what the pane lists now (it may have grown since the prompt opened). */
export function saveShown(ctx: ControllerContext, path: string, topic: string): void {
  if (path === '') return ctx.say('not saved: no file name', true);
  void saveRecords(path, topic, ctx.models.consumer.shownRecords()).then(
    (count) => ctx.say(`saved ${count} message(s) to ${path}`),
    (error) => fail(ctx, error),
  );
}
