// Any input line (a prompt or the producer's): Enter, Esc, and the producer's history.
import type { Controller } from './context.js';
import { submitPrompt } from './prompts.js';

export const inputController = {
  'input.submit': (ctx) => {
    const prompt = ctx.ui.snapshot.prompt;
    if (prompt) submitPrompt(ctx, prompt);
    else if (ctx.models.producer.snapshot.pending) void ctx.models.producer.sendPending();
    else void ctx.models.producer.send();
  },
  'input.cancel': ({ ui, models }) => {
    const { prompt, returnFocus } = ui.snapshot;
    if (prompt?.purpose === 'filter') models.topics.setFilter('');
    if (prompt?.purpose === 'search') models.consumer.setSearch('');
    if (prompt?.purpose === 'groupFilter') models.groups.setFilter('');
    if (prompt) ui.set({ prompt: undefined });
    else if (models.producer.snapshot.pending) models.producer.dropPending();
    else ui.set({ focus: returnFocus, typing: false });
  },
  'input.historyPrevious': ({ models }) => models.producer.browseHistory(-1),
  'input.historyNext': ({ models }) => models.producer.browseHistory(1),
} satisfies Controller<'input.submit' | 'input.cancel' | 'input.historyPrevious' | 'input.historyNext'>;
