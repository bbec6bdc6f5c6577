// The command handlers run against the real model stores over the in-memory backend,
// with no Ink: what a key does is checked by what it changes in the stores.
import { afterEach, describe, expect, it } from 'vitest';
import { scrollTop } from '../../../../source/model/list-window.js';
import { helpLines } from '../../../../source/ui/components/help-overlay.js';
import { runLine } from '../../../../source/ui/controllers/command-line.js';
import type { ControllerContext } from '../../../../source/ui/controllers/context.js';
import { HANDLERS, dispatch } from '../../../../source/ui/controllers/index.js';
import { PROMPTS, submitPrompt } from '../../../../source/ui/controllers/prompts.js';
import { KEYMAP } from '../../../../source/ui/keymap.js';
import { layoutFor, listRows } from '../../../../source/ui/layout.js';
import { createModels, disposeModels, type Models } from '../../../../source/ui/models.js';
import { UiStore } from '../../../../source/ui/ui-state.js';
import { FakeBackend, MemoryHistory, description, topic } from '../../../helpers/fake-backend.js';

interface Setup {
  ctx: ControllerContext;
  backend: FakeBackend;
  models: Models;
  ui: UiStore;
  said: Array<{ text: string; error: boolean }>;
  exits: number;
}

let models: Models | undefined;
afterEach(async () => {
  if (models) await disposeModels(models);
  models = undefined;
});

async function setup(topics: string[], readOnly = false): Promise<Setup> {
  const backend = new FakeBackend();
  backend.topics = topics.map((name) => topic(name));
  for (const name of topics) {
    backend.descriptions.set(name, description(name, [{ partition: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] }]));
  }
  models = createModels(backend, new MemoryHistory(), { describeRefreshMs: 0, connectionCheckMs: 0, notifyHz: 100 });
  await models.topics.refresh();
  const ui = new UiStore({ focus: 'topics', returnFocus: 'topics', overlayTop: 0, describeTop: 0 });
  const setup: Setup = {
    backend,
    models,
    ui,
    said: [],
    exits: 0,
    ctx: {
      models,
      ui,
      layout: layoutFor(80, 24),
      readOnly,
      keymap: KEYMAP,
      say: (text, error = false) => setup.said.push({ text, error }),
      exit: () => setup.exits++,
    },
  };
  return setup;
}

describe('the handler table', () => {
  it('has a handler for every command the keymap binds, and the prompt table one per purpose', () => {
    for (const binding of KEYMAP) expect(typeof HANDLERS[binding.command], binding.command).toBe('function');
    expect(Object.keys(PROMPTS).sort()).toEqual([
      'alter',
      'command',
      'configConfirm',
      'configValue',
      'consumeOptions',
      'create',
      'delete',
      'filter',
      'find',
      'groupDelete',
      'groupFilter',
      'offsetsConfirm',
      'offsetsTopic',
      'resetConfirm',
      'resetPlan',
      'savePath',
      'search',
    ]);
  });
});

describe('disabled reasons on the bindings', () => {
  it('read-only: writes say why and change nothing', async () => {
    const s = await setup(['events'], true);
    for (const command of ['topic.create', 'topic.delete', 'topic.alterPartitions', 'produce.focus'] as const) {
      dispatch(s.ctx, command);
    }
    expect(s.said.map((m) => m.text)).toEqual([
      "read-only: creating topics is disabled (--read-only or the profile's readOnly)",
      "read-only: deleting topics is disabled (--read-only or the profile's readOnly)",
      "read-only: altering partitions is disabled (--read-only or the profile's readOnly)",
      "read-only: producing is disabled (--read-only or the profile's readOnly)",
    ]);
    expect(s.said.every((m) => m.error)).toBe(true);
    expect(s.ui.snapshot.prompt).toBeUndefined();
    expect(s.ui.snapshot.focus).toBe('topics');
  });

  it(':produce in read-only says the same as p', async () => {
    const s = await setup(['events'], true);
    runLine(s.ctx, 'produce events');
    expect(s.said).toEqual([{ text: "read-only: producing is disabled (--read-only or the profile's readOnly)", error: true }]);
    expect(s.ui.snapshot.focus).toBe('topics');
  });

  it('without a topic, topic commands ask for one and start nothing', async () => {
    const s = await setup([]);
    dispatch(s.ctx, 'consume.start');
    dispatch(s.ctx, 'topic.describe');
    expect(s.said.map((m) => m.text)).toEqual(['select a topic first', 'select a topic first']);
    expect(s.backend.consumeRequests).toEqual([]);
    expect(s.ui.snapshot.focus).toBe('topics');
  });
});

describe('commands', () => {
  it('c consumes the selected topic from the beginning and focuses the consumer', async () => {
    const s = await setup(['alpha', 'beta']);
    dispatch(s.ctx, 'cursor.down');
    dispatch(s.ctx, 'consume.start');
    await expect.poll(() => s.backend.consumeRequests).toEqual([{ topic: 'beta', from: { kind: 'earliest' }, partitions: [] }]);
    expect(s.ui.snapshot.focus).toBe('consumer');
  });

  it('the C prompt starts from what was typed; bad input is one error line', async () => {
    const s = await setup(['events']);
    dispatch(s.ctx, 'consume.options');
    expect(s.ui.snapshot.prompt).toMatchObject({ purpose: 'consumeOptions', topic: 'events' });
    submitPrompt(s.ctx, { ...s.ui.snapshot.prompt!, text: 'offset 5 p=1' });
    await expect.poll(() => s.backend.consumeRequests).toEqual([{ topic: 'events', from: { kind: 'offset', offset: 5 }, partitions: [1] }]);
    dispatch(s.ctx, 'consume.options');
    submitPrompt(s.ctx, { ...s.ui.snapshot.prompt!, text: 'sometime' });
    expect(s.said.at(-1)?.error).toBe(true);
    expect(s.said.at(-1)?.text).toMatch(/^cannot read 'sometime'/);
    expect(s.backend.consumeRequests).toHaveLength(1);
  });

  it('delete needs the exact name typed', async () => {
    const s = await setup(['events']);
    dispatch(s.ctx, 'topic.delete');
    submitPrompt(s.ctx, { ...s.ui.snapshot.prompt!, text: 'event' });
    expect(s.said).toEqual([{ text: 'not deleted: the name typed was not events', error: true }]);
    dispatch(s.ctx, 'topic.delete');
    submitPrompt(s.ctx, { ...s.ui.snapshot.prompt!, text: ' events ' });
    await expect.poll(() => s.said.at(-1)?.text).toBe('deleted events');
    expect(s.backend.deleted).toEqual(['events']);
  });

  it('the command line: describe, quit, and an unknown verb', async () => {
    const s = await setup(['events', 'other']);
    dispatch(s.ctx, 'app.commandLine');
    submitPrompt(s.ctx, { ...s.ui.snapshot.prompt!, text: 'describe other' });
    expect(s.ui.snapshot.focus).toBe('describe');
    expect(s.models.describe.snapshot.topic).toBe('other');
    dispatch(s.ctx, 'app.commandLine');
    submitPrompt(s.ctx, { ...s.ui.snapshot.prompt!, text: 'bogus' });
    expect(s.said.at(-1)).toMatchObject({ error: true, text: expect.stringMatching(/^unknown command ':bogus'/) });
    runLine(s.ctx, 'q');
    expect(s.exits).toBe(1);
  });

  it('Tab skips the producer in read-only mode', async () => {
    const s = await setup(['events'], true);
    const seen = [];
    for (let i = 0; i < 4; i++) {
      dispatch(s.ctx, 'focus.next');
      seen.push(s.ui.snapshot.focus);
    }
    expect(seen).toEqual(['describe', 'consumer', 'topics', 'describe']);
  });

  it('Esc clears the topic filter before it leaves the pane', async () => {
    const s = await setup(['events', 'other']);
    dispatch(s.ctx, 'list.filter');
    expect(s.ui.snapshot.prompt?.purpose).toBe('filter');
    s.models.topics.setFilter('oth');
    dispatch(s.ctx, 'input.submit');
    expect(s.models.topics.snapshot.visible.map((t) => t.name)).toEqual(['other']);
    dispatch(s.ctx, 'app.back');
    expect(s.models.topics.snapshot.filter).toBe('');
  });
});

describe('the brokers pane', () => {
  it(':brokers opens it; keys move the selection; Enter opens configs, which j scrolls; Esc goes back, then closes', async () => {
    const s = await setup([]);
    const broker = s.backend.brokerOverview.brokers[0]!;
    s.backend.brokerOverview = { ...s.backend.brokerOverview, brokers: [1, 2, 3].map((nodeId) => ({ ...broker, nodeId })) };
    const configs = Array.from({ length: 40 }, (_, i) => ({
      name: `c${i}`,
      value: String(i),
      source: 'STATIC_BROKER_CONFIG',
      sensitive: false,
      synonyms: [],
    }));
    s.backend.brokerConfigSets.set(3, { nodeId: 3, configs });
    runLine(s.ctx, 'brokers');
    expect(s.ui.snapshot.overlay).toBe('brokers');
    await s.models.brokers.refresh();
    dispatch(s.ctx, 'cursor.bottom');
    expect(s.models.brokers.selectedBroker).toBe(3);
    dispatch(s.ctx, 'cursor.up');
    expect(s.models.brokers.selectedBroker).toBe(2);
    dispatch(s.ctx, 'cursor.down');
    dispatch(s.ctx, 'broker.configs');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(s.models.brokers.snapshot).toMatchObject({ configsOf: 3, configs: { nodeId: 3 } });
    expect(s.ui.snapshot.overlay).toBe('brokerConfigs');
    dispatch(s.ctx, 'cursor.down');
    expect(s.ui.snapshot.overlayTop).toBe(1);
    dispatch(s.ctx, 'cursor.bottom');
    expect(s.ui.snapshot.overlayTop).toBe(scrollTop(Infinity, 40, listRows(s.ctx.layout.mainHeight, 'brokers')));
    dispatch(s.ctx, 'app.back');
    expect(s.models.brokers.snapshot.configsOf).toBeUndefined();
    expect(s.ui.snapshot.overlay).toBe('brokers');
    dispatch(s.ctx, 'app.back');
    expect(s.ui.snapshot.overlay).toBeUndefined();
  });
});

describe('scrolling', () => {
  it('help: G then k moves up one line from the last page', async () => {
    const s = await setup(['events']);
    dispatch(s.ctx, 'app.help');
    dispatch(s.ctx, 'cursor.bottom');
    const last = helpLines().length - listRows(s.ctx.layout.mainHeight, 'overlay');
    expect(s.ui.snapshot.overlayTop).toBe(last);
    dispatch(s.ctx, 'cursor.up');
    expect(s.ui.snapshot.overlayTop).toBe(last - 1);
    dispatch(s.ctx, 'cursor.pageDown');
    dispatch(s.ctx, 'cursor.pageDown');
    expect(s.ui.snapshot.overlayTop).toBe(last);
  });

  it('describe: a short list does not scroll at all', async () => {
    const s = await setup(['events']);
    dispatch(s.ctx, 'topic.describe');
    await expect.poll(() => s.models.describe.snapshot.description?.partitions.length).toBe(1);
    dispatch(s.ctx, 'cursor.bottom');
    dispatch(s.ctx, 'cursor.down');
    expect(s.ui.snapshot.describeTop).toBe(0);
  });
});

describe('scrollTop', () => {
  it('keeps the last page full and never goes below zero', () => {
    expect(scrollTop(Infinity, 40, 18)).toBe(22);
    expect(scrollTop(21, 40, 18)).toBe(21);
    expect(scrollTop(-5, 40, 18)).toBe(0);
    expect(scrollTop(3, 10, 18)).toBe(0);
    expect(scrollTop(3, 0, 18)).toBe(0);
  });
});
