// Steps several controllers share: open a view, start a consumer, open a prompt.
import { errorMessage } from '../../kafka/errors.js';
import { parseConsumeOptions, parseFindOptions } from '../../model/consume-options.js';
import type { PromptPurpose } from '../ui-state.js';
import type { ControllerContext } from './context.js';

export const fail = (ctx: ControllerContext, error: unknown) => ctx.say(errorMessage(error), true);

/** The topic an action applies to: the selection in the list, else the one on screen. */
export function currentTopic({ ui, models }: ControllerContext): string | undefined {
  return ui.snapshot.focus === 'topics'
    ? models.topics.selectedTopic?.name
    : (models.describe.snapshot.topic ?? models.consumer.snapshot.request?.topic ?? models.topics.selectedTopic?.name);
}

export function showDescribe({ ui, models }: ControllerContext, topic: string): void {
  ui.set({ focus: 'describe', describeTop: 0, overlay: undefined });
  void models.describe.show(topic);
}

/** Throws on options it cannot read; the prompt's caller reports it. */
export function startConsumer(ctx: ControllerContext, topic: string, text = ''): void {
  const options = parseConsumeOptions(text);
  ctx.ui.set({ focus: 'consumer', overlay: undefined });
  void ctx.models.consumer.start({ topic, ...options }).catch((error) => fail(ctx, error));
}

/** Throws on options or a filter it cannot read, before anything is read; the prompt's caller reports it. */
export function startFind(ctx: ControllerContext, topic: string, text: string): void {
  const find = parseFindOptions(text);
  const started = ctx.models.consumer.find({ topic, ...find });
  ctx.ui.set({ focus: 'consumer', overlay: undefined });
  void started.catch((error) => fail(ctx, error));
}

/** Focuses the producer pane; `typing` (the default) starts the mode where keys are message text. */
export function focusProducer({ ui, models }: ControllerContext, topic: string, typing = true): void {
  models.producer.setTopic(topic);
  const current = ui.snapshot.focus;
  ui.set({ focus: 'producer', typing, returnFocus: current === 'producer' ? ui.snapshot.returnFocus : current });
}

export function openPrompt(
  { ui }: ControllerContext,
  purpose: PromptPurpose,
  label: string,
  options: { text?: string; topic?: string; group?: string; placeholder?: string } = {},
): void {
  ui.set({
    prompt: { purpose, label, text: options.text ?? '', topic: options.topic, group: options.group, placeholder: options.placeholder },
  });
}
