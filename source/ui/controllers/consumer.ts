// The consumer pane: start (from the beginning or from a prompt), find, pause, open a message,
// save what it lists.
import { CONSUME_OPTIONS_HELP, FIND_HELP } from '../../model/consume-options.js';
import { MAX_COPY_BYTES, clipboardRefusal, osc52 } from '../../format/osc52.js';
import { defaultSavePath, envelopeLineOf, saveRecords } from '../../model/save-records.js';
import { viewerFor, viewText, withViewFile } from '../viewer.js';
import { fail, openPrompt, startConsumer } from './actions.js';
import { withTopic, type Controller, type ControllerContext } from './context.js';

export const consumerController = {
  'consume.start': withTopic((ctx, topic) => startConsumer(ctx, topic)),
  'consume.options': withTopic((ctx, topic) =>
    openPrompt(ctx, 'consumeOptions', `consume ${topic} from: `, { topic, placeholder: CONSUME_OPTIONS_HELP }),
  ),
  'consume.find': withTopic((ctx, topic) => openPrompt(ctx, 'find', `find in ${topic}: `, { topic, placeholder: FIND_HELP })),
  'consume.pause': ({ models }) => models.consumer.togglePause(),
  'consume.copyValue': (ctx) => copySelected(ctx, 'value'),
  'consume.copyEnvelope': (ctx) => copySelected(ctx, 'envelope'),
  'consume.view': (ctx) => viewSelected(ctx),
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
} satisfies Controller<
  | 'consume.start'
  | 'consume.options'
  | 'consume.find'
  | 'consume.pause'
  | 'consume.save'
  | 'consume.copyValue'
  | 'consume.copyEnvelope'
  | 'consume.view'
  | 'consume.detail'
>;

/** y and Y: the selected message's value, or its whole envelope, to the clipboard. */
function copySelected(ctx: ControllerContext, what: 'value' | 'envelope'): void {
  const refusal = clipboardRefusal(ctx.env);
  if (refusal) return ctx.say(refusal, true);
  const record = ctx.models.consumer.selectedRecord();
  const topic = ctx.models.consumer.snapshot.request?.topic;
  if (!record || topic === undefined) return ctx.say('nothing to copy: no message selected', true);
  const bytes = what === 'value' ? (record.value ?? Buffer.alloc(0)) : Buffer.from(envelopeLineOf(topic, record));
  if (bytes.length > MAX_COPY_BYTES)
    return ctx.say(`not copied: ${bytes.length} B is more than a terminal's clipboard takes (${MAX_COPY_BYTES} B)`, true);
  ctx.writeTerminal(osc52(bytes));
  const where = ctx.env.TMUX ? ' (tmux passes it on with set-clipboard on)' : '';
  ctx.say(`copied the ${what} of offset ${record.offset} (${bytes.length} B)${where}`);
}

/** e: the selected message in the user's pager, from a private file removed afterwards. */
function viewSelected(ctx: ControllerContext): void {
  const record = ctx.models.consumer.selectedRecord();
  const topic = ctx.models.consumer.snapshot.request?.topic;
  if (!record || topic === undefined) return ctx.say('nothing to open: no message selected', true);
  const viewer = viewerFor(ctx.env);
  const name = `${topic}-${record.partition}-${record.offset}.txt`;
  const result = withViewFile(name, viewText(topic, record), (file) => ctx.runOnTerminal(viewer.command, file));
  if (result.error) return ctx.say(`cannot run ${viewer.name}: ${result.error}`, true);
  // sh's "command not found"; set PAGER to a pager that is there.
  if (result.status === 127) return ctx.say(`cannot run ${viewer.name}: not found (set PAGER)`, true);
  if (result.status !== 0 && result.status !== null) return ctx.say(`${viewer.name} exited with status ${result.status}`, true);
}

/** The save prompt's Enter: what the pane lists now (it may have grown since the prompt opened). */
export function saveShown(ctx: ControllerContext, path: string, topic: string): void {
  if (path === '') return ctx.say('not saved: no file name', true);
  void saveRecords(path, topic, ctx.models.consumer.shownRecords()).then(
    (count) => ctx.say(`saved ${count} message(s) to ${path}`),
    (error) => fail(ctx, error),
  );
}
