// Keys that work everywhere: help, quit, the command line, back, pane focus, refresh.
import type { Pane } from '../ui-state.js';
import { COMMAND_LINE_HELP } from '../command-line.js';
import { focusProducer, openPrompt } from './actions.js';
import type { CommandContext, Controller } from './context.js';

const PANES: readonly Pane[] = ['topics', 'describe', 'consumer', 'producer'];

function cycleFocus(ctx: CommandContext, step: 1 | -1): void {
  const { ui, readOnly, topic } = ctx;
  const panes = readOnly ? PANES.filter((p) => p !== 'producer') : PANES;
  const next = panes[(panes.indexOf(ui.snapshot.focus) + panes.length + step) % panes.length]!;
  ui.set({ overlay: undefined });
  if (next !== 'producer') ui.set({ focus: next });
  // Tab only focuses the pane: typing starts on purpose (Enter), so no stray key becomes a message.
  else if (topic) focusProducer(ctx, topic, false);
  else ctx.say('select a topic first', true);
}

export const globalController = {
  'app.help': ({ ui }) => ui.set({ overlay: 'help', overlayTop: 0 }),
  'app.quit': ({ exit }) => exit(),
  'app.commandLine': (ctx) => openPrompt(ctx, 'command', ':', { placeholder: COMMAND_LINE_HELP }),
  'app.back': ({ ui, models: { topics, consumer, brokers, groups, group, topicConfigs } }) => {
    const state = ui.snapshot;
    if (state.overlay === 'detail') consumer.closeDetail();
    if (state.overlay === 'brokerConfigs') {
      brokers.closeConfigs();
      ui.set({ overlay: 'brokers' });
    } else if (state.overlay) {
      if (state.overlay === 'topicConfigs') topicConfigs.dropProposal();
      ui.set({ overlay: undefined });
    } else if (consumer.stopFind()) return;
    else if (state.focus === 'topics' && topics.snapshot.filter) topics.setFilter('');
    else if (state.focus === 'consumer' && consumer.snapshot.search) consumer.setSearch('');
    else if (state.focus === 'groups' && groups.snapshot.filter) groups.setFilter('');
    // An opened group: first drop a reset preview, then go back to the list.
    else if (state.focus === 'group' && group.snapshot.reset) group.dropReset();
    else if (state.focus === 'group') {
      group.close();
      ui.set({ focus: 'groups' });
    } else ui.set({ focus: 'topics' });
  },
  'focus.next': (ctx) => cycleFocus(ctx, 1),
  'focus.previous': (ctx) => cycleFocus(ctx, -1),
  'view.refresh': ({ ui, models }) => {
    const { focus, overlay } = ui.snapshot;
    if (overlay === 'brokers') void models.brokers.refresh();
    else if (overlay === 'topicConfigs') void models.topicConfigs.refresh();
    else if (focus === 'describe') void models.describe.refresh();
    else if (focus === 'groups') void models.groups.refresh();
    else if (focus === 'group') void models.group.refresh();
    else void models.topics.refresh();
  },
} satisfies Controller<'app.help' | 'app.quit' | 'app.commandLine' | 'app.back' | 'focus.next' | 'focus.previous' | 'view.refresh'>;
