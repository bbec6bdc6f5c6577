// Cursor keys and `/` for whichever list has the focus: the topics and groups lists and the
// consumer move a selection; describe, an opened group, help and message detail scroll,
// clamped by the same window helper their views draw with.
import { scrollTop } from '../../model/list-window.js';
import { helpLines } from '../components/help-overlay.js';
import { contextsOf } from '../focus.js';
import { listRows } from '../layout.js';
import { detailRowCount } from '../panes/detail.js';
import { groupLineCount } from '../panes/group.js';
import { openPrompt } from './actions.js';
import type { CommandContext, Controller } from './context.js';

type Move = number | 'top' | 'bottom';

function moveCursor({ ui, models, layout, keymap }: CommandContext, move: Move): void {
  const context = contextsOf(ui.snapshot)[0];
  const scrolled = (top: number, count: number, height: number) =>
    scrollTop(move === 'top' ? 0 : move === 'bottom' ? count : top + move, count, height);
  if (context === 'brokers') {
    const { selected } = models.brokers.snapshot;
    models.brokers.select(move === 'top' ? 0 : move === 'bottom' ? Number.MAX_SAFE_INTEGER : selected + move);
  } else if (context === 'topicConfigs') {
    const { selected, configs } = models.topicConfigs.snapshot;
    models.topicConfigs.select(move === 'top' ? 0 : move === 'bottom' ? (configs?.length ?? 1) - 1 : selected + move);
  } else if (context === 'brokerConfigs') {
    const count = models.brokers.snapshot.configs?.configs.length ?? 0;
    ui.set({ overlayTop: scrolled(ui.snapshot.overlayTop, count, listRows(layout.mainHeight, 'brokers')) });
  } else if (context === 'help' || context === 'detail') {
    const count = context === 'help' ? helpLines(keymap).length : detailRowCount(models.consumer, layout.width);
    ui.set({ overlayTop: scrolled(ui.snapshot.overlayTop, count, listRows(layout.mainHeight, 'overlay')) });
  } else if (context === 'describe') {
    const count = models.describe.snapshot.description?.partitions.length ?? 0;
    ui.set({ describeTop: scrolled(ui.snapshot.describeTop, count, listRows(layout.topHeight, 'describe')) });
  } else if (context === 'topics') {
    const { visible, selected } = models.topics.snapshot;
    models.topics.select(move === 'top' ? 0 : move === 'bottom' ? visible.length - 1 : selected + move);
  } else if (context === 'groups') {
    const { visible, selected } = models.groups.snapshot;
    models.groups.select(move === 'top' ? 0 : move === 'bottom' ? visible.length - 1 : selected + move);
  } else if (context === 'group') {
    const count = groupLineCount(models.group.snapshot, layout.width);
    ui.set({ groupTop: scrolled(ui.snapshot.groupTop, count, listRows(layout.mainHeight, 'group')) });
  } else if (context === 'consumer') {
    if (move === 'top') models.consumer.moveToTop();
    else if (move === 'bottom') models.consumer.moveToBottom();
    else models.consumer.move(move);
  }
}

/** One page of the focused list: the rows its view shows. */
function pageSize({ ui, layout }: CommandContext): number {
  const context = contextsOf(ui.snapshot)[0];
  if (context === 'topics') return listRows(layout.topHeight, 'topics');
  if (context === 'consumer') return listRows(layout.bottomHeight, 'consumer');
  if (context === 'describe') return listRows(layout.topHeight, 'describe');
  if (context === 'brokers' || context === 'brokerConfigs' || context === 'topicConfigs') return listRows(layout.mainHeight, 'brokers');
  if (context === 'groups' || context === 'group') return listRows(layout.mainHeight, context);
  return listRows(layout.mainHeight, 'overlay');
}

export const listsController = {
  'cursor.up': (ctx) => moveCursor(ctx, -1),
  'cursor.down': (ctx) => moveCursor(ctx, 1),
  'cursor.top': (ctx) => moveCursor(ctx, 'top'),
  'cursor.bottom': (ctx) => moveCursor(ctx, 'bottom'),
  'cursor.pageUp': (ctx) => moveCursor(ctx, -pageSize(ctx)),
  'cursor.pageDown': (ctx) => moveCursor(ctx, pageSize(ctx)),
  'list.filter': (ctx) => {
    const { focus } = ctx.ui.snapshot;
    if (focus === 'consumer') openPrompt(ctx, 'search', 'search: ', { text: ctx.models.consumer.snapshot.search });
    else if (focus === 'groups') openPrompt(ctx, 'groupFilter', 'filter: ', { text: ctx.models.groups.snapshot.filter });
    else openPrompt(ctx, 'filter', 'filter: ', { text: ctx.models.topics.snapshot.filter });
  },
} satisfies Controller<'cursor.up' | 'cursor.down' | 'cursor.top' | 'cursor.bottom' | 'cursor.pageUp' | 'cursor.pageDown' | 'list.filter'>;
