// The groups list and an opened group: open, reset (plan, preview, confirm), delete the group or
// its offsets for a topic. Every change is confirmed by typing the group's name, and refused up
// front for a group with live members, naming them (the broker would refuse it too).
import { activeHolders } from '../../model/groups-store.js';
import { describeMode, parseResetOptions, parseTopicSpec, RESET_OPTIONS_HELP } from '../../model/reset-options.js';
import { fail, openPrompt } from './actions.js';
import type { CommandContext, Controller, ControllerContext, Handler } from './context.js';

/** The group a command applies to: the opened one, else the selection in the list. */
export function currentGroup({ ui, models }: ControllerContext): string | undefined {
  const { focus } = ui.snapshot;
  if (focus === 'group') return models.group.snapshot.groupId;
  if (focus === 'groups') return models.groups.selectedGroup?.groupId;
  return undefined;
}

export function showGroups({ ui, models }: ControllerContext): void {
  ui.set({ focus: 'groups', overlay: undefined });
  void models.groups.show();
}

function openGroup({ ui, models }: ControllerContext, groupId: string): Promise<void> {
  if (ui.snapshot.focus !== 'group') ui.set({ focus: 'group', groupTop: 0 });
  return models.group.open(groupId);
}

/** Like withTopic: the dispatcher has already said 'select a group first'. */
const withGroup =
  (then: (ctx: CommandContext, group: string) => void): Handler =>
  (ctx) => {
    if (ctx.group) then(ctx, ctx.group);
  };

/** Opens the group (fresh), then runs `then` unless live members hold it. */
const whenInactive = (then: (ctx: CommandContext, group: string) => void) =>
  withGroup((ctx, group) => {
    void openGroup(ctx, group).then(() => {
      const { lag, error } = ctx.models.group.snapshot;
      if (!lag) return ctx.say(error ?? `cannot describe ${group}`, true);
      const holders = activeHolders(lag);
      if (holders) ctx.say(holders, true);
      else then(ctx, group);
    });
  });

export const groupsController = {
  'groups.show': showGroups,
  'group.open': withGroup((ctx, group) => void openGroup(ctx, group)),
  'group.reset': whenInactive((ctx, group) =>
    openPrompt(ctx, 'resetPlan', `reset ${group} to: `, { group, placeholder: RESET_OPTIONS_HELP }),
  ),
  'group.delete': whenInactive((ctx, group) => openPrompt(ctx, 'groupDelete', `delete group ${group}? type its name: `, { group })),
  'group.deleteOffsets': withGroup((ctx, group) => {
    void openGroup(ctx, group).then(() => {
      const topics = [...new Set(ctx.models.group.snapshot.lag?.partitions.map((p) => p.topic) ?? [])];
      openPrompt(ctx, 'offsetsTopic', `delete ${group}'s offsets for topic: `, {
        group,
        text: topics.length === 1 ? topics[0] : '',
        placeholder: topics.length ? `T or T:0,1 (${topics.join(', ')})` : 'T or T:0,1',
      });
    });
  }),
} satisfies Controller<'groups.show' | 'group.open' | 'group.reset' | 'group.delete' | 'group.deleteOffsets'>;

type GroupSubmit = (ctx: ControllerContext, text: string, topic: string, group: string) => void;

const confirmed = (ctx: ControllerContext, text: string, group: string, what: string): boolean => {
  if (text === group) return true;
  ctx.say(`${what}: the name typed was not ${group}`, true);
  return false;
};

/** What Enter does on the groups' prompts (merged into PROMPTS). */
export const GROUP_PROMPTS = {
  // Applied while typing.
  groupFilter: () => {},
  resetPlan: (ctx, text, _topic, group) => {
    const { mode, scope } = parseResetOptions(text, Date.now(), { group });
    const words = describeMode(mode) + ('topics' in scope ? ` · ${scope.topics.map((t) => t.topic).join(', ')}` : '');
    void ctx.models.group.plan(words, mode, scope).then(() => {
      const reset = ctx.models.group.snapshot.reset;
      if (reset?.error) return ctx.say(reset.error, true);
      if (!reset?.plan) return;
      if (reset.plan.rows.length === 0) return ctx.say(`nothing to reset: ${group} has no offsets in that scope`, true);
      openPrompt(ctx, 'resetConfirm', `apply this reset? type ${group} (Esc keeps it a dry run): `, { group });
    });
  },
  resetConfirm: (ctx, text, _topic, group) => {
    if (!confirmed(ctx, text, group, 'not reset')) return;
    void ctx.models.group.apply().then((applied) => {
      const reset = ctx.models.group.snapshot.reset;
      if (!applied) return ctx.say(reset?.error ?? 'not reset', true);
      ctx.say(`reset ${group}: ${reset?.plan?.rows.length ?? 0} partition(s) moved`);
      void ctx.models.groups.refresh();
    });
  },
  groupDelete: (ctx, text, _topic, group) => {
    if (!confirmed(ctx, text, group, 'not deleted')) return;
    void ctx.models.backend.deleteGroup(group).then(
      () => {
        ctx.say(`deleted group ${group}`);
        ctx.models.group.close();
        ctx.ui.set({ focus: 'groups' });
        return ctx.models.groups.refresh();
      },
      (error) => fail(ctx, error),
    );
  },
  offsetsTopic: (ctx, text, _topic, group) => {
    if (!parseTopicSpec(text).topic) throw new Error('name a topic: T or T:0,1');
    openPrompt(ctx, 'offsetsConfirm', `delete ${group}'s offsets for ${text}? type ${group}: `, { group, topic: text });
  },
  offsetsConfirm: (ctx, text, spec, group) => {
    if (!confirmed(ctx, text, group, 'not deleted')) return;
    const { topic, partitions } = parseTopicSpec(spec);
    void ctx.models.backend.deleteGroupOffsets(group, topic, partitions).then(
      () => {
        ctx.say(`deleted ${group}'s offsets for ${spec}`);
        void ctx.models.group.refresh();
        return ctx.models.groups.refresh();
      },
      (error) => fail(ctx, error),
    );
  },
} satisfies Record<string, GroupSubmit>;
